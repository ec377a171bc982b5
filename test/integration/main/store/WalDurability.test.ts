import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openProjectDatabase, type ProjectDatabase } from '../../../../main/store/database'
import { walDurability } from '../../../../main/store/WalDurability'
import { createTemporaryFolder } from '../../support/temporaryFolder'

const cleanups: (() => unknown)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

function projectFile(): ProjectDatabase {
  const folder = createTemporaryFolder('wal-durability')
  const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { create: true })
  cleanups.push(folder.remove, () => db.close())
  return db
}

describe('the WAL file sync', () => {
  it('commits without SQLite syncing, then gives the connection its synchronous=FULL back, even on an error', () => {
    const db = projectFile()
    const durability = walDurability(db)
    if (!durability) throw new Error('a project file is in WAL mode: its durability must be deferrable')
    cleanups.push(() => durability.close())
    const during = durability.commitUnsynced(() => db.pragma('synchronous', { simple: true }))
    expect(during).toBe(1)
    expect(() =>
      durability.commitUnsynced(() => {
        throw new Error('constraint failed')
      })
    ).toThrow('constraint failed')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
  })

  it('syncs the WAL file of a real project, asynchronously and now', async () => {
    const db = projectFile()
    const durability = walDurability(db)
    if (!durability) throw new Error('a project file is in WAL mode: its durability must be deferrable')
    cleanups.push(() => durability.close())
    await expect(new Promise((done) => durability.sync(done))).resolves.toBeNull()
    expect(() => durability.syncNow()).not.toThrow()
  })

  it('is not offered for a file outside WAL mode: SQLite then syncs every commit itself', () => {
    const db = projectFile()
    db.pragma('journal_mode = DELETE')
    expect(walDurability(db)).toBeUndefined()
  })
})
