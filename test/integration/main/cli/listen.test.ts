import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openProjectDatabase } from '../../../../main/store/database'
import { IntegrationRepository } from '../../../../main/store/IntegrationRepository'
import { defaultCaptureRules, ListenerSettingsRepository } from '../../../../main/store/ListenerSettingsRepository'
import {
  capmap,
  ensureBuiltCli,
  spawnOnTerminal,
  startListen,
  type OnTerminal,
  type RunningListen
} from '../listener/runCapmap'
import { httpRequest } from '../../support/httpRequest'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { copySampleProject } from '../../support/sampleProjectCopy'

let folder: ReturnType<typeof createTemporaryFolder>
let configDir: string
const running: RunningListen[] = []
const terminals: OnTerminal[] = []

beforeAll(ensureBuiltCli, 200_000)

beforeEach(() => {
  folder = createTemporaryFolder('listen')
  configDir = join(folder.path, 'config')
  copySampleProject(join(folder.path, 'Shop.capmap'))
})

afterEach(() => {
  for (const listen of running.splice(0)) if (listen.child.exitCode === null) listen.child.kill('SIGKILL')
  for (const terminal of terminals.splice(0)) if (terminal.child.exitCode === null) terminal.child.kill('SIGKILL')
  folder.remove()
})

async function listen(args: string[], environment: Record<string, string> = {}): Promise<RunningListen> {
  const started = await startListen(folder.path, configDir, ['--project', 'Shop.capmap', ...args], environment)
  running.push(started)
  return started
}

const post = (port: number, path: string, body: string) =>
  httpRequest({ port, path, method: 'POST', headers: { 'Content-Type': 'application/json' }, body })

describe('capmap listen', () => {
  it('prints where it listens, with the integrations’ paths', async () => {
    const started = await listen(['--port', '0'])
    expect(started.stdout()).toMatch(
      new RegExp(
        `^Listening on http://127\\.0\\.0\\.1:${started.port}/ for Shop \\(integrations at /hooks/booking-app, /hooks/webengage\\)`
      )
    )
  })

  it('prints one line per capture: time, answer, status, request, type, size, id', async () => {
    const started = await listen(['--port', '0'])
    await post(started.port, '/hooks/webengage', '{"event_name":"Added To Cart"}')
    await post(started.port, '/nowhere', '{"broken":')
    const lines = await started.linesAfterStart(2)
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z {2}200 {2}ok {9}POST \/hooks\/webengage {2}application\/json {2}30 bytes {2}5$/
    )
    expect(lines[1]).toMatch(
      / {2}400 {2}invalid {4}POST \/nowhere {2}application\/json {2}10 bytes {2}6 {2}Invalid JSON at line 1, column 11: /
    )
  })

  it('says when retention deletes captures', async () => {
    const db = openProjectDatabase(join(folder.path, 'Shop.capmap'))
    new ListenerSettingsRepository(db).saveUnmatchedRetention({ kind: 'count', count: 1 })
    db.close()
    const started = await listen(['--port', '0'])
    await post(started.port, '/nowhere/1', '{}')
    await post(started.port, '/nowhere/2', '{}')
    expect(await started.stdoutWith('Retention deleted')).toContain('Retention deleted 1 older capture.\n')
  })

  it('stops on SIGTERM with exit 0, the captures in one complete file', async () => {
    const started = await listen(['--port', '0'])
    await post(started.port, '/hooks/booking-app', '{"event_name":"be_reserved"}')
    await started.linesAfterStart(1)
    started.child.kill('SIGTERM')
    expect(await started.exited).toEqual({ code: 0, signal: null })
    expect(existsSync(join(folder.path, 'Shop.capmap-wal'))).toBe(false)
    const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { readOnly: true })
    expect(db.prepare("SELECT count(*) AS n FROM captures WHERE path = '/hooks/booking-app'").get()).toEqual({ n: 3 })
    db.close()
  })

  it('keeps the port it first chose in the project, so senders find it again', async () => {
    const first = await listen([])
    first.child.kill('SIGTERM')
    await first.exited
    const second = await listen([])
    expect(second.port).toBe(first.port)
    const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { readOnly: true })
    expect(new ListenerSettingsRepository(db).get().port).toBe(first.port)
    db.close()
  })

  it('verifies signatures with the key from CAPMAP_SIGNING_SECRET_<SLUG>', async () => {
    requireWebEngageSignature()
    const started = await listen(['--port', '0'], { CAPMAP_SIGNING_SECRET_WEBENGAGE: 'k3y' })
    const secret = createHash('md5').update('~lic:k3y').digest('hex')
    const good = await post(started.port, `/hooks/webengage?licenseCode=~lic&secret=${secret}`, '{}')
    const bad = await post(started.port, '/hooks/webengage?licenseCode=~lic&secret=nope', '{}')
    expect([good.status, bad.status]).toEqual([200, 401])
    expect(started.stderr()).toBe('')
  })

  it('warns, without a terminal to ask on, that a verifying integration without its key will reject', async () => {
    requireWebEngageSignature()
    const started = await listen(['--port', '0'])
    expect(await started.stderrWith('CAPMAP_SIGNING_SECRET_WEBENGAGE is not set')).toContain(
      'CAPMAP_SIGNING_SECRET_WEBENGAGE is not set'
    )
    expect((await post(started.port, '/hooks/webengage?licenseCode=a&secret=b', '{}')).status).toBe(401)
  })

  it('warns when listening beyond this machine, not on an IPv4 loopback address written as IPv6', async () => {
    const started = await listen(['--port', '0', '--host', '0.0.0.0'])
    expect(await started.stderrWith('other machines')).toContain('other machines')
    const loopback = await listen(['--port', '0', '--host', '::ffff:127.0.0.1'])
    expect((await post(loopback.port, '/hooks/booking-app', '{}')).status).toBe(200)
    expect(loopback.stderr()).toBe('')
  })

  it('stops with exit 130, starting nothing, when Ctrl+C is pressed at a signing secret prompt', async () => {
    requireWebEngageSignature()
    // A terminal to be asked on: the prompt only runs on one.
    const started = spawnOnTerminal(folder.path, configDir, ['listen', '--project', 'Shop.capmap', '--port', '0'])
    terminals.push(started)
    await started.outputWith('Signing secret for webengage')
    started.type('\x03')
    expect(await started.exited).toBe(130)
    expect(started.output()).toContain('stopped at the signing secret prompt: the listener was not started.')
  })

  it.each([
    [['listen', '--port', 'x', '--project', 'Shop.capmap'], '--port'],
    [['listen', '--host', 'example.com', '--project', 'Shop.capmap'], '--host'],
    [['listen'], '--project'],
    [['listen', 'extra', '--project', 'Shop.capmap'], 'no arguments']
  ])('exits 2 for bad usage (%j)', (args, mention) => {
    const result = capmap(folder.path, configDir, args)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(mention)
  })

  it('exits 1 naming a project that does not exist', () => {
    const result = capmap(folder.path, configDir, ['listen', '--project', 'Missing.capmap'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(join(folder.path, 'Missing.capmap'))
  })
})

function requireWebEngageSignature(): void {
  const db = openProjectDatabase(join(folder.path, 'Shop.capmap'))
  const webengage = new IntegrationRepository(db).list().find((integration) => integration.slug === 'webengage')
  new ListenerSettingsRepository(db).saveRules(webengage?.id ?? '', {
    ...defaultCaptureRules,
    verification: { scheme: 'webengage' }
  })
  db.close()
}
