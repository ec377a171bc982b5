import { createHash, createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../main/api/dispatcher'
import { createHandlers } from '../../../main/api/handlers'
import { silentLogger } from '../../../main/platform/logger'
import { EnvironmentSecretStore } from '../../../main/secrets/EnvironmentSecretStore'
import { createStudio, type Studio } from '../../../main/services/createStudio'
import { redactedValue } from '../../../main/listener/redactCapture'
import { openProjectDatabase } from '../../../main/store/database'
import type { RequestInput, RequestName, RequestOutput, ServerEventName } from '../../../shared/api/contract'
import type { Result } from '../../../shared/api/result'
import { defaultRedaction } from '../../../shared/model/listenerSettings'
import { httpRequest } from '../support/httpRequest'
import { createTemporaryFolder } from '../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>
const studios: Studio[] = []

beforeEach(() => {
  folder = createTemporaryFolder('capture-inbox')
})

afterEach(async () => {
  for (const studio of studios.splice(0)) {
    await studio.listener.stop().catch(() => undefined)
    studio.session.close()
  }
  folder.remove()
})

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  const { port } = server.address() as AddressInfo
  await new Promise((resolveClose) => server.close(resolveClose))
  return port
}

/** The sample project in a studio whose listener runs on a free port, recording the server events. */
async function sampleStudio(options: { listening?: boolean } = {}) {
  const studio = createStudio({
    configDir: join(folder.path, 'config'),
    mode: 'web',
    version: 'test',
    logger: silentLogger,
    secrets: new EnvironmentSecretStore({}),
    listener: { autoStart: false, notifyEveryMs: 20 }
  })
  studios.push(studio)
  const events: { name: ServerEventName; payload: unknown }[] = []
  studio.bus.subscribe((name, payload) => events.push({ name, payload }))
  const projectPath = join(folder.path, 'Sample.capmap')
  studio.newProject(projectPath, true)
  let port = 0
  if (options.listening ?? false) {
    port = await freePort()
    await studio.listener.updateSettings({ port, enabled: true })
    expect(studio.listener.status()).toMatchObject({ state: 'listening', port })
  }
  const untyped = createDispatcher(createHandlers(studio), silentLogger)
  /** The contract's dispatcher (validation and all), typed by request for the assertions. */
  const dispatch = async <K extends RequestName>(name: K, input: RequestInput<K>) =>
    (await untyped(name, input)) as Result<RequestOutput<K>>
  const integration = (slug: string) => {
    const found = studio.integrations.list().find((candidate) => candidate.slug === slug)
    if (!found) throw new Error(`no integration ${slug}`)
    return found
  }
  return { studio, events, dispatch, port, projectPath, integration }
}

/** Every column of every capture, as SQLite holds it, read through a second connection. */
function rawCaptures(projectPath: string): unknown[] {
  const db = openProjectDatabase(projectPath, { readOnly: true })
  try {
    return db.prepare('SELECT * FROM captures ORDER BY seq').all()
  } finally {
    db.close()
  }
}

const newestCapture = (studio: Studio) => studio.captures.get(studio.captures.list({ limit: 1 }).items[0]?.id ?? '')

describe('the capture inbox in main', () => {
  it('deletes captures and puts the very same rows back on undo, searchable again', async () => {
    const { studio, dispatch, projectPath, events } = await sampleStudio()
    const before = rawCaptures(projectPath)
    const deletion = await dispatch('discardCaptures', { ids: ['2', '3'] })
    expect(deletion).toMatchObject({ ok: true, value: { deleted: 2 } })
    expect(studio.captures.list({ limit: 10 }).items.map((item) => item.id)).toEqual(['4', '1'])
    expect(studio.captures.list({ limit: 10, search: 'Diwali' }).items).toEqual([])
    const undoId = deletion.ok ? (deletion.value.undoId ?? '') : ''
    expect(await dispatch('restoreCaptures', { undoId })).toEqual({ ok: true, value: { restored: 2 } })
    expect(rawCaptures(projectPath)).toEqual(before)
    expect(studio.captures.list({ limit: 10, search: 'Diwali' }).items.map((item) => item.id)).toEqual(['2'])
    expect(events.map((event) => event.name)).toEqual(expect.arrayContaining(['capturesDeleted', 'capturesRestored']))
    expect(await dispatch('restoreCaptures', { undoId })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('undoes a delete of every capture of one integration', async () => {
    const { studio, integration, projectPath } = await sampleStudio()
    const before = rawCaptures(projectPath)
    const { deleted, undoId } = studio.captures.discard({ all: true, integrationId: integration('webengage').id })
    expect(deleted).toBe(2)
    expect(studio.captures.list({ limit: 10 }).items.map((item) => item.integration)).toEqual([
      'booking-app',
      'booking-app'
    ])
    studio.captures.restore(undoId ?? '')
    expect(rawCaptures(projectPath)).toEqual(before)
  })

  it('replays a capture through its integration’s mapping, and an edited body without changing the capture', async () => {
    const { dispatch } = await sampleStudio()
    const replay = await dispatch('replayCapture', { id: '1' })
    expect(replay).toMatchObject({
      ok: true,
      value: { integration: { name: 'WebEngage storefront' }, decodeError: null, message: null }
    })
    const mapping = replay.ok ? replay.value.mappings[0] : undefined
    expect(mapping).toMatchObject({ eventName: 'ProductAddedToCart', matched: true })
    expect(mapping?.outputs[0]?.payload).toMatchObject({ event_name: 'ProductAddedToCart' })

    const edited = await dispatch('replayCapture', { id: '1', body: '{"event_name":"Something Else"}' })
    expect(edited.ok && edited.value.mappings[0]?.matched).toBe(false)
    const broken = await dispatch('replayCapture', { id: '1', body: '{"event_name":' })
    expect(broken.ok && broken.value.decodeError).toMatch(/JSON/i)
    expect(await dispatch('getCapture', { id: '1' })).toMatchObject({
      ok: true,
      value: { parsed: { event_name: 'Added To Cart' } }
    })
  })

  it('says whose capture it was when its integration was deleted since, instead of "no integration"', async () => {
    const { dispatch, studio } = await sampleStudio()
    const webengage = studio.integrations.list().find((candidate) => candidate.slug === 'webengage')!
    studio.integrations.delete(webengage.id)
    expect(await dispatch('replayCapture', { id: '1' })).toMatchObject({
      ok: true,
      value: {
        integration: null,
        mappings: [],
        message:
          'The integration that received this capture (webengage) was deleted: send it to /hooks/<slug> of an ' +
          'integration to map it.'
      }
    })
  })

  it('replays a gzip-encoded capture by its content, and an edited copy as the plain text it is', async () => {
    const { dispatch, studio, port } = await sampleStudio({ listening: true })
    const body = JSON.stringify({ event_name: 'Added To Cart', product_id: 'P-9', price: 499 })
    const answer = await httpRequest({
      port,
      path: '/hooks/webengage',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync(body)
    })
    expect(answer.status).toBe(200)
    const id = newestCapture(studio).id
    const replay = await dispatch('replayCapture', { id })
    expect(replay).toMatchObject({ ok: true, value: { decodeError: null } })
    expect(replay.ok && replay.value.mappings[0]).toMatchObject({ eventName: 'ProductAddedToCart', matched: true })
    const edited = await dispatch('replayCapture', { id, body })
    expect(edited.ok && edited.value.mappings[0]).toMatchObject({ matched: true })
  })

  it('saves a gzip-encoded capture as a sample by its content, and re-sends an edited copy without its coding', async () => {
    const { dispatch, studio, port } = await sampleStudio({ listening: true })
    const body = JSON.stringify({ event_name: 'Added To Cart', product_id: 'P-9' })
    await httpRequest({
      port,
      path: '/hooks/webengage',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync(body)
    })
    const id = newestCapture(studio).id
    expect(await dispatch('saveCaptureAsSample', { captureId: id, name: 'Zipped' })).toMatchObject({
      ok: true,
      value: { body }
    })
    const resent = await dispatch('resendCapture', { id, mode: 'original', body })
    expect(resent).toMatchObject({ ok: true, value: { status: 200 } })
    expect(newestCapture(studio).headers.map(([name]) => name.toLowerCase())).not.toContain('content-encoding')
  })

  it('re-sends a capture over HTTP: as stored it fails an HMAC check, re-signed it is verified', async () => {
    const { studio, integration, dispatch, port } = await sampleStudio({ listening: true })
    const bookingApp = integration('booking-app')
    studio.listener.setIntegrationRules(bookingApp.id, {
      verification: { scheme: 'hmac-sha256', header: 'X-Signature', encoding: 'hex', prefix: 'sha256=' }
    })
    studio.listener.setSigningSecret(bookingApp.id, 'booking-key')
    const body = '{"event_name":"be_reserved","mobile":"919876543210"}'
    const signature = createHmac('sha256', 'booking-key').update(body).digest('hex')
    const sent = await httpRequest({
      port,
      path: '/hooks/booking-app',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Signature': `sha256=${signature}` },
      body
    })
    expect(sent.status).toBe(200)
    const original = newestCapture(studio)
    expect(original.verdict).toBe('verified')

    const asStored = await dispatch('resendCapture', { id: original.id, mode: 'original' })
    expect(asStored).toMatchObject({ ok: true, value: { status: 401 } })
    expect(newestCapture(studio)).toMatchObject({ status: 'rejected', bodyText: body })

    const resigned = await dispatch('resendCapture', { id: original.id, mode: 'resigned' })
    expect(resigned).toMatchObject({ ok: true, value: { status: 200, note: expect.stringContaining('X-Signature') } })
    const again = newestCapture(studio)
    expect(again).toMatchObject({ status: 'ok', verdict: 'verified', bodyText: body })
    expect(again.headers).toContainEqual(['X-Capmap-Resent-From', original.id])

    const edited = await dispatch('resendCapture', { id: original.id, mode: 'resigned', body: '{"event_name":"x"}' })
    expect(edited).toMatchObject({ ok: true, value: { status: 200 } })
    expect(newestCapture(studio)).toMatchObject({ verdict: 'verified', bodyText: '{"event_name":"x"}' })
    expect(studio.captures.get(original.id).bodyText).toBe(body)
  })

  it('says how a signed re-send would sign a capture: by its integration’s verification as set now', async () => {
    const { studio, integration, dispatch } = await sampleStudio()
    const bookingApp = integration('booking-app')
    const captureOf = (integrationId: string) => studio.captures.list({ integrationId, limit: 1 }).items[0]!.id
    const signedAs = async (id: string) => {
      const view = await dispatch('getCaptureView', { id })
      return view.ok ? view.value.signedAs : view.error
    }
    const booking = captureOf(bookingApp.id)
    studio.listener.setIntegrationRules(bookingApp.id, { verification: { scheme: 'none' } })
    await expect(signedAs(booking)).resolves.toBe('none')
    studio.listener.setIntegrationRules(bookingApp.id, {
      verification: { scheme: 'hmac-sha256', header: 'X-Signature', encoding: 'hex', prefix: 'sha256=' }
    })
    await expect(signedAs(booking)).resolves.toBe('hmac-sha256')
    const webengage = captureOf(integration('webengage').id)
    studio.integrations.delete(integration('webengage').id)
    await expect(signedAs(webengage)).resolves.toBeNull()
  })

  it('says so when it re-sends headers that were redacted when captured', async () => {
    const { studio, integration, port } = await sampleStudio({ listening: true })
    const bookingApp = integration('booking-app')
    studio.listener.setIntegrationRules(bookingApp.id, { redaction: { ...defaultRedaction, enabled: true } })
    await httpRequest({
      port,
      path: '/hooks/booking-app',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Customer-Email': 'asha@example.com' },
      body: '{"event_name":"be_reserved"}'
    })
    const stored = newestCapture(studio)
    expect(stored.headers).toContainEqual(['X-Customer-Email', redactedValue])
    const reply = await studio.captures.resend(stored.id, 'original')
    expect(reply).toMatchObject({ status: 200, note: 'Headers redacted when captured were sent as stored.' })
  })

  it('re-signs WebEngage and Standard Webhooks requests as their senders do', async () => {
    const { studio, integration, port } = await sampleStudio({ listening: true })
    const webengage = integration('webengage')
    studio.listener.setIntegrationRules(webengage.id, { verification: { scheme: 'webengage' } })
    studio.listener.setSigningSecret(webengage.id, 'we-key')
    const secret = createHash('md5').update('lic-1:we-key').digest('hex')
    await httpRequest({
      port,
      path: `/hooks/webengage?licenseCode=lic-1&secret=${secret}`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"event_name":"Added To Cart"}'
    })
    const stored = newestCapture(studio)
    expect(stored.verdict).toBe('verified')
    expect((await studio.captures.resend(stored.id, 'original')).status).toBe(401)
    expect((await studio.captures.resend(stored.id, 'resigned')).status).toBe(200)
    expect(newestCapture(studio).verdict).toBe('verified')

    const bookingApp = integration('booking-app')
    studio.listener.setIntegrationRules(bookingApp.id, {
      verification: { scheme: 'standard-webhooks', toleranceSeconds: 300 }
    })
    studio.listener.setSigningSecret(bookingApp.id, `whsec_${Buffer.from('standard-key').toString('base64')}`)
    const reply = await studio.captures.sendTest({
      integrationId: bookingApp.id,
      contentType: 'application/json',
      body: '{"event_name":"be_reserved"}',
      signed: true
    })
    expect(reply.status).toBe(200)
    expect(newestCapture(studio)).toMatchObject({ verdict: 'verified', integration: 'booking-app' })
  })

  it('sends test payloads in JSON, form and XML to the listener, captured like any other', async () => {
    const { studio, integration, dispatch } = await sampleStudio({ listening: true })
    const bookingApp = integration('booking-app')
    const payloads = [
      ['application/json', '{"event_name":"be_reserved","hotel":"Taj"}'],
      ['application/x-www-form-urlencoded', 'event_name=be_reserved&hotel=Oberoi'],
      ['application/xml', '<event><event_name>be_reserved</event_name><hotel>Leela</hotel></event>']
    ] as const
    for (const [contentType, body] of payloads) {
      const reply = await dispatch('sendTestPayload', {
        integrationId: bookingApp.id,
        contentType,
        body,
        signed: false
      })
      expect(reply).toMatchObject({ ok: true, value: { status: 200 } })
    }
    const newest = studio.captures.list({ limit: 3 }).items.map((item) => studio.captures.get(item.id))
    expect(newest.map((capture) => [capture.bodyKind, capture.sourceEvent])).toEqual([
      ['xml', null],
      ['form', 'be_reserved'],
      ['json', 'be_reserved']
    ])
    expect(newest[0]?.parsed).toMatchObject({ event: { hotel: 'Leela' } })
  })

  it('refuses to send while the listener is off, saying how to start it', async () => {
    const { dispatch, integration } = await sampleStudio()
    const reply = await dispatch('sendTestPayload', {
      integrationId: integration('booking-app').id,
      contentType: 'application/json',
      body: '{}'
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/start it/) } })
  })

  it('saves a capture as a named sample in the project, listed with the shipped ones', async () => {
    const { dispatch, studio } = await sampleStudio()
    const saved = await dispatch('saveCaptureAsSample', { captureId: '2', name: 'Diwali promotion' })
    expect(saved).toMatchObject({ ok: true, value: { name: 'Diwali promotion', origin: 'saved' } })
    expect(await dispatch('saveCaptureAsSample', { captureId: '1', name: 'diwali promotion' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' }
    })
    const samples = await dispatch('listPayloadSamples', {})
    const names = samples.ok ? samples.value.map((sample) => `${sample.origin}:${sample.name}`) : []
    expect(names).toContain('saved:Diwali promotion')
    expect(names).toContain('shipped:webengage-added-to-cart-flat')
    const body = samples.ok ? samples.value.find((sample) => sample.name === 'Diwali promotion')?.body : undefined
    expect(body).toBe(studio.captures.get('2').bodyText)
  })

  it('infers the shape of an integration’s captures and names the capture that brought a new field', async () => {
    const { studio, integration, port } = await sampleStudio({ listening: true })
    const bookingApp = integration('booking-app')
    const post = (body: string) =>
      httpRequest({
        port,
        path: '/hooks/booking-app',
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body
      })
    await post('{"event_name":"be_reserved","mobile":"919876543210","nights":2}')
    const first = studio.captures.shape(bookingApp.id)
    await post('{"event_name":"be_reserved","mobile":"919876543210","nights":"two","loyalty_tier":"gold"}')
    const drifted = newestCapture(studio)
    const shape = studio.captures.shape(bookingApp.id)
    expect(shape.captureCount).toBe(first.captureCount + 1)
    expect(shape.schema.fields.find((field) => field.path === 'nights')?.types).toEqual({ number: 1, string: 1 })
    expect(shape.drift[0]).toEqual({
      captureId: drifted.id,
      receivedAt: drifted.receivedAt,
      changes: [
        { path: 'nights', type: 'string', kind: 'new_type' },
        { path: 'loyalty_tier', type: 'string', kind: 'new_field' }
      ]
    })
  })

  it('counts captures per minute for the status bar', async () => {
    const { dispatch } = await sampleStudio()
    const rate = await dispatch('getCaptureRate', { minutes: 5 })
    expect(rate.ok && rate.value.perMinute).toHaveLength(5)
    expect(rate.ok && rate.value.perMinute.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1)
  })

  it('keeps the tunnel’s public URL in the project and refuses one that is not a URL', async () => {
    const { dispatch, studio, projectPath } = await sampleStudio()
    expect(await dispatch('setPublicUrl', { publicUrl: 'https://abc.ngrok-free.app/' })).toEqual({
      ok: true,
      value: { publicUrl: 'https://abc.ngrok-free.app' }
    })
    expect(await dispatch('setPublicUrl', { publicUrl: 'not a url' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
    studio.session.close()
    studio.session.open(projectPath)
    expect(await dispatch('getPublicUrl', {})).toEqual({ ok: true, value: { publicUrl: 'https://abc.ngrok-free.app' } })
  })

  it('creates a capture-only integration for Capillary notifications, which captures but has nothing to replay', async () => {
    const { dispatch, studio, port } = await sampleStudio({ listening: true })
    const created = await dispatch('createNotificationsIntegration', {})
    expect(created).toMatchObject({ ok: true, value: { slug: 'capillary-notifications', eventNameField: 'eventName' } })
    const id = created.ok ? created.value.id : ''
    expect(await dispatch('listCaptureOnlyIntegrations', {})).toEqual({ ok: true, value: [id] })
    const again = await dispatch('createNotificationsIntegration', {})
    expect(again).toMatchObject({ ok: true, value: { slug: 'capillary-notifications-2' } })

    const body = '{"eventName":"pointsIssued","data":{"points":120}}'
    const answer = await httpRequest({
      port,
      path: '/hooks/capillary-notifications',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body
    })
    expect(answer.status).toBe(200)
    const capture = newestCapture(studio)
    expect(capture).toMatchObject({ integrationId: id, sourceEvent: 'pointsIssued', status: 'ok' })
    const replay = await studio.captures.replay(capture.id)
    expect(replay).toMatchObject({ mappings: [], message: expect.stringContaining('only captures') })

    expect(await dispatch('setCaptureOnly', { integrationId: id, captureOnly: false })).toMatchObject({
      ok: true,
      value: [again.ok ? again.value.id : '']
    })
  })

  it('shows a large body cut for an editor, saying how long it is, and bytes that are not text as a hex dump', async () => {
    const { dispatch, studio, port } = await sampleStudio({ listening: true })
    const big = JSON.stringify({ event_name: 'Bulk', items: Array.from({ length: 30_000 }, (_, index) => ({ index })) })
    await httpRequest({
      port,
      path: '/hooks/webengage',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big
    })
    const view = await dispatch('getCaptureView', { id: newestCapture(studio).id })
    expect(view.ok && view.value.decoded.text.length).toBe(1_000_000)
    expect(view.ok && view.value.decoded.totalChars).toBeGreaterThan(1_000_000)
    expect(view.ok && view.value.raw).toMatchObject({ text: big, totalChars: big.length })
    expect(view.ok && 'bodyBase64' in view.value).toBe(false)

    await httpRequest({
      port,
      path: '/hooks/webengage',
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: Buffer.from([0xff, 0x00, 0x41])
    })
    const binary = await dispatch('getCaptureView', { id: newestCapture(studio).id })
    expect(binary.ok && binary.value).toMatchObject({
      isText: false,
      raw: { text: `00000000  ff 00 41${' '.repeat(39)}  ..A` }
    })
  })
})
