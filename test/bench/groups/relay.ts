import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CapillaryClient } from '../../../main/capillary/client/CapillaryClient'
import { ensureWebhook } from '../../../main/capillary/ensureWebhook'
import { silentLogger } from '../../../main/platform/logger'
import { startRelay, type RunningRelay } from '../../../main/relay/startRelay'
import { createStudio } from '../../../main/services/createStudio'
import { CaptureRepository, type NewCapture } from '../../../main/store/CaptureRepository'
import { openProjectDatabase, type ProjectDatabase } from '../../../main/store/database'
import { RelaySettingsRepository } from '../../../main/store/RelaySettingsRepository'
import { WebhookSettingsRepository } from '../../../main/store/WebhookSettingsRepository'
import { jsonCapture } from '../../integration/support/jsonCapture'
import { figure, type Figure } from '../figure'
import { startBenchListener } from '../support/benchListener'

interface LoadResult {
  requests: { average: number }
  non2xx: number
  errors: number
  timeouts: number
}
// autocannon ships no types; this is the part of its API we call.
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<LoadResult>

const repository = join(__dirname, '../../..')
const payload = readFileSync(join(repository, 'resources/samples/webengage-added-to-cart-flat.json'), 'utf8')
/** Captures waiting in the outbox's source for `relay.deliveries_per_s`; the phase stops at 15 s whatever happens. */
const backlog = 3000
const phaseLimitMs = 15_000
const rounds = 3
const roundSeconds = 1.5
/** Each relay-on round's queue drains (untimed) for at most this long before the relay-off round. */
const drainLimitMs = 1000

/**
 * `relay.deliveries_per_s`: captures already committed, mapped and posted to a fast sandbox (its own process, no
 * faults) through the keep-alive pool, every outcome committed. `relay.vs_listener`: the listener's requests per
 * second with the relay on (mapping and posting each capture behind it) over the same listener with the relay off,
 * taking turns in the same run; the figure is the median of the rounds' ratios.
 */
export async function relayBench(): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'capmap-bench-relay-'))
  const sandbox = await startSandboxProcess()
  try {
    const deliveries = await deliveriesPerSecond(
      await relayingProject(folder, 'backlog', sandbox.baseUrl),
      sandbox.baseUrl
    )
    const ratio = await relayOverListener(
      (await relayingProject(folder, 'on', sandbox.baseUrl)).db,
      (await relayingProject(folder, 'off', sandbox.baseUrl)).db,
      sandbox.baseUrl
    )
    return [
      figure('relay.deliveries_per_s', deliveries, 'ops/s'),
      figure('relay.relay_on_rps', ratio.on, 'ops/s'),
      figure('relay.relay_off_rps', ratio.off, 'ops/s'),
      figure('relay.vs_listener', ratio.ratio, 'x')
    ]
  } finally {
    sandbox.child.kill('SIGTERM')
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The sample project with its WebEngage integration relaying to the sandbox; answers the open file. */
async function relayingProject(
  folder: string,
  name: string,
  baseUrl: string
): Promise<{ db: ProjectDatabase; integrationId: string }> {
  const path = join(folder, `${name}.capmap`)
  const studio = createStudio({
    configDir: join(folder, `config-${name}`),
    mode: 'cli',
    version: 'bench',
    logger: silentLogger
  })
  studio.newProject(path, true)
  const integrationId = studio.integrations.list().find((entry) => entry.slug === 'webengage')?.id ?? ''
  studio.session.close()
  const db = openProjectDatabase(path)
  const client = new CapillaryClient({
    baseUrl,
    credentials: { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' }
  })
  const settings = new WebhookSettingsRepository(db)
    .list()
    .find((entry) => entry.transformer === 'webEngageTransformer')
  if (!settings) throw new Error('no WebEngage webhook settings')
  const webhookUri = await ensureWebhook(client, settings, 'sandbox.till')
  await client.close()
  new RelaySettingsRepository(db).save(
    { integrationId, enabled: true, profileId: null, webhookUri },
    new Date().toISOString()
  )
  return { db, integrationId }
}

function relayOn(db: ProjectDatabase, baseUrl: string): { relay: RunningRelay; client: CapillaryClient } {
  const client = new CapillaryClient({
    baseUrl,
    credentials: { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' },
    retry: { maxAttempts: 1 }
  })
  const relay = startRelay({ db, posterFor: () => client, onError: (message) => process.stderr.write(`${message}\n`) })
  return { relay, client }
}

const delivered = (db: ProjectDatabase) =>
  (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'delivered'`).get() as { n: number }).n
const pending = (db: ProjectDatabase) =>
  (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n

async function deliveriesPerSecond(
  { db, integrationId }: { db: ProjectDatabase; integrationId: string },
  baseUrl: string
): Promise<number> {
  const before = delivered(db)
  new CaptureRepository(db).insert(Array.from({ length: backlog }, (_, n) => capture(n, integrationId)))
  const started = performance.now()
  const { relay, client } = relayOn(db, baseUrl)
  try {
    while (delivered(db) - before < backlog && performance.now() - started < phaseLimitMs) await pause(10)
    return ((delivered(db) - before) * 1000) / (performance.now() - started)
  } finally {
    await relay.stop()
    await client.close()
    db.close()
  }
}

async function relayOverListener(
  onDb: ProjectDatabase,
  offDb: ProjectDatabase,
  baseUrl: string
): Promise<{ on: number; off: number; ratio: number }> {
  const { relay, client } = relayOn(onDb, baseUrl)
  const on = await startBenchListener(onDb, () => relay.capturesCommitted())
  const off = await startBenchListener(offDb)
  try {
    await load(`${on.url}hooks/webengage`, 1)
    await load(`${off.url}hooks/webengage`, 1)
    const onRates: number[] = []
    const offRates: number[] = []
    for (let round = 0; round < rounds; round += 1) {
      onRates.push(await load(`${on.url}hooks/webengage`, roundSeconds))
      // The relay drains what the round queued before the relay-off round runs (not timed), within a bound.
      const drainStarted = performance.now()
      while (pending(onDb) > 0 && performance.now() - drainStarted < drainLimitMs) await pause(10)
      offRates.push(await load(`${off.url}hooks/webengage`, roundSeconds))
    }
    const ratios = onRates.map((rate, index) => rate / (offRates[index] ?? Number.NaN)).sort((a, b) => a - b)
    return { on: mean(onRates), off: mean(offRates), ratio: ratios[Math.floor(ratios.length / 2)] ?? Number.NaN }
  } finally {
    await on.close()
    await off.close()
    await relay.stop()
    await client.close()
    onDb.close()
    offDb.close()
  }
}

async function load(url: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: payload,
    connections: 50,
    workers: 1,
    duration: seconds
  })
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`)
  }
  return result.requests.average
}

function capture(n: number, integrationId: string): NewCapture {
  return jsonCapture(payload.replace('7f1e74da', `c${n}`), {
    receivedAt: new Date().toISOString(),
    integrationId,
    integrationSlug: 'webengage',
    sourceEvent: 'Added To Cart',
    path: '/hooks/webengage',
    headers: [['x-request-id', `bench-${n}`]]
  })
}

/** The sandbox in a process of its own, so its work is not counted against the relay. */
async function startSandboxProcess(): Promise<{ baseUrl: string; child: ChildProcess }> {
  const code = `require('${join(repository, 'main/capillary/sandbox/startSandbox.ts')}').startSandbox().then((s) => console.log('sandbox ' + s.baseUrl))`
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], {
    cwd: repository,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const baseUrl = await new Promise<string>((resolveUrl, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /sandbox (http:\/\/\S+)/.exec(output)
      if (match?.[1]) resolveUrl(match[1])
    })
    child.once('exit', (status) => reject(new Error(`the sandbox exited with ${status}: ${output}`)))
  })
  return { baseUrl, child }
}

const pause = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms))

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}
