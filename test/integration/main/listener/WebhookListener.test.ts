import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildCapture } from '../../../../main/listener/buildCapture'
import { malformedCapture } from '../../../../main/listener/malformedRequest'
import { startWebhookListener, type RunningWebhookListener } from '../../../../main/listener/WebhookListener'
import { CaptureRepository, type NewCapture } from '../../../../main/store/CaptureRepository'
import { openProjectDatabase, type ProjectDatabase } from '../../../../main/store/database'
import { httpRequest, type HttpAnswer } from '../../support/httpRequest'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { answersIn, rawExchange } from './rawExchange'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function projectFile(): ProjectDatabase {
  const folder = createTemporaryFolder('webhook-listener')
  const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { create: true })
  cleanups.push(folder.remove, () => db.close())
  return db
}

type Done = (error: Error | null, ids: readonly string[]) => void

/** A store whose commits the test completes by hand, to see what senders hear before and after. */
function heldCommits(db: ProjectDatabase) {
  const captures = new CaptureRepository(db)
  const held: { group: readonly NewCapture[]; done: Done }[] = []
  return {
    held,
    /** Stores the oldest held group and calls it back, or fails it. */
    complete(error: Error | null = null) {
      const next = held.shift()
      if (!next) throw new Error('no commit is under way')
      next.done(error, error ? [] : captures.insert(next.group))
    },
    finishCommitsCalls: 0
  }
}

async function listen(
  store: ReturnType<typeof heldCommits>,
  committed: string[][] = []
): Promise<RunningWebhookListener> {
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
    intakeMalformed: (request) =>
      malformedCapture(request, {
        routeFor: () => undefined,
        secretFor: () => ({ secret: undefined }),
        bodyLimitBytes: 1024 * 1024
      }),
    commit: (group, done) => void store.held.push({ group, done }),
    finishCommits: () => {
      store.finishCommitsCalls += 1
      while (store.held.length > 0) store.complete()
    },
    afterCommit: (_group, ids) => void committed.push([...ids]),
    onError: () => undefined
  })
  cleanups.push(() => listener.close())
  return listener
}

/** A project file and a listener on it whose commits the test completes by hand. */
async function heldListener() {
  const db = projectFile()
  const store = heldCommits(db)
  const committed: string[][] = []
  const listener = await listen(store, committed)
  return { db, store, committed, listener }
}

const post = (port: number, body: string): Promise<HttpAnswer> =>
  httpRequest({ port, path: '/hooks/shop', method: 'POST', headers: { 'Content-Type': 'application/json' }, body })

const settled = async (answer: Promise<unknown>): Promise<boolean> =>
  Promise.race([answer.then(() => true), new Promise<boolean>((wait) => setTimeout(() => wait(false), 300))])

describe('answers only once the capture is stored', () => {
  it('holds each sender until its group is stored, then answers with its id and hands the group on', async () => {
    const { store, committed, listener } = await heldListener()

    const first = post(listener.port, '{"n":1}')
    expect(await settled(first)).toBe(false)
    expect(store.held).toHaveLength(1)
    const second = post(listener.port, '{"n":2}')
    expect(await settled(second)).toBe(false)
    expect(committed).toEqual([])

    store.complete()
    const firstAnswer = await first
    expect(firstAnswer.status).toBe(200)
    expect(JSON.parse(firstAnswer.body)).toMatchObject({ ok: true, id: '1' })
    expect(await settled(second)).toBe(false)
    store.complete()
    expect(JSON.parse((await second).body)).toMatchObject({ ok: true, id: '2' })
    expect(committed).toEqual([['1'], ['2']])
  })

  it('tells the sender to send again when its capture could not be stored', async () => {
    const { db, store, committed, listener } = await heldListener()
    const answer = post(listener.port, '{"n":1}')
    await new Promise((wait) => setTimeout(wait, 200))
    store.complete(new Error('EIO: i/o error, fsync'))
    const { status, body } = await answer
    expect(status).toBe(503)
    expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: 'not_stored' } })
    expect(JSON.parse(body).error.message).toContain('EIO: i/o error, fsync')
    expect(committed).toEqual([])
    expect(new CaptureRepository(db).count()).toBe(0)
  })

  it('answers 503 when it closes to a request whose body is still arriving, rather than cutting it off', async () => {
    const { db, listener } = await heldListener()
    const cut = rawExchange(
      listener.port,
      'POST /hooks/shop HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"partial":'
    )
    await new Promise((wait) => setTimeout(wait, 200))
    await listener.close()
    expect(answersIn(await cut)).toEqual([
      {
        status: 503,
        json: {
          ok: false,
          error: { code: 'listener_stopped', message: 'The listener is stopping: send the request again.' }
        }
      }
    ])
    expect(new CaptureRepository(db).count()).toBe(0)
  })

  it('finishes the commits under way when it closes, and answers their senders', async () => {
    const { db, store, listener } = await heldListener()
    const answer = post(listener.port, '{"n":1}')
    await new Promise((wait) => setTimeout(wait, 200))
    expect(store.held).toHaveLength(1)
    await listener.close()
    expect(store.finishCommitsCalls).toBe(1)
    expect((await answer).status).toBe(200)
    expect(new CaptureRepository(db).count()).toBe(1)
  })
})
