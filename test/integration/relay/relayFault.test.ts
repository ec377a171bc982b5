import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CapillaryClient } from '../../../main/capillary/client/CapillaryClient'
import { startSandbox, type RunningSandbox } from '../../../main/capillary/sandbox/startSandbox'
import { EventRepository } from '../../../main/store/EventRepository'
import { MappingRepository } from '../../../main/store/MappingRepository'
import type { EventDraft } from '../../../shared/model/event'
import type { MappingRule } from '../../../shared/model/mapping'
import { attributeDraft } from '../support/eventDraft'
import { openProjectDatabase } from '../../../main/store/database'
import { WebhookSettingsRepository } from '../../../main/store/WebhookSettingsRepository'
import { createTemporaryFolder } from '../support/temporaryFolder'
import { addedToCart, freePort } from './relayHarness'
import { buildTimeoutMs, ensureBuiltCli } from '../support/builtCli'
import { runCapmap, startRelayProcess, waitFor, type RunningRelayProcess } from './runRelay'

const captures = 10_000
/** Every 100th payload has no customer: its output is invalid, kept in the outbox and never sent. */
const isInvalid = (n: number) => n % 100 === 99

let folder: ReturnType<typeof createTemporaryFolder>
let sandbox: RunningSandbox | undefined
let relay: RunningRelayProcess | undefined

beforeAll(ensureBuiltCli, buildTimeoutMs)

afterAll(async () => {
  if (relay?.child.exitCode === null && relay.child.signalCode === null) relay.child.kill('SIGKILL')
  await sandbox?.close()
  folder?.remove()
})

function payload(n: number): string {
  const body: Record<string, unknown> = {
    ...(JSON.parse(addedToCart) as Record<string, unknown>),
    cartRefKey: `cart-${n}`
  }
  if (isInvalid(n)) delete body.user_id
  return JSON.stringify(body)
}

/**
 * Capillary's uniqueness check keys on the event, the customer and the unique-key attributes (notes §3), and a
 * standard event's own fields stay optional, so never a unique key: the project's ProductAddedToCart gains a custom
 * `cartKey` (unique key) read from WebEngage's cartRefKey, and the org gets the event as designed. A re-sent output
 * (the same cart) is then flagged as a duplicate.
 */
async function keyCartEventsByCart(projectPath: string, running: RunningSandbox): Promise<void> {
  const db = openProjectDatabase(projectPath)
  let draft: EventDraft
  try {
    const events = new EventRepository(db)
    const cart = events.findByName('ProductAddedToCart')!
    draft = {
      ...cart,
      attributes: [
        ...cart.attributes,
        attributeDraft({ name: 'cartKey', type: 'string', isRequired: true, isUniqueKeyField: true })
      ]
    }
    const now = new Date().toISOString()
    events.update({ id: cart.id, draft, now, newAttributeId: () => randomUUID() })
    const mappings = new MappingRepository(db)
    const mapping = mappings.list().find((candidate) => candidate.eventId === cart.id)!
    const rule: MappingRule = {
      target: 'cartKey',
      source: { kind: 'path', path: 'cartRefKey', scope: 'item' },
      transforms: []
    }
    const { match, fanOut, rules } = mapping
    mappings.save(mapping.id, mapping.integrationId, cart.id, { match, fanOut, rules: [...rules, rule] }, now)
  } finally {
    db.close()
  }
  const client = new CapillaryClient({
    baseUrl: running.baseUrl,
    credentials: { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' },
    retry: { maxAttempts: 1 }
  })
  try {
    await client.sendDefinition(draft, { mode: 'create' })
  } finally {
    await client.close()
  }
}

/** Posts capture n until the listener answers 2xx, as WebEngage re-sends (the listener may be down meanwhile). */
function sendUntilAccepted(port: () => number, agent: Agent, n: number): Promise<void> {
  return new Promise((resolveSent) => {
    const attempt = () => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: port(),
          path: '/hooks/webengage',
          method: 'POST',
          agent,
          headers: { 'Content-Type': 'application/json', 'x-request-id': `fault-${n}` }
        },
        (response) => {
          response.resume()
          response.on('end', () => {
            if ((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300) resolveSent()
            else setTimeout(attempt, 20)
          })
          response.on('error', () => setTimeout(attempt, 20))
        }
      )
      outgoing.on('error', () => setTimeout(attempt, 20))
      outgoing.end(payload(n))
    }
    attempt()
  })
}

describe('the relay under faults, killed twice', () => {
  it('delivers every valid capture, loses none, and Capillary accepts each output once', async () => {
    folder = createTemporaryFolder('relay-fault')
    const configDir = join(folder.path, 'config')
    expect(runCapmap(folder.path, configDir, ['new', 'Fault.capmap', '--sample']).status).toBe(0)
    const projectPath = join(folder.path, 'Fault.capmap')
    const setup = openProjectDatabase(projectPath)
    new WebhookSettingsRepository(setup).save({
      transformer: 'defaultTransformer',
      tillCode: 'sandbox.till',
      auth: 'none',
      uniquenessCheckEnabled: true
    })
    setup.close()

    sandbox = await startSandbox({ processingDelayMs: 0 })
    const running = sandbox
    await keyCartEventsByCart(projectPath, running)
    const port = await freePort()
    const start = () =>
      startRelayProcess(
        folder.path,
        configDir,
        [
          '--project',
          'Fault.capmap',
          '--base-url',
          running.baseUrl,
          '--till',
          'sandbox.till',
          '--integration',
          'webengage',
          '--port',
          String(port),
          '--first-retry',
          '20',
          '--max-retry-delay',
          '400',
          '--slow-down',
          '20',
          '--max-slow-down',
          '500',
          '--max-attempts',
          '40'
        ],
        { CAPMAP_PASSWORD: 'sandbox' }
      )
    relay = await start()
    // 30% of posts fail: 10% dropped connections, 20% of the rest 500/503, every post 2 ms late; 502, 504 and 429
    // (with Retry-After) scheduled below. The rate limit stays off.
    running.setFaults({ dropRate: 0.1, failRate: 0.2, latencyMs: 2, rateLimitPerMinute: 0 })

    const acknowledged = () => running.eventData().length
    const kills: number[] = []
    let next = 0
    const senders = Array.from({ length: 16 }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 })
      while (next < captures) await sendUntilAccepted(() => port, agent, next++)
      agent.destroy()
    })
    const chaos = (async () => {
      for (const [threshold, status] of [
        [1_000, 502],
        [2_000, 504],
        [3_000, 429],
        [5_000, 502],
        [7_000, 429],
        [8_000, 504]
      ] as const) {
        await waitFor(() => (acknowledged() >= threshold ? true : undefined), `stuck before ${threshold}`, 120_000)
        running.failNext(status === 429 ? 2 : 30, { status, ...(status === 429 ? { retryAfterSeconds: 1 } : {}) })
      }
    })()
    for (const threshold of [2_500, 6_000]) {
      await waitFor(() => (acknowledged() >= threshold ? true : undefined), `stuck before ${threshold}`, 120_000)
      relay.child.kill('SIGKILL')
      expect(await relay.exited).toEqual({ code: null, signal: 'SIGKILL' })
      kills.push(acknowledged())
      relay = await start()
    }
    await Promise.all(senders)
    await chaos

    const reader = new Database(projectPath, { readonly: true, fileMustExist: true })
    const count = (sql: string) => (reader.prepare(sql).get() as { n: number }).n
    try {
      await waitFor(
        () =>
          count(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`) === 0 &&
          count('SELECT COUNT(*) AS n FROM outbox') >= captures
            ? true
            : undefined,
        'the outbox never drained',
        120_000
      )
    } finally {
      reader.close()
    }
    relay.child.kill('SIGTERM')
    expect(await relay.exited).toEqual({ code: 0, signal: null })

    const db = openProjectDatabase(projectPath)
    try {
      const counts = Object.fromEntries(
        (
          db.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as {
            status: string
            n: number
          }[]
        ).map((row) => [row.status, row.n])
      ) as Record<string, number>
      // The sample project's own captures came before the relay was on: only the test's are counted.
      const storedCaptures = (
        db.prepare(`SELECT COUNT(*) AS n FROM captures WHERE headers LIKE '%fault-%'`).get() as { n: number }
      ).n
      const capturedIds = new Set(
        (
          db.prepare(`SELECT external_event_id AS id FROM outbox WHERE status = 'delivered'`).all() as { id: string }[]
        ).map((row) => row.id)
      )
      const validIds = Array.from({ length: captures }, (_, n) => n)
        .filter((n) => !isInvalid(n))
        .map((n) => `fault-${n}`)
      const received = running.eventData()
      const originals = new Map<string, number>()
      for (const entry of received) {
        if (!entry.duplicate)
          originals.set(entry.externalEventId ?? '', (originals.get(entry.externalEventId ?? '') ?? 0) + 1)
      }
      const posts = running.requests().filter((entry) => entry.path.startsWith('/webhooks/'))
      const failedPosts = posts.filter((entry) => entry.status !== 200).length
      console.log(
        JSON.stringify({
          captures_sent: captures,
          captures_stored: storedCaptures,
          outbox: counts,
          valid_ids: validIds.length,
          posts: posts.length,
          failed_posts: failedPosts,
          failed_share: Number((failedPosts / posts.length).toFixed(3)),
          acknowledged: received.length,
          // Re-sends of posts in flight when the relay was killed: Capillary's uniqueness check flags them.
          flagged_duplicates: received.filter((entry) => entry.duplicate).length,
          accepted_once: [...originals.values()].filter((times) => times === 1).length,
          killed_at_acknowledged: kills
        })
      )
      expect(counts.pending ?? 0).toBe(0)
      expect(counts.dead ?? 0).toBe(0)
      expect(counts.invalid).toBe(captures / 100)
      // None lost: every valid capture's output was delivered...
      expect(validIds.filter((id) => !capturedIds.has(id))).toEqual([])
      // ...and Capillary accepted each output exactly once: a re-send after a kill (same cart) is flagged, not kept.
      expect(validIds.filter((id) => originals.get(id) !== 1)).toEqual([])
      expect(originals.size).toBe(validIds.length)
    } finally {
      db.close()
    }
  }, 180_000)
})
