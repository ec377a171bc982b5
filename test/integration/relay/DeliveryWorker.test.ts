import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CapillaryError } from '../../../main/capillary/client/CapillaryError'
import { defaultDeliverySchedule } from '../../../main/relay/deliverySchedule'
import { DeliveryWorker, type EventPoster } from '../../../main/relay/DeliveryWorker'
import { openProjectDatabase, type ProjectDatabase } from '../../../main/store/database'
import { IntegrationRepository } from '../../../main/store/IntegrationRepository'
import { OutboxRepository, type SettledAttempt } from '../../../main/store/OutboxRepository'
import { RelaySettingsRepository } from '../../../main/store/RelaySettingsRepository'
import { createTemporaryFolder } from '../support/temporaryFolder'
import { customIntegrationDraft } from '../support/integrationDraft'

let folder: ReturnType<typeof createTemporaryFolder>
let db: ProjectDatabase
let outbox: OutboxRepository
let now: number
const workers: DeliveryWorker[] = []

beforeEach(() => {
  folder = createTemporaryFolder('delivery-worker')
  db = openProjectDatabase(join(folder.path, 'Worker.capmap'), { create: true })
  const integration = new IntegrationRepository(db).insert(
    'i1',
    customIntegrationDraft('Shop', 'shop'),
    '2026-11-28T10:00:00.000Z'
  )
  new RelaySettingsRepository(db).save(
    { integrationId: integration.id, enabled: true, profileId: null, webhookUri: 'http://capillary.test/webhooks/1' },
    '2026-11-28T10:00:00.000Z'
  )
  outbox = new OutboxRepository(db)
  now = Date.parse('2026-11-28T10:00:00.000Z')
  outbox.recordMapped(
    [
      {
        captureSeq: 1,
        outputIndex: 0,
        integrationId: 'i1',
        eventName: 'be_reserved',
        externalEventId: 'REQ-1',
        payload: { event_name: 'be_reserved', external_event_id: 'REQ-1' },
        diagnostics: [],
        status: 'pending'
      }
    ],
    1,
    new Date(now)
  )
})

afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop()
  db.close()
  folder.remove()
})

/** A worker on a clock the test moves, posting through `answers` (one per attempt); resolves outcomes as they land. */
function worker(answers: (() => Promise<{ code: number; message: string }>)[], maxAttempts = 5) {
  const settled: SettledAttempt[] = []
  let onSettled: (() => void) | undefined
  const poster: EventPoster = {
    postEvent: () => (answers.shift() ?? (() => Promise.reject(new Error('no answer left'))))()
  }
  const running = new DeliveryWorker({
    outbox,
    posterFor: () => poster,
    schedule: { ...defaultDeliverySchedule, maxAttempts },
    now: () => now,
    random: () => 0,
    onSettled: (attempts) => {
      settled.push(...attempts)
      onSettled?.()
    },
    onError: (message) => {
      throw new Error(message)
    },
    pollMs: 5
  })
  workers.push(running)
  const nextOutcome = () =>
    new Promise<SettledAttempt>((resolveOutcome) => {
      const count = settled.length
      onSettled = () => {
        const attempt = settled[count]
        if (attempt) resolveOutcome(attempt)
      }
      running.wake()
    })
  return { running, nextOutcome }
}

const accepted = () => Promise.resolve({ code: 1100, message: 'Event is pushed to transformation state' })
const refused = (status: number, retryAfterMs?: number) => () =>
  Promise.reject(
    new CapillaryError(status === 429 ? 'rate_limited' : 'server', 'refused', {
      request: 'POST to the webhook',
      status,
      attempts: 1,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {})
    })
  )

describe('DeliveryWorker', () => {
  it("honours Retry-After: the row waits that long and the whole sender pauses, on the schedule's clock", async () => {
    const { running, nextOutcome } = worker([refused(429, 30_000), accepted])
    const first = await nextOutcome()
    expect(first.outcome).toMatchObject({ kind: 'failed', status: 429, nextAttemptAt: now + 30_000 })
    expect(running.pausedUntilTime()).toBe(now + 30_000)
    expect(outbox.get(1, 0)).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 429 })

    now += 30_000
    const second = await nextOutcome()
    expect(second.outcome.kind).toBe('delivered')
    expect(outbox.get(1, 0)).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200 })
  })

  it('backs off exponentially and keeps a dead letter with the last answer after the last attempt', async () => {
    const { nextOutcome } = worker([refused(500), refused(500), refused(503)], 3)
    const first = await nextOutcome()
    expect(first.outcome).toMatchObject({ kind: 'failed', nextAttemptAt: now + 5_000 })
    now += 5_000
    const second = await nextOutcome()
    expect(second.outcome).toMatchObject({ kind: 'failed', nextAttemptAt: now + 20_000 })
    now += 20_000
    const third = await nextOutcome()
    expect(third.outcome.kind).toBe('dead')
    expect(outbox.get(1, 0)).toMatchObject({ status: 'dead', attempts: 3, lastStatus: 503 })
    expect(outbox.get(1, 0)?.lastResponse).toMatch(/^Gave up after 3 attempts: 503/)
  })

  it('makes a dead letter at once of a payload Capillary refuses (400)', async () => {
    const { nextOutcome } = worker([refused(400)])
    expect((await nextOutcome()).outcome.kind).toBe('dead')
    expect(outbox.get(1, 0)?.lastResponse).toMatch(/^Capillary refused it: 400/)
  })
})

describe('the rows a worker takes (DueScope)', () => {
  /** A second integration relaying, its row due too. */
  function otherIntegrationDue(): void {
    new IntegrationRepository(db).insert('i2', customIntegrationDraft('Booking', 'booking'), '2026-11-28T10:00:00.000Z')
    new RelaySettingsRepository(db).save(
      { integrationId: 'i2', enabled: true, profileId: 'p1', webhookUri: 'http://capillary.test/webhooks/2' },
      '2026-11-28T10:00:00.000Z'
    )
    outbox.recordMapped(
      [
        {
          captureSeq: 2,
          outputIndex: 0,
          integrationId: 'i2',
          eventName: 'be_reserved',
          externalEventId: 'REQ-2',
          payload: { event_name: 'be_reserved', external_event_id: 'REQ-2' },
          diagnostics: [],
          status: 'pending'
        }
      ],
      2,
      new Date(now)
    )
  }
  const dueIds = (scope: Parameters<OutboxRepository['due']>[3]) =>
    outbox.due(now, 10, new Set(), scope).map((row) => row.integrationId)

  it("takes only the integrations it runs for (a capmap relay run of some), and with a profile only (the studio's)", () => {
    otherIntegrationDue()
    expect(dueIds({})).toEqual(['i1', 'i2'])
    expect(dueIds({ integrationIds: ['i1'] })).toEqual(['i1'])
    expect(dueIds({ integrationIds: [] })).toEqual([])
    expect(dueIds({ profileRequired: true })).toEqual(['i2'])
    expect(outbox.nextDueAt({ integrationIds: ['i2'] })).toBe(now)
    expect(outbox.nextDueAt({ integrationIds: ['none'] })).toBeUndefined()
  })
})
