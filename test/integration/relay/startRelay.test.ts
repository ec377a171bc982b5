import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CapillaryError } from '../../../main/capillary/client/CapillaryError'
import type { EventPoster } from '../../../main/relay/DeliveryWorker'
import { startRelay, type RunningRelay } from '../../../main/relay/startRelay'
import { openProjectDatabase, type ProjectDatabase } from '../../../main/store/database'
import { IntegrationRepository } from '../../../main/store/IntegrationRepository'
import { OutboxRepository } from '../../../main/store/OutboxRepository'
import { RelaySettingsRepository } from '../../../main/store/RelaySettingsRepository'
import { createTemporaryFolder } from '../support/temporaryFolder'
import { customIntegrationDraft } from '../support/integrationDraft'
import { eventually } from './relayHarness'

const oldUri = 'http://capillary.test/webhooks/old'
const newUri = 'http://capillary.test/webhooks/new'
/** Long enough that a row waiting its backoff is never sent again within a test. */
const hourMs = 3_600_000

let folder: ReturnType<typeof createTemporaryFolder>
let db: ProjectDatabase
let outbox: OutboxRepository
let settings: RelaySettingsRepository
const relays: RunningRelay[] = []

beforeEach(() => {
  folder = createTemporaryFolder('start-relay')
  db = openProjectDatabase(join(folder.path, 'Relay.capmap'), { create: true })
  new IntegrationRepository(db).insert('i1', customIntegrationDraft('Shop', 'shop'), '2026-11-28T10:00:00.000Z')
  settings = new RelaySettingsRepository(db)
  settings.save({ integrationId: 'i1', enabled: true, profileId: null, webhookUri: oldUri }, '2026-11-28T10:00:00.000Z')
  outbox = new OutboxRepository(db)
})

afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.stop()
  db.close()
  folder.remove()
})

/** Pending outbox rows for captures 1..count, due now. */
function pendingRows(count: number): void {
  const rows = Array.from({ length: count }, (_, index) => ({
    captureSeq: index + 1,
    outputIndex: 0,
    integrationId: 'i1',
    eventName: 'be_reserved',
    externalEventId: `REQ-${index + 1}`,
    payload: { event_name: 'be_reserved', external_event_id: `REQ-${index + 1}` },
    diagnostics: [],
    status: 'pending' as const
  }))
  outbox.recordMapped(rows, count, new Date())
}

const webhookGone = () =>
  Promise.reject(
    new CapillaryError('not_found', 'no webhook', { request: 'POST to the webhook', status: 404, attempts: 1 })
  )
const accepted = () => Promise.resolve({ code: 1100, message: 'Event is pushed to transformation state' })

/** A relay whose webhook is ensured again at once (as fast as a sandbox can answer): the new URI saved, rows due. */
function relayWithInstantEnsure(poster: EventPoster) {
  let ensured = 0
  const relay: RunningRelay = startRelay({
    db,
    posterFor: () => poster,
    schedule: { firstRetryMs: hourMs, maxDelayMs: hourMs },
    onError: (message) => {
      throw new Error(message)
    },
    onWebhookMissing: (integrationId) => {
      ensured += 1
      settings.save({ integrationId, enabled: true, profileId: null, webhookUri: newUri }, new Date().toISOString())
      outbox.dueNow(integrationId, new Date())
      relay.wake()
    },
    pollMs: 20
  })
  relays.push(relay)
  return { relay, ensured: () => ensured }
}

const statusOf = (captureSeq: number) => outbox.get(captureSeq, 0)

describe('startRelay', () => {
  it('sends the row that met a 404 again as soon as its webhook is ensured again, not after its backoff', async () => {
    pendingRows(1)
    relayWithInstantEnsure({ postEvent: (uri) => (uri === oldUri ? webhookGone() : accepted()) })
    const row = await eventually(
      () => statusOf(1),
      (delivery) => delivery?.status === 'delivered',
      'the delivery to the ensured webhook'
    )
    expect(row?.attempts).toBe(2)
  })

  it('sends at once, without ensuring the webhook again, a row whose 404 came from the URI it was ensured away from', async () => {
    pendingRows(2)
    let answerLate: (() => void) | undefined
    const late = new Promise<void>((resolveLate) => (answerLate = resolveLate))
    const { ensured } = relayWithInstantEnsure({
      postEvent: (uri, payload) => {
        if (uri === newUri) return accepted()
        // The second post was in flight to the old URI while the webhook was ensured again.
        return payload.external_event_id === 'REQ-1' ? webhookGone() : late.then(webhookGone)
      }
    })
    await eventually(
      () => statusOf(1),
      (delivery) => delivery?.status === 'delivered',
      'the first row delivered to the ensured webhook'
    )
    answerLate?.()
    const row = await eventually(
      () => statusOf(2),
      (delivery) => delivery?.status === 'delivered',
      'the late row delivered to the ensured webhook'
    )
    expect(row?.attempts).toBe(2)
    expect(ensured()).toBe(1)
  })
})
