import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../../../main/capillary/sandbox/startSandbox'
import { openProjectDatabase } from '../../../main/store/database'
import { PublishStateRepository } from '../../../main/store/PublishStateRepository'
import { buildTimeoutMs, capmapBin, ensureBuiltCli } from '../support/builtCli'
import { createTemporaryFolder } from '../support/temporaryFolder'
import { changingCalls, publishStudio, quickSandbox, seedOrg, seededEvents } from './publishHarness'

let folder: ReturnType<typeof createTemporaryFolder>
let sandbox: RunningSandbox
let configDir: string
const basic = () => ['--base-url', sandbox.baseUrl, '--auth', 'basic', '--till', 'sandbox.till']

/** Runs capmap as a child process without blocking this process, where the sandbox answers. */
function capmap(
  args: string[],
  env: Record<string, string> = { CAPMAP_PASSWORD: 'sandbox' }
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [capmapBin, ...args], {
    cwd: folder.path,
    env: { ...process.env, CAPMAP_CONFIG_DIR: configDir, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (status) => resolve({ status, stdout, stderr }))
  })
}

beforeAll(async () => {
  ensureBuiltCli()
  folder = createTemporaryFolder('publish-cli')
  configDir = join(folder.path, 'config')
  sandbox = await quickSandbox()
  const studio = publishStudio(folder.path)
  studio.newProject(join(folder.path, 'Shop.capmap'), true)
  studio.session.close()
}, buildTimeoutMs)

afterAll(async () => {
  await sandbox.close()
  folder.remove()
})

describe('capmap publish and pull', () => {
  it('exits 2 on bad usage, saying what is missing', async () => {
    const noTill = await capmap([
      'publish',
      '--project',
      'Shop.capmap',
      '--base-url',
      sandbox.baseUrl,
      '--auth',
      'basic'
    ])
    expect(noTill.status).toBe(2)
    expect(noTill.stderr).toContain('--auth basic needs --till <code>')
    const unknownAuth = await capmap([
      'pull',
      '--project',
      'Shop.capmap',
      '--base-url',
      sandbox.baseUrl,
      '--auth',
      'foo'
    ])
    expect(unknownAuth.status).toBe(2)
    expect(unknownAuth.stderr).toContain(
      '--base-url needs --auth basic (with --till <code>) or --auth oauth (got --auth foo)'
    )
  })

  it('prints the dry run (comparison and requests, secrets masked) and changes nothing', async () => {
    const result = await capmap(['publish', '--project', 'Shop.capmap', ...basic(), '--dry-run'])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`Publish plan for ${sandbox.baseUrl}: 0 of 10 custom events`)
    expect(result.stdout).toContain('be_reserved (custom): ready; the org has it absent; action: create')
    expect(result.stdout).toMatch(/\+ fields\.hotel_name {2}string .*\| {2}—/)
    expect(result.stdout).toContain('POST /v2/events  (Creates the custom event')
    expect(result.stdout).toContain('Authorization: Basic [masked]')
    expect(result.stdout).not.toContain('c2FuZGJveC50aWxs')
    expect(changingCalls(sandbox)).toEqual([])
  })

  it('runs the dry run while the studio edits the project, and refuses the publish itself then', async () => {
    const editing = publishStudio(folder.path)
    editing.session.open(join(folder.path, 'Shop.capmap'))
    try {
      const dryRun = await capmap(['publish', '--project', 'Shop.capmap', ...basic(), '--dry-run'])
      expect(dryRun.stderr).toBe('')
      expect(dryRun.status).toBe(0)
      expect(dryRun.stdout).toContain('be_reserved (custom): ready; the org has it absent; action: create')
      const publish = await capmap(['publish', '--project', 'Shop.capmap', ...basic(), '--yes'])
      expect(publish.status).toBe(1)
      expect(publish.stderr).toContain('Shop is open for editing in another studio')
      expect(changingCalls(sandbox)).toEqual([])
    } finally {
      editing.session.close()
    }
  })

  it('publishes with --yes, exits 0 once verified, and keeps the state under the base URL', async () => {
    const result = await capmap(['publish', '--project', 'Shop.capmap', ...basic(), '--event', 'be_reserved', '--yes'])
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain(
      'be_reserved  logs  Hotel booking app: EVENT_SUCCESS (Event processed successfully).'
    )
    expect(result.stdout).toContain('be_reserved: verified (EVENT_SUCCESS), waiting for the manual publish in InTouch')
    expect(result.status).toBe(0)
    const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { readOnly: true })
    try {
      const state = new PublishStateRepository(db)
      expect(state.list(sandbox.baseUrl)).toEqual([
        expect.objectContaining({ eventName: 'be_reserved', stage: 'verified' })
      ])
      expect(state.webhooks(sandbox.baseUrl)).toEqual([expect.objectContaining({ transformer: 'defaultTransformer' })])
    } finally {
      db.close()
    }
  })

  it('with --wait sees PUBLISHED (after the publish in InTouch) and locks the event', async () => {
    expect(sandbox.publish('be_reserved').status).toBe(200)
    const result = await capmap([
      'publish',
      '--project',
      'Shop.capmap',
      ...basic(),
      '--event',
      'be_reserved',
      '--wait',
      '30'
    ])
    expect(result.stdout).toContain(`be_reserved: published (EVENT_SUCCESS), locked for ${sandbox.baseUrl}`)
    expect(result.status).toBe(0)
  })

  it('exits 1 when the org refuses the credentials', async () => {
    const result = await capmap(['publish', '--project', 'Shop.capmap', ...basic(), '--yes'], {
      CAPMAP_PASSWORD: 'wrong'
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Please check your username/password or authentication token')
  })

  it('pulls an org with OAuth: imports what the project lacks and prints the drift', async () => {
    await seedOrg(sandbox, seededEvents(1))
    const result = await capmap(
      ['pull', '--project', 'Shop.capmap', '--base-url', sandbox.baseUrl, '--auth', 'oauth'],
      {
        CAPMAP_OAUTH_KEY: 'sandbox',
        CAPMAP_OAUTH_SECRET: 'sandbox'
      }
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('be_reserved (custom): in both; the org has it published; the same')
    expect(result.stdout).toContain('ProductAddedToCart (standard): only in the project')
    // The drift as found: what the import then takes in reads as only in the org.
    expect(result.stdout).toContain('seeded_1 (custom): only in the org; the org has it unpublished')
    expect(result.stdout).toContain(
      'Imported 1 event(s) as drafts: seeded_1; 0 adapter mapping(s) made mappings; 1 webhook URI(s) kept'
    )
  })

  it('on Ctrl+C while Capillary has not answered the dry run yet, stops at once: nothing sent again, lock released', async () => {
    const sockets: Socket[] = []
    let received = ''
    const silent = createServer((socket) => {
      sockets.push(socket)
      socket.setEncoding('latin1').on('data', (chunk: string) => (received += chunk))
    })
    await new Promise<void>((resolveListen) => silent.listen(0, '127.0.0.1', resolveListen))
    try {
      const baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`
      const child = spawn(
        process.execPath,
        [capmapBin, 'publish', '--project', 'Shop.capmap', '--base-url', baseUrl, '--auth', 'basic', '--till', 't'],
        {
          cwd: folder.path,
          env: { ...process.env, CAPMAP_CONFIG_DIR: configDir, NO_COLOR: '1', CAPMAP_PASSWORD: 'sandbox' },
          stdio: ['ignore', 'pipe', 'pipe']
        }
      )
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      const exited = new Promise<number | null>((resolveExit) => child.once('close', resolveExit))
      // The request for the org's events is under way, unanswered.
      await new Promise<void>((resolveConnected) =>
        silent.once('connection', (socket: Socket) => socket.once('data', () => resolveConnected()))
      )
      child.kill('SIGINT')
      expect(await exited).toBe(1)
      expect(stderr).toBe('Interrupted: nothing was published.\n')
      // One request, never tried again.
      expect(received.match(/^GET \/v2\/events HTTP\/1\.1$/gm)).toHaveLength(1)
      expect(existsSync(join(folder.path, 'Shop.capmap.lock'))).toBe(false)
    } finally {
      for (const socket of sockets) socket.destroy()
      silent.close()
    }
  })

  it('on Ctrl+C while waiting for the publish in InTouch cancels, says so, and closes the project, lock and all', async () => {
    const child = spawn(
      process.execPath,
      [capmapBin, 'publish', '--project', 'Shop.capmap', ...basic(), '--event', 'ProductAddedToCart', '--wait', '600'],
      {
        cwd: folder.path,
        env: { ...process.env, CAPMAP_CONFIG_DIR: configDir, NO_COLOR: '1', CAPMAP_PASSWORD: 'sandbox' },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const exited = new Promise<number | null>((resolveExit) => child.once('close', resolveExit))
    await new Promise<void>((resolveWaiting) =>
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk
        if (/^ProductAddedToCart {2}logs {2}.*EVENT_SUCCESS/m.test(stdout)) resolveWaiting()
      })
    )
    child.kill('SIGINT')
    expect(await exited).toBe(1)
    expect(stdout).toContain('ProductAddedToCart: failed: CANCELLED')
    expect(stderr).toBe('Interrupted: publish again to finish what was cancelled.\n')
    expect(existsSync(join(folder.path, 'Shop.capmap.lock'))).toBe(false)
    expect(existsSync(join(folder.path, 'Shop.capmap-wal'))).toBe(false)
  })
})
