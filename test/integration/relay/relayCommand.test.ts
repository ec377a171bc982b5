import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../main/capillary/sandbox/startSandbox'
import { openProjectDatabase } from '../../../main/store/database'
import { ProjectLock } from '../../../main/store/ProjectLock'
import { RelaySettingsRepository } from '../../../main/store/RelaySettingsRepository'
import { createTemporaryFolder } from '../support/temporaryFolder'
import { addedToCart, freePort, postToListener } from './relayHarness'
import { buildTimeoutMs, ensureBuiltCli } from '../support/builtCli'
import { runCapmap, startRelayProcess, waitFor, type RunningRelayProcess } from './runRelay'

let folder: ReturnType<typeof createTemporaryFolder>
let sandbox: RunningSandbox | undefined
let relay: RunningRelayProcess | undefined

beforeAll(ensureBuiltCli, buildTimeoutMs)

afterEach(async () => {
  if (relay?.child.exitCode === null && relay.child.signalCode === null) relay.child.kill('SIGKILL')
  await sandbox?.close()
  folder.remove()
})

function newSampleProject(): { configDir: string } {
  folder = createTemporaryFolder('relay-cli')
  const configDir = join(folder.path, 'config')
  expect(runCapmap(folder.path, configDir, ['new', 'Shop.capmap', '--sample']).status).toBe(0)
  return { configDir }
}

/** `capmap relay` of the sample's WebEngage integration to a Capillary at `baseUrl`, listening on a free port. */
const relayWebEngageTo = (baseUrl: string, ...more: string[]) => [
  '--project',
  'Shop.capmap',
  '--base-url',
  baseUrl,
  '--till',
  'sandbox.till',
  '--integration',
  'webengage',
  '--port',
  '0',
  ...more
]

/** The relay settings as the studio leaves them: on, through its own profile and its org's webhook. */
const studioSettings = {
  enabled: 1,
  profile_id: 'studio-profile',
  webhook_uri: 'https://eu.api.capillarytech.com/webhooks/studio'
}

function leaveStudioRelaySettings(): void {
  const db = openProjectDatabase(join(folder.path, 'Shop.capmap'))
  try {
    const { id } = db.prepare("SELECT id FROM integrations WHERE slug = 'webengage'").get() as { id: string }
    new RelaySettingsRepository(db).save(
      {
        integrationId: id,
        enabled: true,
        profileId: studioSettings.profile_id,
        webhookUri: studioSettings.webhook_uri
      },
      new Date().toISOString()
    )
  } finally {
    db.close()
  }
}

function relaySettingsInFile(): unknown[] {
  const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { readOnly: true })
  try {
    return db.prepare('SELECT enabled, profile_id, webhook_uri FROM relay_settings').all()
  } finally {
    db.close()
  }
}

/** `capmap relay` with its webhook set up, and one post on its way to a Capillary that answers after `latencyMs`. */
async function relayWithPostInFlight(latencyMs: number): Promise<RunningRelayProcess> {
  const { configDir } = newSampleProject()
  const running = await startSandbox()
  sandbox = running
  const started = await startRelayProcess(folder.path, configDir, relayWebEngageTo(running.baseUrl), {
    CAPMAP_PASSWORD: 'sandbox'
  })
  await waitFor(
    () => (started.stdout().includes('Webhook ready in ') ? true : undefined),
    `no webhook set up: ${started.stdout()} ${started.stderr()}`
  )
  running.setFaults({ latencyMs })
  await postToListener(started.port, '/hooks/webengage', addedToCart, { 'x-request-id': 'SLOW' })
  await waitFor(
    () => (running.requests().some((request) => request.path.startsWith('/webhooks/')) ? true : undefined),
    'the post never reached Capillary'
  )
  return started
}

describe('capmap relay', () => {
  it('runs the listener and the relay headless and prints one line per delivery outcome', async () => {
    const { configDir } = newSampleProject()
    sandbox = await startSandbox()
    relay = await startRelayProcess(
      folder.path,
      configDir,
      relayWebEngageTo(sandbox.baseUrl, '--first-retry', '50', '--slow-down', '50'),
      { CAPMAP_PASSWORD: 'sandbox' }
    )
    expect(relay.stdout()).toMatch(/^Relaying webengage of Shop to http:\/\/127\.0\.0\.1:\d+; listening on /)
    await waitFor(
      () => (relay?.stdout().includes('Webhook ready in ') ? true : undefined),
      `no webhook set up: ${relay.stdout()} ${relay.stderr()}`
    )
    sandbox.failNext(1, { status: 502 })
    const answer = await postToListener(relay.port, '/hooks/webengage', addedToCart, { 'x-request-id': 'CLI-1' })
    expect(answer.status).toBe(200)
    const lines = await waitFor(() => {
      const outcomes = relay?.outcomes() ?? []
      return outcomes.some((line) => line.includes(' delivered ')) ? outcomes : undefined
    }, `no delivered line: ${relay.stdout()} ${relay.stderr()}`)
    expect(lines[0]).toMatch(/ retry +\d+:0 {2}attempt 1 {2}502/)
    expect(lines[1]).toMatch(/ delivered +\d+:0 {2}attempt 2 {2}1100: /)
    expect(sandbox.eventData().map((entry) => entry.externalEventId)).toEqual(['CLI-1'])
    // An output Capillary would refuse is not sent, and says why, on its own line.
    const { user_id: _customer, ...withoutCustomer } = JSON.parse(addedToCart) as Record<string, unknown>
    await postToListener(relay.port, '/hooks/webengage', JSON.stringify(withoutCustomer), { 'x-request-id': 'CLI-2' })
    const invalid = await waitFor(
      () =>
        relay
          ?.stdout()
          .split('\n')
          .find((line) => / invalid /.test(line)),
      `no invalid line: ${relay.stdout()} ${relay.stderr()}`
    )
    expect(invalid).toMatch(
      /^\d{4}-\d\d-\d\dT\S+ {2}invalid {4}\d+:0 {2}not sent: ProductAddedToCart: customer: No customer identifier.+/
    )
    expect(sandbox.eventData()).toHaveLength(1)
    relay.child.kill('SIGTERM')
    expect(await relay.exited).toEqual({ code: 0, signal: null })
    expect(relay.stdout()).toMatch(/\nStopped\. This run: 1 delivered, 0 dead, 1 invalid; 0 still pending\.\n$/)
  })

  it('captures while Capillary is out of reach, and delivers once it can set up the webhook', async () => {
    const { configDir } = newSampleProject()
    const port = await freePort()
    relay = await startRelayProcess(folder.path, configDir, relayWebEngageTo(`http://127.0.0.1:${port}`), {
      CAPMAP_PASSWORD: 'sandbox'
    })
    const answer = await postToListener(relay.port, '/hooks/webengage', addedToCart, { 'x-request-id': 'LATE-1' })
    expect(answer.status).toBe(200)
    await waitFor(
      () => (relay?.stderr().includes('the webhook for webengage cannot be set up yet') ? true : undefined),
      `no word of Capillary out of reach: ${relay.stderr()}`
    )
    sandbox = await startSandbox({ port })
    await waitFor(
      () => (relay?.outcomes().some((line) => line.includes(' delivered ')) ? true : undefined),
      `nothing delivered once Capillary answered: ${relay.stdout()} ${relay.stderr()}`
    )
    expect(sandbox.eventData().map((entry) => entry.externalEventId)).toEqual(['LATE-1'])
    relay.child.kill('SIGINT')
    expect(await relay.exited).toEqual({ code: 0, signal: null })
  }, 90_000)

  it('ends, saying why, when Capillary refuses the credentials', async () => {
    const { configDir } = newSampleProject()
    sandbox = await startSandbox()
    relay = await startRelayProcess(folder.path, configDir, relayWebEngageTo(sandbox.baseUrl), {
      CAPMAP_PASSWORD: 'wrong'
    })
    expect(await relay.exited).toEqual({ code: 1, signal: null })
    expect(relay.stderr()).toMatch(/^capmap: Capillary refused GET \/v2\/events\/webhooks: the till code and password/)
    // The relay settings are as the run found them: the studio's relay is not left on without a webhook.
    const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { readOnly: true })
    try {
      expect(db.prepare('SELECT enabled, webhook_uri FROM relay_settings WHERE enabled = 1').all()).toEqual([])
    } finally {
      db.close()
    }
  })

  it('refuses to start beside another relay of the same project: one relay per outbox', async () => {
    const { configDir } = newSampleProject()
    sandbox = await startSandbox()
    relay = await startRelayProcess(folder.path, configDir, relayWebEngageTo(sandbox.baseUrl), {
      CAPMAP_PASSWORD: 'sandbox'
    })
    const second = runCapmap(folder.path, configDir, ['relay', ...relayWebEngageTo(sandbox.baseUrl)], {
      CAPMAP_PASSWORD: 'sandbox'
    })
    expect(second.status).toBe(1)
    expect(second.stdout).toBe('')
    expect(second.stderr).toContain(
      `capmap: Shop is open for editing elsewhere (a studio, or another capmap command: process ${relay.child.pid ?? ''} on `
    )
    // The first relay goes on alone: one post per capture.
    await waitFor(
      () => (relay?.stdout().includes('Webhook ready in ') ? true : undefined),
      `no webhook set up: ${relay.stdout()} ${relay.stderr()}`
    )
    await postToListener(relay.port, '/hooks/webengage', addedToCart, { 'x-request-id': 'ONE-1' })
    await waitFor(
      () => (relay?.outcomes().some((line) => line.includes(' delivered ')) ? true : undefined),
      `nothing delivered: ${relay.stdout()} ${relay.stderr()}`
    )
    expect(sandbox.eventData().map((entry) => entry.externalEventId)).toEqual(['ONE-1'])
  })

  it('refuses to start while a studio has the project open for editing (its own relay delivers)', async () => {
    const { configDir } = newSampleProject()
    sandbox = await startSandbox()
    const studio = ProjectLock.acquire(join(folder.path, 'Shop.capmap'))
    if (!studio.acquired) throw new Error('the test could not take the lock')
    try {
      const result = runCapmap(folder.path, configDir, ['relay', ...relayWebEngageTo(sandbox.baseUrl)], {
        CAPMAP_PASSWORD: 'sandbox'
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(
        /is open for editing elsewhere \(a studio, or another capmap command: process \d+ on .+\): one relay/
      )
      expect(sandbox.requests()).toEqual([])
    } finally {
      studio.lock.release()
    }
  })

  it('puts the relay settings back as it found them when a run with no profile ends', async () => {
    const { configDir } = newSampleProject()
    sandbox = await startSandbox()
    leaveStudioRelaySettings()
    relay = await startRelayProcess(folder.path, configDir, relayWebEngageTo(sandbox.baseUrl), {
      CAPMAP_PASSWORD: 'sandbox'
    })
    await waitFor(
      () => (relay?.stdout().includes('Webhook ready in ') ? true : undefined),
      `no webhook set up: ${relay.stdout()} ${relay.stderr()}`
    )
    relay.child.kill('SIGINT')
    expect(await relay.exited).toEqual({ code: 0, signal: null })
    expect(relaySettingsInFile()).toEqual([studioSettings])
  })

  it('puts them back too when the run fails to start (its port taken)', async () => {
    const { configDir } = newSampleProject()
    sandbox = await startSandbox()
    leaveStudioRelaySettings()
    const taken = createServer()
    await new Promise<void>((resolveListen) => taken.listen(0, '127.0.0.1', resolveListen))
    try {
      const port = String((taken.address() as AddressInfo).port)
      const args = relayWebEngageTo(sandbox.baseUrl).map((arg) => (arg === '0' ? port : arg))
      const run = runCapmap(folder.path, configDir, ['relay', ...args], { CAPMAP_PASSWORD: 'sandbox' })
      expect(relaySettingsInFile()).toEqual([studioSettings])
      expect(run.status).toBe(1)
      expect(run.stderr).toContain(
        `Port ${port} is in use by another program: close it, or choose another port with --port.`
      )
    } finally {
      taken.close()
    }
  })

  it('waits on Ctrl+C for the posts in flight and commits their answers', async () => {
    relay = await relayWithPostInFlight(1_500)
    relay.child.kill('SIGINT')
    expect(await relay.exited).toEqual({ code: 0, signal: null })
    expect(relay.stdout()).toContain('Stopping: 1 post in flight, waiting up to 30 s')
    expect(relay.outcomes()).toEqual([expect.stringMatching(/ delivered +\d+:0 {2}attempt 1 /)])
    expect(relay.stdout()).toMatch(/\nStopped\. This run: 1 delivered, 0 dead, 0 invalid; 0 still pending\.\n$/)
  })

  it('says at once what Ctrl+C waits for, stops at a second Ctrl+C leaving the row pending, and prints totals', async () => {
    // A Capillary slower than anyone waits for.
    relay = await relayWithPostInFlight(60_000)
    relay.child.kill('SIGINT')
    await waitFor(
      () => (relay?.stdout().includes('Stopping: ') ? true : undefined),
      `nothing said on Ctrl+C: ${relay.stdout()} ${relay.stderr()}`,
      3_000
    )
    expect(relay.stdout()).toContain(
      "Stopping: 1 post in flight, waiting up to 30 s for Capillary's answers; Ctrl+C again stops at once"
    )
    const secondAt = Date.now()
    relay.child.kill('SIGINT')
    expect(await relay.exited).toEqual({ code: 0, signal: null })
    expect(Date.now() - secondAt).toBeLessThan(5_000)
    expect(relay.stdout()).toMatch(
      /Stopped without waiting for the posts in flight\. This run: 0 delivered, 0 dead, 0 invalid; 1 still pending\.\n$/
    )
    const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { readOnly: true })
    try {
      expect(db.prepare('SELECT status, attempts FROM outbox').all()).toEqual([{ status: 'pending', attempts: 0 }])
    } finally {
      db.close()
    }
  })

  it('refuses to run without exactly one target', () => {
    const { configDir } = newSampleProject()
    const result = runCapmap(folder.path, configDir, ['relay', '--project', 'Shop.capmap'])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/needs one target: --profile <name>, or --base-url <url> with --till <code>/)
  })

  it('says so when no integration relays', async () => {
    const { configDir } = newSampleProject()
    sandbox = await startSandbox()
    const result = runCapmap(
      folder.path,
      configDir,
      ['relay', '--project', 'Shop.capmap', '--base-url', sandbox.baseUrl, '--till', 'sandbox.till'],
      { CAPMAP_PASSWORD: 'sandbox' }
    )
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/No integration relays: turn the relay on in the studio/)
  })
})
