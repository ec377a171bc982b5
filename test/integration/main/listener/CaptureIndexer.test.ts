import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CaptureIndexer } from '../../../../main/listener/CaptureIndexer'
import { CaptureRepository } from '../../../../main/store/CaptureRepository'
import { openProjectDatabase } from '../../../../main/store/database'
import { jsonCapture } from '../../support/jsonCapture'
import { createTemporaryFolder } from '../../support/temporaryFolder'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

/** A real project file holding `count` unmatched captures, none of them indexed yet. */
function projectWith(count: number): CaptureRepository {
  const folder = createTemporaryFolder('capture-indexer')
  const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { create: true })
  cleanups.push(folder.remove, () => db.close())
  const captures = new CaptureRepository(db)
  const capture = jsonCapture(JSON.stringify({ event_name: 'Added To Cart', text: 'cotton shirt '.repeat(40) }), {
    status: 'unmatched'
  })
  captures.insert(Array.from({ length: count }, () => capture))
  return captures
}

function indexer(captures: CaptureRepository, options: { maxBacklog?: number } = {}) {
  const quiet: number[] = []
  const started = new CaptureIndexer({
    captures,
    idleMs: 30,
    onQuiet: () => quiet.push(captures.pendingIndex()),
    onError: (message) => {
      throw new Error(message)
    },
    ...options
  })
  cleanups.push(() => started.stop())
  return { indexer: started, quiet }
}

const turn = () => new Promise((resolveTurn) => setImmediate(resolveTurn))
const wait = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms))

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await turn()
  }
}

describe('the capture indexer', () => {
  it('indexes every capture once they stop arriving, then says it is quiet', async () => {
    const captures = projectWith(450)
    const { indexer: started, quiet } = indexer(captures)
    started.note(450)
    await until(() => quiet.length > 0)
    expect(quiet).toEqual([0])
    expect(captures.list({ limit: 500, search: 'cotton' }).items).toHaveLength(450)
  })

  it('gives way to captures that arrive while it catches up, and resumes at the next pause', async () => {
    const captures = projectWith(2_000)
    const { indexer: started, quiet } = indexer(captures)
    started.note(2_000)
    await until(() => captures.pendingIndex() < 2_000)
    started.note(1) // a capture arrives: the catch-up stops after its current slice
    await turn()
    const paused = captures.pendingIndex()
    await wait(10) // less than the pause it waits for
    expect(captures.pendingIndex()).toBe(paused)
    expect(paused).toBeGreaterThan(0)
    await until(() => quiet.length > 0)
    expect(captures.pendingIndex()).toBe(0)
  })

  it('runs to the end, captures arriving or not, once the backlog reaches its ceiling', async () => {
    const captures = projectWith(2_000)
    const { indexer: started, quiet } = indexer(captures, { maxBacklog: 1_000 })
    started.note(1_000) // a tenth of the ceiling noted: the backlog is looked at, and it is over
    await turn()
    const arriving = setInterval(() => started.note(1), 1)
    cleanups.push(() => clearInterval(arriving))
    await until(() => quiet.length > 0)
    expect(captures.pendingIndex()).toBe(0)
  })
})
