import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { connect, createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openProjectDatabase } from '../../../../main/store/database'
import { capmap, ensureBuiltCli, startListen, type RunningListen } from '../listener/runCapmap'
import { httpRequest } from '../../support/httpRequest'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { copySampleProject } from '../../support/sampleProjectCopy'

let folder: ReturnType<typeof createTemporaryFolder>
let configDir: string
let listening: RunningListen | undefined
let occupier: Server | undefined

beforeAll(ensureBuiltCli, 200_000)

beforeEach(() => {
  folder = createTemporaryFolder('listen-lifecycle')
  configDir = join(folder.path, 'config')
  copySampleProject(join(folder.path, 'Shop.capmap'))
})

afterEach(async () => {
  if (listening?.child.exitCode === null) listening.child.kill('SIGKILL')
  listening = undefined
  await new Promise((resolveClose) => (occupier ? occupier.close(resolveClose) : resolveClose(undefined)))
  occupier = undefined
  folder.remove()
})

const listen = (...args: string[]) => capmap(folder.path, configDir, ['listen', '--project', 'Shop.capmap', ...args])

/** Another program holding a port on 127.0.0.1: a real server, so the CLI's bind really fails. */
async function occupiedPort(): Promise<number> {
  const server = createServer()
  occupier = server
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  return (server.address() as { port: number }).port
}

/** A booking app's request to the listener, as a sender posts it. */
const reserve = (port: number, event: string) =>
  httpRequest({
    port,
    path: '/hooks/booking-app',
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ event_name: event })
  })

/**
 * A sender that declares a body over the listener's 5 MiB, sends part of it, and closes its connection as soon as
 * the answer comes, as curl does: resolves with the answer's first bytes.
 */
function oversizeThenHangUp(port: number): Promise<string> {
  return new Promise((resolveAnswer, rejectAnswer) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /hooks/booking-app HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${6 * 1024 * 1024}\r\n\r\n`
      )
      socket.write(Buffer.alloc(64 * 1024, 0x20))
    })
    socket.once('data', (chunk: Buffer) => {
      socket.end()
      resolveAnswer(chunk.toString('latin1'))
    })
    socket.on('error', rejectAnswer)
  })
}

function capturesIn(project: string): number {
  const db = openProjectDatabase(project, { readOnly: true })
  const { n } = db.prepare('SELECT count(*) AS n FROM captures').get() as { n: number }
  db.close()
  return n
}

describe('capmap listen, when it cannot listen', () => {
  it('exits 1 saying, without a stack trace, that the port is in use and how to choose another', async () => {
    const port = await occupiedPort()
    const result = listen('--port', String(port))
    expect(result.status).toBe(1)
    expect(result.stderr).toBe(
      `capmap: Port ${port} is in use by another program: close it, or choose another port with --port.\n`
    )
    expect(result.stdout).toBe('')
  })

  it('exits 1 saying, without a stack trace, that this machine has no such address', () => {
    const result = listen('--host', '192.0.2.1', '--port', '0')
    expect(result.status).toBe(1)
    expect(result.stderr).toBe(
      'capmap: This machine has no address 192.0.2.1: choose 127.0.0.1 or one of its own addresses.\n'
    )
  })
})

describe('capmap listen, when it stops', () => {
  it('says on Ctrl+C (SIGINT), as its last line, that it stopped and how many captures it received', async () => {
    const project = join(folder.path, 'Shop.capmap')
    const before = capturesIn(project)
    listening = await startListen(folder.path, configDir, ['--project', 'Shop.capmap', '--port', '0'])
    for (const event of ['be_reserved', 'be_cancelled']) {
      await reserve(listening.port, event)
    }
    await listening.linesAfterStart(2)
    listening.child.kill('SIGINT')
    expect(await listening.exited).toEqual({ code: 0, signal: null })
    const lines = listening.stdout().trimEnd().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines.at(-1)).toBe(`Stopped listening on http://127.0.0.1:${listening.port}/ for Shop: 2 captures received.`)
    expect(capturesIn(project)).toBe(before + 2)
    expect(listening.stderr()).toBe('')
  })

  it('stops as cleanly when no one reads its output any more (| head), with exit 141: every capture kept', async () => {
    const project = join(folder.path, 'Shop.capmap')
    const before = capturesIn(project)
    listening = await startListen(folder.path, configDir, ['--project', 'Shop.capmap', '--port', '0'])
    listening.child.stdout.destroy()
    const answer = await reserve(listening.port, 'be_reserved')
    expect(answer.status).toBe(200)
    // 141, as `captures list | head` and git: under `set -o pipefail` a script sees that it did not run to its end.
    expect(await listening.exited).toEqual({ code: 141, signal: null })
    // Closed, not cut short: the last connection checkpointed the write-ahead log into the file and removed it.
    expect(existsSync(`${project}-wal`)).toBe(false)
    expect(capturesIn(project)).toBe(before + 1)
    expect(listening.stderr()).toBe('')
  })

  it('stops as cleanly after a body over the limit whose sender went away once it read its 413', async () => {
    listening = await startListen(folder.path, configDir, ['--project', 'Shop.capmap', '--port', '0'])
    const answer = await oversizeThenHangUp(listening.port)
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    await listening.linesAfterStart(1)
    listening.child.kill('SIGINT')
    expect(await listening.exited).toEqual({ code: 0, signal: null })
    expect(listening.stdout().trimEnd().split('\n').at(-1)).toBe(
      `Stopped listening on http://127.0.0.1:${listening.port}/ for Shop: 1 capture received.`
    )
  })

  it('says so on SIGTERM too, counting no captures when none came', async () => {
    listening = await startListen(folder.path, configDir, ['--project', 'Shop.capmap', '--port', '0'])
    listening.child.kill('SIGTERM')
    expect(await listening.exited).toEqual({ code: 0, signal: null })
    expect(listening.stdout().trimEnd().split('\n').at(-1)).toBe(
      `Stopped listening on http://127.0.0.1:${listening.port}/ for Shop: 0 captures received.`
    )
  })
})

describe('capmap listen, when a capture cannot be stored', () => {
  it('says so on stderr, as its sender hears 503, rather than only in the log', async () => {
    listening = await startListen(folder.path, configDir, ['--project', 'Shop.capmap', '--port', '0'])
    // Another program keeps the file's write lock past the listener's busy timeout (4 s).
    const holder = new Database(join(folder.path, 'Shop.capmap'))
    holder.exec('BEGIN EXCLUSIVE')
    try {
      const answer = await reserve(listening.port, 'be_reserved')
      expect(answer.status).toBe(503)
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    listening.child.kill('SIGINT')
    expect(await listening.exited).toEqual({ code: 0, signal: null })
    expect(listening.stderr()).toBe(
      'capmap: 1 capture was not stored (database is locked): its sender was answered 503, to send again.\n'
    )
    expect(listening.stdout().trimEnd().split('\n').at(-1)).toContain('0 captures received.')
  }, 20_000)
})
