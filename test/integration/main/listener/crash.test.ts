import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openProjectDatabase } from '../../../../main/store/database'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { buildTimeoutMs } from '../../support/builtCli'
import { capmap, ensureBuiltCli, startListen, type RunningListen } from './runCapmap'

let folder: ReturnType<typeof createTemporaryFolder> | undefined
let listen: RunningListen | undefined

beforeAll(ensureBuiltCli, buildTimeoutMs)

afterEach(() => {
  if (listen?.child.exitCode === null && listen.child.signalCode === null) listen.child.kill('SIGKILL')
  folder?.remove()
})

type Answer = { status: number; id: string } | Error

function post(port: number, agent: Agent, body: string): Promise<Answer> {
  return new Promise((resolveAnswer) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path: '/hooks/booking-app',
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json' }
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => {
          try {
            resolveAnswer({ status: response.statusCode ?? 0, id: (JSON.parse(text) as { id: string }).id })
          } catch (error) {
            resolveAnswer(error as Error)
          }
        })
        response.on('error', resolveAnswer)
      }
    )
    outgoing.on('error', resolveAnswer)
    outgoing.end(body)
  })
}

describe('capmap listen killed in the middle of a load', () => {
  it('has every request that got a 2xx in the file, once', async () => {
    folder = createTemporaryFolder('crash')
    const configDir = join(folder.path, 'config')
    expect(capmap(folder.path, configDir, ['new', 'Crash.capmap', '--sample']).status).toBe(0)
    const running = await startListen(folder.path, configDir, ['--project', 'Crash.capmap', '--port', '0'])
    listen = running

    const acknowledged = new Map<number, string>()
    let failed = 0
    let next = 0
    let stopped = false
    const sender = async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 })
      while (!stopped) {
        const n = next++
        const answer = await post(running.port, agent, JSON.stringify({ event_name: 'be_reserved', n }))
        if (answer instanceof Error) failed += 1
        else if (answer.status >= 200 && answer.status < 300) acknowledged.set(n, answer.id)
      }
      agent.destroy()
    }
    const senders = Array.from({ length: 40 }, sender)
    while (acknowledged.size < 1500) await new Promise((resolveWait) => setTimeout(resolveWait, 5))
    running.child.kill('SIGKILL')
    expect(await running.exited).toEqual({ code: null, signal: 'SIGKILL' })
    stopped = true
    await Promise.all(senders)

    const db = openProjectDatabase(join(folder.path, 'Crash.capmap'))
    try {
      const rows = db
        .prepare(
          "SELECT seq, json_extract(CAST(body AS TEXT), '$.n') AS n FROM captures WHERE path = '/hooks/booking-app' AND n IS NOT NULL"
        )
        .all() as { seq: number; n: number }[]
      const stored = new Map(rows.map((row) => [row.n, String(row.seq)]))
      expect(stored.size).toBe(rows.length)
      const missing = [...acknowledged].filter(([n, id]) => stored.get(n) !== id)
      expect(missing).toEqual([])
      expect(acknowledged.size).toBeGreaterThanOrEqual(1500)
      // Requests cut off by the kill were never answered 2xx; some of them may still be in the file.
      expect(rows.length).toBeGreaterThanOrEqual(acknowledged.size)
      expect(failed).toBeGreaterThan(0)
    } finally {
      db.close()
    }
  })
})
