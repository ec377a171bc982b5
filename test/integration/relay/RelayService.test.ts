import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Studio } from '../../../main/services/createStudio'
import { CaptureRepository } from '../../../main/store/CaptureRepository'
import { openProjectDatabase } from '../../../main/store/database'
import { RelaySettingsRepository } from '../../../main/store/RelaySettingsRepository'
import { startSandbox } from '../../../main/capillary/sandbox/startSandbox'
import { httpRequest } from '../support/httpRequest'
import { createTemporaryFolder } from '../support/temporaryFolder'
import {
  acceptedPosts,
  addedToCart,
  compressedSchedule,
  eventually,
  integrationId,
  postToListener,
  relayStudio,
  sandboxProfile
} from './relayHarness'

let folder: ReturnType<typeof createTemporaryFolder>
const cleanups: (() => Promise<void> | void)[] = []

beforeEach(() => {
  folder = createTemporaryFolder('relay-service')
})

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  folder.remove()
})

/** The sample project with its WebEngage integration relaying to a fresh sandbox, and the listener on a free port. */
async function relayingSample(options: Parameters<typeof relayStudio>[1] = {}) {
  const { studio, sandbox } = await relayStudio(folder.path, options)
  cleanups.push(() => sandbox.close())
  cleanups.push(() => {
    studio.session.close()
  })
  studio.newProject(join(folder.path, 'Shop.capmap'), true)
  // The listener follows the project: it starts on the default port or the next free one.
  const listening = await eventually(
    () => studio.listener.status(),
    (status) => status.state === 'listening',
    'the listener'
  )
  const port = listening.port ?? 0
  const profileId = sandboxProfile(studio, sandbox)
  const webengage = integrationId(studio, 'webengage')
  const settings = await studio.relay.setSettings({ integrationId: webengage, enabled: true, profileId })
  return { studio, sandbox, port, profileId, webengage, settings }
}

const deliveries = (studio: Studio) => studio.relay.listDeliveries({ limit: 100 }).items
/** The deliveries once the first is delivered (`what` names it if it never is). */
const firstDelivered = (studio: Studio, what: string) =>
  eventually(
    () => deliveries(studio),
    (rows) => rows[0]?.status === 'delivered',
    what
  )

describe('RelayService', () => {
  it('ensures the Custom webhook (relayed outputs are Capillary payloads) in the profile org and keeps its URI', async () => {
    const { sandbox, settings } = await relayingSample()
    const listed = await fetch(`${sandbox.baseUrl}/v2/events/webhooks`, {
      headers: { Authorization: `Basic ${Buffer.from('sandbox.till:' + md5('sandbox')).toString('base64')}` }
    }).then((answer) => answer.json() as Promise<{ data: { transformerType: string; webHookUri: string }[] }>)
    expect(listed.data).toEqual([expect.objectContaining({ transformerType: 'defaultTransformer' })])
    expect(settings).toMatchObject({ enabled: true, webhookUri: listed.data[0]?.webHookUri })
  })

  it("relays only what comes after it is turned on: the sample's own captures stay where they are", async () => {
    const { studio } = await relayingSample()
    await studio.relay.mapped()
    expect(deliveries(studio)).toEqual([])
  })

  it('relays a capture to Capillary after the sender has its answer, with x-request-id as external_event_id', async () => {
    const { studio, sandbox, port } = await relayingSample()
    const answer = await postToListener(port, '/hooks/webengage', addedToCart, { 'x-request-id': 'REQ-1' })
    expect(answer.status).toBe(200)
    const [delivery] = await firstDelivered(studio, 'a delivery')
    expect(delivery).toMatchObject({
      eventName: 'ProductAddedToCart',
      externalEventId: 'REQ-1',
      attempts: 1,
      lastStatus: 200,
      payload: expect.objectContaining({ event_name: 'ProductAddedToCart', external_event_id: 'REQ-1' })
    })
    expect(acceptedPosts(sandbox)).toBe(1)
  })

  it('maps and relays a gzip-encoded capture by its content', async () => {
    const { studio, sandbox, port } = await relayingSample()
    const answer = await httpRequest({
      port,
      path: '/hooks/webengage',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'x-request-id': 'REQ-GZ' },
      body: gzipSync(addedToCart)
    })
    expect(answer.status).toBe(200)
    const [delivery] = await firstDelivered(studio, 'a delivery')
    expect(delivery).toMatchObject({
      eventName: 'ProductAddedToCart',
      externalEventId: 'REQ-GZ',
      payload: expect.objectContaining({ event_name: 'ProductAddedToCart', external_event_id: 'REQ-GZ' })
    })
    expect(acceptedPosts(sandbox)).toBe(1)
  })

  it('retries failures on the schedule and delivers once Capillary answers', async () => {
    const { studio, sandbox, port } = await relayingSample()
    sandbox.failNext(2, { status: 502 })
    await postToListener(port, '/hooks/webengage', addedToCart)
    const [delivery] = await firstDelivered(studio, 'a delivery after two failures')
    expect(delivery?.attempts).toBe(3)
    expect(delivery?.externalEventId).toMatch(/^[0-9a-f]{32}$/)
  })

  it('keeps a dead letter with its last answer after the last attempt, and retries it on request', async () => {
    const { studio, sandbox, port } = await relayingSample()
    sandbox.failNext(4, { status: 500 })
    await postToListener(port, '/hooks/webengage', addedToCart)
    const [dead] = await eventually(
      () => deliveries(studio),
      (rows) => rows[0]?.status === 'dead',
      'a dead letter'
    )
    expect(dead).toMatchObject({ attempts: 4, lastStatus: 500 })
    expect(dead?.lastResponse).toMatch(/Gave up after 4 attempts: 500/)
    expect(studio.relay.overview().counts.dead).toBe(1)
    expect(studio.relay.retry({ allDead: true })).toEqual({ requeued: 1 })
    await firstDelivered(studio, 'the retried delivery')
  })

  it('sends a delivered row again on replay, with the same external_event_id', async () => {
    const { studio, sandbox, port } = await relayingSample()
    await postToListener(port, '/hooks/webengage', addedToCart, { 'x-request-id': 'REQ-R' })
    const [delivered] = await firstDelivered(studio, 'a delivery')
    expect(studio.relay.replay({ ids: [delivered?.id ?? ''] })).toEqual({ requeued: 1 })
    await eventually(
      () => acceptedPosts(sandbox),
      (count) => count === 2,
      'the replayed post'
    )
    expect(deliveries(studio)[0]).toMatchObject({ externalEventId: 'REQ-R' })
  })

  it('keeps outputs that fail validation as invalid rows with their diagnostics, never sent', async () => {
    const { studio, sandbox, port } = await relayingSample()
    const withoutCustomer = JSON.parse(addedToCart) as Record<string, unknown>
    delete withoutCustomer.user_id
    await postToListener(port, '/hooks/webengage', JSON.stringify(withoutCustomer))
    const [row] = await eventually(
      () => deliveries(studio),
      (rows) => rows.length === 1,
      'an outbox row'
    )
    expect(row?.status).toBe('invalid')
    expect(row?.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true)
    expect(acceptedPosts(sandbox)).toBe(0)
  })

  it('maps and delivers, on the next start, a capture committed before the relay could write its outbox row', async () => {
    const first = await relayingSample()
    const projectPath = join(folder.path, 'Shop.capmap')
    first.studio.session.close()
    // A capture committed by the listener of a process that died before the relay ran.
    const db = openProjectDatabase(projectPath)
    const [id] = new CaptureRepository(db).insert([crashedCapture(first.webengage, first.port)])
    db.close()
    const { studio } = await relayStudio(folder.path, { sandbox: first.sandbox })
    cleanups.push(() => {
      studio.session.close()
    })
    studio.session.open(projectPath)
    const [row] = await firstDelivered(studio, 'the repaired delivery')
    expect(row?.captureId).toBe(id)
    expect(acceptedPosts(first.sandbox)).toBe(1)
  })

  it('ensures the webhook again when its URI answers 404 (a restarted sandbox) and delivers to the new one', async () => {
    const { studio, sandbox, port, webengage, settings } = await relayingSample()
    const sandboxPort = sandbox.port
    await sandbox.close()
    const restarted = await startSandbox({ port: sandboxPort })
    cleanups.push(() => restarted.close())
    await postToListener(port, '/hooks/webengage', addedToCart, { 'x-request-id': 'REQ-404' })
    const [row] = await firstDelivered(studio, 'the delivery to the new webhook')
    expect(row?.lastStatus).toBe(200)
    const now = studio.relay.listSettings().find((entry) => entry.integrationId === webengage)
    expect(now?.webhookUri).not.toBe(settings.webhookUri)
    expect(restarted.eventData().map((entry) => entry.externalEventId)).toEqual(['REQ-404'])
  })

  it('sends the row that met the 404 again as soon as the webhook is ensured again, not after its backoff', async () => {
    const { studio, sandbox, port } = await relayingSample({
      schedule: { ...compressedSchedule, firstRetryMs: 120_000, maxDelayMs: 120_000 }
    })
    const sandboxPort = sandbox.port
    await sandbox.close()
    const restarted = await startSandbox({ port: sandboxPort })
    cleanups.push(() => restarted.close())
    await postToListener(port, '/hooks/webengage', addedToCart, { 'x-request-id': 'REQ-404-NOW' })
    const [row] = await firstDelivered(studio, 'the delivery to the new webhook within seconds')
    expect(row?.attempts).toBe(2)
    expect(restarted.eventData().map((entry) => entry.externalEventId)).toEqual(['REQ-404-NOW'])
  })

  it('keeps the backoff of a row whose 404 came from the very URI Capillary still lists (a proxy, a disabled hook)', async () => {
    const { studio, sandbox, port } = await relayingSample({
      schedule: { ...compressedSchedule, firstRetryMs: 120_000, maxDelayMs: 120_000 }
    })
    sandbox.failNext(1, { status: 404 })
    await postToListener(port, '/hooks/webengage', addedToCart, { 'x-request-id': 'REQ-404-SAME' })
    const [failed] = await eventually(
      () => deliveries(studio),
      (rows) => rows[0]?.attempts === 1 && rows[0].lastStatus === 404,
      'the 404'
    )
    // The webhook is ensured again (Capillary lists the same URI): the row is not sent again at once.
    await eventually(
      () => sandbox.requests().filter((entry) => entry.path === '/v2/events/webhooks').length,
      (lists) => lists >= 2,
      'the webhook ensured again'
    )
    await new Promise((resolveWait) => setTimeout(resolveWait, 300))
    expect(deliveries(studio)[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: failed?.nextAttemptAt
    })
    expect(acceptedPosts(sandbox)).toBe(0)
  })

  it('keeps the rows of a relay left on with no connection profile pending, attempts unspent, until one is chosen', async () => {
    const { studio, sandbox, port, profileId, webengage, settings } = await relayingSample()
    // What a `capmap relay --base-url` run killed before it could put the settings back leaves: on, no profile.
    const project = studio.session.require()
    new RelaySettingsRepository(project.db).save({ ...settings, profileId: null }, new Date().toISOString())
    await postToListener(port, '/hooks/webengage', addedToCart, { 'x-request-id': 'NO-PROFILE' })
    await studio.relay.mapped()
    await new Promise((resolveWait) => setTimeout(resolveWait, 300))
    const [waiting] = deliveries(studio)
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0, lastResponse: null })
    expect(acceptedPosts(sandbox)).toBe(0)
    await studio.relay.setSettings({ integrationId: webengage, enabled: true, profileId })
    const [row] = await firstDelivered(studio, 'the delivery once a profile is chosen')
    expect(row?.attempts).toBe(1)
  })

  it('writes each output once however often the captures are mapped again', async () => {
    const { studio, port } = await relayingSample()
    await postToListener(port, '/hooks/webengage', addedToCart)
    const [delivered] = await firstDelivered(studio, 'a delivery')
    const projectDb = openProjectDatabase(join(folder.path, 'Shop.capmap'))
    projectDb.prepare('UPDATE relay_state SET processed_through = ?').run(Number(delivered?.captureId) - 1)
    projectDb.close()
    await studio.relay.mapped()
    expect(deliveries(studio)).toEqual([delivered])
  })
})

function crashedCapture(integrationIdValue: string, port: number) {
  const body = Buffer.from(addedToCart)
  return {
    receivedAt: new Date().toISOString(),
    integrationId: integrationIdValue,
    integrationSlug: 'webengage',
    sourceEvent: 'Added To Cart',
    method: 'POST',
    path: '/hooks/webengage',
    contentType: 'application/json',
    size: body.length,
    status: 'ok' as const,
    statusReason: null,
    responseStatus: 200,
    verification: { outcome: 'not_checked' as const, scheme: 'none' as const, detail: '' },
    redacted: false,
    bodyKind: 'json' as const,
    remoteAddress: '127.0.0.1',
    query: [],
    headers: [['Host', `127.0.0.1:${port}`] as [string, string]],
    body
  }
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex')
}
