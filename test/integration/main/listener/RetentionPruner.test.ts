import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RetentionPruner } from '../../../../main/listener/RetentionPruner'
import { CaptureRepository } from '../../../../main/store/CaptureRepository'
import { openProjectDatabase } from '../../../../main/store/database'
import { createTemporaryFolder } from '../../support/temporaryFolder'

describe('RetentionPruner', () => {
  it('once stopped, takes no more captures to prune: their project may be closing', async () => {
    const folder = createTemporaryFolder('retention-pruner')
    const db = openProjectDatabase(join(folder.path, 'Pruned.capmap'), { create: true })
    const errors: string[] = []
    const pruner = new RetentionPruner({
      captures: new CaptureRepository(db),
      retentionOf: () => ({ kind: 'count', count: 1 }),
      scopes: () => [{ integrationId: null }],
      now: () => new Date(),
      onPruned: () => undefined,
      onError: (message) => errors.push(message),
      delayMs: 10
    })
    try {
      pruner.stop()
      // A group committed while the listener was closing.
      pruner.note([{ integrationId: null }])
      db.close()
      await new Promise((wait) => setTimeout(wait, 50))
      expect(errors).toEqual([])
    } finally {
      if (db.open) db.close()
      folder.remove()
    }
  })
})
