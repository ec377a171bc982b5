import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildCapture } from '../../../../main/listener/buildCapture'
import { walDurability, type CommitDurability } from '../../../../main/listener/WalDurability'
import { startWebhookListener, type RunningWebhookListener } from '../../../../main/listener/WebhookListener'
import { CaptureRepository, type NewCapture } from '../../../../main/store/CaptureRepository'
import { openProjectDatabase, type ProjectDatabase } from '../../../../main/store/database'
import { httpRequest, type HttpAnswer } from '../../support/httpRequest'
import { createTemporaryFolder } from '../../support/temporaryFolder'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function projectFile(): ProjectDatabase {
  const folder = createTemporaryFolder('durability')
  const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { create: true })
  cleanups.push(folder.remove, () => db.close())
  return db
}

/** A sync the test completes by hand, to see what senders hear before and after the disk confirms. */
function heldSync() {
  const pending: ((error: Error | null) => void)[] = []
  const durability: Pick<CommitDurability, 'sync' | 'syncNow'> & { syncNowCalls: number } = {
    syncNowCalls: 0,
    sync: (done) => void pending.push(done),
    syncNow() {
      durability.syncNowCalls += 1
    }
  }
  return { durability, pending }
}

async function listen(
  db: ProjectDatabase,
  durability: Pick<CommitDurability, 'sync' | 'syncNow'>,
  committed: string[][] = []
): Promise<RunningWebhookListener> {
  const captures = new CaptureRepository(db)
  const listener = await startWebhookListener({
    host: '127.0.0.1',
    port: 0,
    bodyLimitBytes: 1024 * 1024,
    now: () => new Date(),
    intake: (request) =>
      buildCapture(request, {
        routeFor: () => undefined,
        secretFor: () => ({ secret: undefined }),
        bodyLimitBytes: 1024 * 1024
      }),
    commit: (group: readonly NewCapture[]) => captures.insert(group),
    durability,
    afterCommit: (_group, ids) => void committed.push([...ids]),
    onError: () => undefined
  })
  cleanups.push(() => listener.close())
  return listener
}

const post = (port: number, body: string): Promise<HttpAnswer> =>
  httpRequest({ port, path: '/hooks/shop', method: 'POST', headers: { 'Content-Type': 'application/json' }, body })

const settled = async (answer: Promise<unknown>): Promise<boolean> =>
  Promise.race([answer.then(() => true), new Promise<boolean>((wait) => setTimeout(() => wait(false), 300))])

describe('group commit with the sync off the event loop', () => {
  it('answers a sender once a sync begun after its commit is done, in commit order, without waiting for earlier syncs', async () => {
    const db = projectFile()
    const { durability, pending } = heldSync()
    const committed: string[][] = []
    const listener = await listen(db, durability, committed)

    const first = post(listener.port, '{"n":1}')
    expect(await settled(first)).toBe(false)
    // Committed (visible in the file) but not yet answered, nor handed to the after-commit work.
    expect(new CaptureRepository(db).count()).toBe(1)
    expect(pending).toHaveLength(1)
    expect(committed).toEqual([])

    // While the first sync runs, another capture gets a sync of its own, which may well finish first: begun after
    // both commits, it covers the first capture too, and both are settled in commit order.
    const second = post(listener.port, '{"n":2}')
    expect(await settled(second)).toBe(false)
    expect(pending).toHaveLength(2)
    pending[1]?.(null)
    expect([(await first).status, (await second).status]).toEqual([200, 200])
    expect(committed.flat().map(Number)).toEqual([1, 2])
    pending[0]?.(null) // ends late, with nothing left to settle

    const third = post(listener.port, '{"n":3}')
    expect(await settled(third)).toBe(false)
    pending[2]?.(null)
    expect((await third).status).toBe(200)
    expect(committed.flat()).toHaveLength(3)
  })

  it('tells the sender to send again when the disk does not confirm', async () => {
    const db = projectFile()
    const { durability, pending } = heldSync()
    const listener = await listen(db, durability)
    const answer = post(listener.port, '{"n":1}')
    await new Promise((wait) => setTimeout(wait, 200))
    pending[0]?.(new Error('EIO: i/o error, fsync'))
    const { status, body } = await answer
    expect(status).toBe(503)
    expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: 'not_durable' } })
  })

  it('syncs and answers what is still waiting when it closes', async () => {
    const db = projectFile()
    const { durability, pending } = heldSync()
    const listener = await listen(db, durability)
    const answer = post(listener.port, '{"n":1}')
    await new Promise((wait) => setTimeout(wait, 200))
    expect(pending).toHaveLength(1)
    await listener.close()
    expect(durability.syncNowCalls).toBe(1)
    expect((await answer).status).toBe(200)
  })
})

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
