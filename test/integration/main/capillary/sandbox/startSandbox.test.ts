import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { basicAuthorization } from '../../../../../main/capillary/client/basicAuthorization'
import {
  startSandbox,
  type RunningSandbox,
  type SandboxOptions
} from '../../../../../main/capillary/sandbox/startSandbox'
import { standardEventDraft } from '../../../../../shared/capillary/standardEventDraft'
import { httpRequest } from '../../../support/httpRequest'
import { attribute, bodyOf, promotionViewed } from '../capillaryTestKit'

let sandbox: RunningSandbox
const basic = basicAuthorization('sandbox.till', 'sandbox')

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  json: any // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are read as Capillary's JSON
}

/** One raw call, as any HTTP client would make it (auth Basic by default, JSON bodies). */
async function call(
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; headers?: Record<string, string>; auth?: string | null } = {}
): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (options.auth !== null) headers.Authorization = options.auth ?? basic
  if (options.body !== undefined || options.raw !== undefined) headers['Content-Type'] ??= 'application/json'
  const answer = await httpRequest({
    port: sandbox.port,
    path,
    method,
    headers,
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {})
  })
  return { status: answer.status, headers: answer.headers, json: answer.body ? JSON.parse(answer.body) : undefined }
}

const start = async (options: SandboxOptions = {}) => {
  await sandbox?.close()
  sandbox = await startSandbox({ processingDelayMs: 0, ...options })
}

const firstError = (answer: Answer) => answer.json.errors[0] as { code: number; message: string; status: boolean }

const createWebhook = async (body: Record<string, unknown> = {}) =>
  (
    await call('POST', '/v2/events/webhook', {
      body: { transformerType: 'defaultTransformer', tillCode: 'sandbox.till', ...body }
    })
  ).json as { webHookUri: string }

const postTo = (uri: string, payload: unknown, options: { auth?: string | null } = {}) =>
  call('POST', new URL(uri).pathname, { body: payload, auth: options.auth ?? null })

const goodPayload = {
  event_name: 'promotionViewed',
  customerId: '919845012345',
  promotionId: 'SUMMER24',
  discount: 10,
  tier: 'gold',
  viewedOn: '2024-04-11'
}

beforeEach(async () => {
  await start()
})

afterEach(async () => {
  await sandbox.close()
})

describe('sandbox authentication (notes §8)', () => {
  it('answers 401 with the documented message to a call without credentials', async () => {
    const answer = await call('GET', '/v2/events', { auth: null })
    expect(answer.status).toBe(401)
    expect(answer.json).toEqual({
      warnings: [],
      errors: [{ status: false, code: 401, message: 'Please check your username/password or authentication token' }]
    })
  })

  it('takes Basic auth as base64(till:md5(password)), and nothing else', async () => {
    expect((await call('GET', '/v2/events')).status).toBe(200)
    expect((await call('GET', '/v2/events', { auth: basicAuthorization('sandbox.till', 'wrong') })).status).toBe(401)
    const plain = `Basic ${Buffer.from('sandbox.till:sandbox').toString('base64')}`
    expect((await call('GET', '/v2/events', { auth: plain })).status).toBe(401)
  })

  it('issues a JWT with Capillary’s claims for the right key and secret, valid for 300 s', async () => {
    const answer = await call('POST', '/v3/oauth/token/generate', {
      body: { key: 'sandbox', secret: 'sandbox' },
      auth: null
    })
    expect(answer.status).toBe(200)
    expect(answer.json.errors).toBeNull()
    expect(answer.json.data.ttlSeconds).toBe(300)
    const claims = JSON.parse(Buffer.from(answer.json.data.accessToken.split('.')[1], 'base64url').toString())
    expect(claims).toMatchObject({
      org_id: 1000,
      client_key: 'sandbox',
      default_till: 'sandbox.till',
      has_psi_access: false
    })
    const withToken = await call('GET', '/v2/events', {
      auth: null,
      headers: { 'X-CAP-API-OAUTH-TOKEN': answer.json.data.accessToken }
    })
    expect(withToken.status).toBe(200)
  })

  it('refuses a wrong key or secret with "Failed to generate OAuth token"', async () => {
    const answer = await call('POST', '/v3/oauth/token/generate', {
      body: { key: 'sandbox', secret: 'nope' },
      auth: null
    })
    expect(answer.status).toBe(401)
    expect(answer.json.errors[0].message).toBe('Failed to generate OAuth token')
  })

  it('refuses an expired token and a tampered one', async () => {
    let now = Date.now()
    await start({ now: () => now })
    const token = (
      await call('POST', '/v3/oauth/token/generate', { body: { key: 'sandbox', secret: 'sandbox' }, auth: null })
    ).json.data.accessToken as string
    const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}A`
    expect(
      (await call('GET', '/v2/events', { auth: null, headers: { 'X-CAP-API-OAUTH-TOKEN': tampered } })).status
    ).toBe(401)
    now += 301_000
    expect((await call('GET', '/v2/events', { auth: null, headers: { 'X-CAP-API-OAUTH-TOKEN': token } })).status).toBe(
      401
    )
  })

  it('accepts only the schemes it was given credentials for', async () => {
    await start({ credentials: { basic: [{ tillCode: 'brand.till', password: 'secret-1' }] } })
    expect((await call('GET', '/v2/events', { auth: basicAuthorization('brand.till', 'secret-1') })).status).toBe(200)
    expect((await call('GET', '/v2/events')).status).toBe(401)
    const token = await call('POST', '/v3/oauth/token/generate', {
      body: { key: 'sandbox', secret: 'sandbox' },
      auth: null
    })
    expect(token.status).toBe(401)
  })
})

describe('sandbox requests and routing (notes §9)', () => {
  it('answers 415 to a body that is not application/json', async () => {
    const answer = await call('POST', '/v2/events', { raw: '{}', headers: { 'Content-Type': 'text/plain' } })
    expect(answer.status).toBe(415)
    expect(firstError(answer).code).toBe(415)
  })

  it('answers 400 to a body that is not JSON', async () => {
    const answer = await call('POST', '/v2/events', { raw: '{"eventName":' })
    expect(answer.status).toBe(400)
    expect(firstError(answer).message).toMatch(/^The body is not valid JSON/)
  })

  it('answers 413 to a body over 1 MB', async () => {
    const answer = await call('POST', '/v2/events', { raw: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) })
    expect(answer.status).toBe(413)
  })

  it('answers 404 "Incorrect resource" to an unknown path and 405 to a wrong method', async () => {
    expect(firstError(await call('GET', '/v2/nothing'))).toMatchObject({ code: 404, message: 'Incorrect resource' })
    expect((await call('DELETE', '/v2/events')).status).toBe(405)
  })
})

describe('sandbox event definitions (notes §4)', () => {
  it('creates a custom event and lists it as newer orgs answer: upper-case types, unpublished, unverified', async () => {
    expect((await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })).json).toEqual({
      warnings: [],
      errors: []
    })
    const [item] = (await call('GET', '/v2/events')).json.data
    expect(item.clickEventsMeta).toMatchObject({
      eventName: 'promotionViewed',
      eventType: 'USEREVENT',
      status: 'UNPUBLISHED',
      testStatus: 'NOT_VERIFIED',
      standardEvent: false,
      orgId: 1000
    })
    expect(item.clickEventsMeta.fields.map((field: { type: string }) => field.type)).toEqual([
      'CUSTOMER',
      'STRING',
      'DOUBLE',
      'ENUM',
      'DATE'
    ])
    expect(item.transformerMappings).toEqual({ defaultTransformerMapping: null, webEngageTransformerMapping: null })
  })

  it('accepts SLATE’s own create sample, whose customer field leaves isRequired to its default', async () => {
    const sample = {
      eventName: 'PointsEvent1',
      actions: ['EMFConsumer'],
      fields: [
        {
          attributes: { addCustomerIfNotExists: { valueType: 'Boolean', value: 'true' } },
          type: 'customer',
          name: 'customer'
        },
        { attributes: { isRequired: { valueType: 'Boolean', value: 'true' } }, type: 'tillCode', name: 'till' },
        { attributes: { isRequired: { value: 'false', valueType: 'BOOLEAN' } }, type: 'double', name: 'Sparkles' }
      ]
    }
    expect((await call('POST', '/v2/events', { body: sample })).status).toBe(200)
  })

  it('refuses a second event of the same name with 1806', async () => {
    await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
    const answer = await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
    expect(answer.status).toBe(400)
    expect(firstError(answer)).toEqual({ status: false, code: 1806, message: 'promotionViewed event already exists' })
  })

  it('refuses an invalid event name with 1811 (spaces, double underscores, none at all)', async () => {
    for (const name of ['promotion viewed', 'promotion__viewed']) {
      expect(firstError(await call('POST', '/v2/events', { body: bodyOf(promotionViewed({ name })) })).code).toBe(1811)
    }
    const { eventName: _name, ...nameless } = bodyOf(promotionViewed())
    expect(firstError(await call('POST', '/v2/events', { body: nameless })).code).toBe(1811)
  })

  it('refuses missing or unknown actions with 1810', async () => {
    expect(firstError(await call('POST', '/v2/events', { body: bodyOf(promotionViewed({ actions: [] })) })).code).toBe(
      1810
    )
    const body = { ...bodyOf(promotionViewed()), actions: ['LoyaltyConsumer'] }
    expect(firstError(await call('POST', '/v2/events', { body })).code).toBe(1810)
  })

  it('refuses an unknown field type, and the types whose API spelling is undocumented, with 1823', async () => {
    const body = bodyOf(promotionViewed())
    const money = { ...body, fields: [...body.fields, { name: 'amount', type: 'money', attributes: {} }] }
    expect(firstError(await call('POST', '/v2/events', { body: money })).code).toBe(1823)
    const draft = promotionViewed()
    const integer = bodyOf({
      ...draft,
      attributes: [...draft.attributes, attribute({ name: 'nights', type: 'integer' })]
    })
    expect(firstError(await call('POST', '/v2/events', { body: integer })).code).toBe(1823)
  })

  it('refuses with 1802 a customer or unique key that is not required, and an unreadable isRequired', async () => {
    const draft = promotionViewed()
    const [customer, promotion, ...rest] = draft.attributes
    const optionalCustomer = bodyOf({
      ...draft,
      attributes: [{ ...customer!, isRequired: false }, promotion!, ...rest]
    })
    expect(firstError(await call('POST', '/v2/events', { body: optionalCustomer })).code).toBe(1802)
    const optionalKey = bodyOf({ ...draft, attributes: [customer!, { ...promotion!, isRequired: false }, ...rest] })
    expect(firstError(await call('POST', '/v2/events', { body: optionalKey })).code).toBe(1802)
    const body = bodyOf(draft)
    const unreadable = {
      ...body,
      fields: body.fields.map((field, index) =>
        index === 2 ? { ...field, attributes: { isRequired: { valueType: 'BOOLEAN', value: 'yes' } } } : field
      )
    }
    expect(firstError(await call('POST', '/v2/events', { body: unreadable })).code).toBe(1802)
  })

  it('refuses an event without a customer identifier (no anonymous events)', async () => {
    const draft = promotionViewed()
    const answer = await call('POST', '/v2/events', {
      body: bodyOf({ ...draft, attributes: draft.attributes.slice(1) })
    })
    expect(answer.status).toBe(400)
    expect(firstError(answer).message).toContain('Capillary accepts no anonymous events')
  })

  it('refuses more than 20 attributes, and an 11th active custom event (disabled ones do not count)', async () => {
    const draft = promotionViewed()
    const many = [
      ...draft.attributes,
      ...Array.from({ length: 16 }, (_, index) => attribute({ name: `extra${index}`, type: 'string' }))
    ]
    const tooMany = await call('POST', '/v2/events', { body: bodyOf({ ...draft, attributes: many }) })
    expect(firstError(tooMany).message).toContain('at most 20 attributes')
    for (let index = 0; index < 10; index += 1) {
      expect(
        (await call('POST', '/v2/events', { body: bodyOf(promotionViewed({ name: `event${index}` })) })).status
      ).toBe(200)
    }
    const eleventh = await call('POST', '/v2/events', { body: bodyOf(promotionViewed({ name: 'event10' })) })
    expect(firstError(eleventh).message).toContain('at most 10 active custom events')
    await call('PUT', '/v2/events/disable?event_name=event0')
    expect((await call('POST', '/v2/events', { body: bodyOf(promotionViewed({ name: 'event10' })) })).status).toBe(200)
  })

  it('refuses to create a standard event by name: it is enabled instead', async () => {
    const answer = await call('POST', '/v2/events', { body: bodyOf(standardEventDraft('ProductViewed')) })
    expect(firstError(answer).message).toContain('enable it with POST /v2/events/standard_events/enable')
  })

  it('replaces the whole definition with PUT, and answers 404 for an event it does not have', async () => {
    await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
    const draft = promotionViewed()
    await call('PUT', '/v2/events', { body: bodyOf({ ...draft, attributes: draft.attributes.slice(0, 2) }) })
    const meta = await call('GET', '/v2/events/meta?event_name=promotionViewed')
    expect(meta.json.data.clickEventsMeta.fields.map((field: { name: string }) => field.name)).toEqual([
      'customerId',
      'promotionId'
    ])
    expect((await call('PUT', '/v2/events', { body: bodyOf(promotionViewed({ name: 'other' })) })).status).toBe(404)
  })

  it('once published, refuses to edit or remove attributes but lets new ones be added', async () => {
    await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
    sandbox.publish('promotionViewed', { force: true })
    const draft = promotionViewed()
    const removed = await call('PUT', '/v2/events', {
      body: bodyOf({ ...draft, attributes: draft.attributes.slice(0, 4) })
    })
    expect(firstError(removed).message).toBe(
      'promotionViewed is published (org 1000): its attribute viewedOn cannot be removed. Duplicate the event into a new version instead.'
    )
    const added = bodyOf({
      ...draft,
      attributes: [...draft.attributes, attribute({ name: 'channel', type: 'string' })]
    })
    expect((await call('PUT', '/v2/events', { body: added })).status).toBe(200)
  })

  it('returns design warnings in the success answer', async () => {
    const draft = promotionViewed()
    const body = bodyOf({ ...draft, attributes: [...draft.attributes, attribute({ name: 'Tier', type: 'string' })] })
    const answer = await call('POST', '/v2/events', { body })
    expect(answer.json.warnings[0].message).toContain('differs only in letter case')
  })

  it('reads one event by id, and answers 404 for an unknown id', async () => {
    await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
    const id = (await call('GET', '/v2/events')).json.data[0].clickEventsMeta.eventId
    expect((await call('GET', `/v2/events?id=${id}`)).json.data).toHaveLength(1)
    expect((await call('GET', '/v2/events?id=nope')).status).toBe(404)
  })
})

describe('sandbox standard events (SLATE:L317, L5030)', () => {
  it('enables one from the library, with its default WebEngage map when asked', async () => {
    const answer = await call(
      'POST',
      '/v2/events/standard_events/enable?event_name=ProductAddedToCart&use_standard_adapter_mappings=true'
    )
    expect(answer.json).toEqual({ warnings: [], errors: [] })
    const [item] = (await call('GET', '/v2/events')).json.data
    expect(item.clickEventsMeta).toMatchObject({ eventType: 'PRODUCTEVENT', standardEvent: true })
    expect(item.transformerMappings.webEngageTransformerMapping.eventNameMapping).toEqual({
      webEngageFieldName: 'event_name',
      valueMap: { 'Product Added To Cart': 'ProductAddedToCart' }
    })
  })

  it('refuses an unknown standard event with 1811 and a second enable with 1806', async () => {
    expect(firstError(await call('POST', '/v2/events/standard_events/enable?event_name=Nope')).code).toBe(1811)
    await call('POST', '/v2/events/standard_events/enable?event_name=ProductViewed')
    expect(firstError(await call('POST', '/v2/events/standard_events/enable?event_name=ProductViewed')).code).toBe(1806)
  })

  it('disables a custom event for good, but not a standard one, and 404 for one it does not have', async () => {
    await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
    await call('POST', '/v2/events/standard_events/enable?event_name=ProductViewed')
    expect((await call('PUT', '/v2/events/disable?event_name=promotionViewed')).status).toBe(200)
    expect(firstError(await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })).code).toBe(1806)
    expect(firstError(await call('PUT', '/v2/events/disable?event_name=ProductViewed')).message).toContain(
      'only custom events'
    )
    expect((await call('PUT', '/v2/events/disable?event_name=promotionViewed')).status).toBe(404)
  })

  it('lists the library, the field types, the transformers', async () => {
    expect((await call('GET', '/v2/events/standard_events_meta')).json.data).toHaveLength(12)
    const types = (await call('GET', '/v2/events/meta_fields')).json.data.map((type: { type: string }) => type.type)
    expect(types).toContain('customer')
    expect(types).not.toContain('integer')
    expect((await call('GET', '/v2/events/adapters_meta')).json.data).toHaveLength(2)
  })
})

describe('sandbox webhooks (notes §5)', () => {
  it('creates one per transformer, answering its URI without an id', async () => {
    const created = await call('POST', '/v2/events/webhook', {
      body: { transformerType: 'WebEngageTransformer', tillCode: 'sandbox.till' }
    })
    expect(created.json).toEqual({
      transformerType: 'WebEngageTransformer',
      uniquenessCheckEnabled: false,
      tillCode: 'sandbox.till',
      webHookUri: expect.stringMatching(/\/webhooks\/[0-9a-f]{32}$/),
      authEnabled: false,
      warnings: []
    })
    const second = await call('POST', '/v2/events/webhook', {
      body: { transformerType: 'webEngageTransformer', tillCode: 'x' }
    })
    expect(firstError(second).message).toContain('already has a webEngageTransformer webhook')
  })

  it('refuses an unknown transformer with 1808, an empty auth mechanism with 1839, no till code with 400', async () => {
    expect(
      firstError(await call('POST', '/v2/events/webhook', { body: { transformerType: 'kumulos', tillCode: 't' } })).code
    ).toBe(1808)
    const noMechanism = { transformerType: 'defaultTransformer', tillCode: 't', authEnabled: true, authMechanism: '' }
    expect(firstError(await call('POST', '/v2/events/webhook', { body: noMechanism })).code).toBe(1839)
    expect(
      firstError(await call('POST', '/v2/events/webhook', { body: { transformerType: 'defaultTransformer' } })).code
    ).toBe(400)
  })

  it('defaults the auth mechanism to Basic, as documented, and lists webhooks without it (SLATE:L4900)', async () => {
    await call('POST', '/v2/events/webhook', {
      body: { transformerType: 'defaultTransformer', tillCode: 't', authEnabled: true }
    })
    const [listed] = (await call('GET', '/v2/events/webhooks')).json.data
    expect(Object.keys(listed).sort()).toEqual(
      ['authEnabled', 'tillCode', 'transformerType', 'uniquenessCheckEnabled', 'webHookId', 'webHookUri'].sort()
    )
    expect(listed.authEnabled).toBe(true)
    expect((await postTo(listed.webHookUri, { event_name: 'x' })).status).toBe(401)
    expect((await postTo(listed.webHookUri, { event_name: 'x' }, { auth: basic })).status).toBe(200)
  })

  it('never turns the uniqueness check off once on, and answers 404 for unknown webhooks', async () => {
    const { webHookUri } = await createWebhook({ uniquenessCheckEnabled: true })
    const off = await call('PUT', '/v2/events/webhook', {
      body: { transformerType: 'defaultTransformer', tillCode: 't', uniquenessCheckEnabled: false, webHookUri }
    })
    expect(firstError(off).message).toBe('The uniqueness check cannot be turned off once enabled')
    const unknown = { transformerType: 'defaultTransformer', tillCode: 't', webHookUri: 'http://elsewhere/webhooks/x' }
    expect((await call('PUT', '/v2/events/webhook', { body: unknown })).status).toBe(404)
    expect((await call('PUT', '/v2/events/webhook/disable', { body: { webHookId: 'nope' } })).status).toBe(404)
  })
})

describe('sandbox adapter mappings (notes §6)', () => {
  beforeEach(async () => {
    await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
  })

  const webEngage = (eventFieldMapper: Record<string, unknown>, valueMap: Record<string, string> = {}) => ({
    transformerType: 'webEngageTransformer',
    webEngageTransformerData: {
      eventMapper: { eventFieldName: 'event_name', eventDataType: '', fieldName: 'event_name', valueMap },
      eventFieldMapper
    }
  })

  it('refuses an unknown transformer (1808), event, field or valueMap target', async () => {
    expect(
      firstError(await call('POST', '/v2/events/adapter_mapping', { body: { transformerType: 'x', eventsMapped: [] } }))
        .code
    ).toBe(1808)
    const unknownEvent = await call('POST', '/v2/events/adapter_mapping', { body: webEngage({ nope: [] }) })
    expect(firstError(unknownEvent).message).toBe('eventFieldMapper: no event named nope in this org')
    const unknownField = webEngage({
      promotionViewed: [{ eventFieldName: 'price', eventDataType: '', fieldName: 'Price' }]
    })
    expect(firstError(await call('POST', '/v2/events/adapter_mapping', { body: unknownField })).message).toBe(
      'eventFieldMapper.promotionViewed: price is not a field of promotionViewed'
    )
    const badTarget = webEngage({ promotionViewed: [] }, { 'Promotion Viewed': 'nope' })
    expect(firstError(await call('POST', '/v2/events/adapter_mapping', { body: badTarget })).message).toContain(
      'not an event of this org'
    )
  })

  it('maps source names and fields for posted events', async () => {
    await call('POST', '/v2/events/adapter_mapping', {
      body: webEngage(
        { promotionViewed: [{ eventFieldName: 'customerId', eventDataType: '', fieldName: 'user_id' }] },
        { 'Promotion Viewed': 'promotionViewed' }
      )
    })
    const { webHookUri } = await call('POST', '/v2/events/webhook', {
      body: { transformerType: 'webEngageTransformer', tillCode: 't' }
    }).then((answer) => answer.json as { webHookUri: string })
    await postTo(webHookUri, {
      ...goodPayload,
      event_name: 'Promotion Viewed',
      customerId: undefined,
      user_id: '919845012345'
    })
    await sandbox.idle()
    expect((await call('GET', '/v2/events/logs')).json.data[0]).toMatchObject({
      status: 'EVENT_SUCCESS',
      eventName: 'promotionViewed'
    })
    const mappings = (await call('GET', '/v2/events/adapter_mapping')).json.data
    expect(mappings[0].transformerMappings.webEngageTransformerMapping.eventFieldMappings).toEqual([
      { eventFieldName: 'customerId', webEngageFieldName: 'user_id' }
    ])
  })
})

describe('sandbox event data and its asynchronous processing (notes §7)', () => {
  beforeEach(async () => {
    await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
  })

  it('queues a posted event with code 1100, a requestId and the x-cap-hydra-request-id header', async () => {
    const { webHookUri } = await createWebhook()
    const answer = await postTo(webHookUri, goodPayload)
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({
      status: { code: 1100, message: 'Event is pushed to transformation state' },
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/)
    })
    expect(answer.headers['x-cap-hydra-request-id']).toBe(answer.json.requestId)
  })

  it('flags a repeat of event, customer and unique-key attributes as a duplicate once the check is on (notes §3)', async () => {
    const { webHookUri } = await createWebhook({ uniquenessCheckEnabled: true })
    const posts = [
      { ...goodPayload, external_event_id: 'a' },
      // The same event, customer and promotionId (the unique key), whatever else differs: a duplicate.
      { ...goodPayload, external_event_id: 'b', discount: 20 },
      // Another promotion, or another customer: not one, even with an external_event_id seen before.
      { ...goodPayload, external_event_id: 'a', promotionId: 'WINTER24' },
      { ...goodPayload, external_event_id: 'a', customerId: '919845099999' }
    ]
    for (const payload of posts) expect((await postTo(webHookUri, payload)).status).toBe(200)
    expect(sandbox.eventData().map((entry) => [entry.externalEventId, entry.duplicate])).toEqual([
      ['a', false],
      ['b', true],
      ['a', false],
      ['a', false]
    ])
    // Seen over HTTP too, for a sandbox run as `capmap sandbox`.
    expect((await call('GET', '/sandbox', { auth: null })).json).toMatchObject({ posts: 4, duplicates: 1 })
  })

  it('keys only events it stores: a post its processing refuses does not make the corrected one a duplicate', async () => {
    const { webHookUri } = await createWebhook({ uniquenessCheckEnabled: true })
    await postTo(webHookUri, { ...goodPayload, discount: 'ten' })
    await postTo(webHookUri, goodPayload)
    expect(sandbox.eventData().map((entry) => entry.duplicate)).toEqual([false, false])
  })

  it('flags nothing while the uniqueness check is off', async () => {
    const { webHookUri } = await createWebhook()
    for (let index = 0; index < 2; index += 1) await postTo(webHookUri, goodPayload)
    expect(sandbox.eventData().map((entry) => entry.duplicate)).toEqual([false, false])
  })

  it('shows the outcome in the logs only once processed, and marks the event verified', async () => {
    await start({ processingDelayMs: 150 })
    await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
    const { webHookUri } = await createWebhook()
    await postTo(webHookUri, goodPayload)
    expect((await call('GET', '/v2/events/logs')).json.data).toEqual([])
    await sandbox.idle()
    const [entry] = (await call('GET', '/v2/events/logs')).json.data
    expect(entry).toMatchObject({
      status: 'EVENT_SUCCESS',
      message: 'Event processed successfully',
      orgId: 1000,
      parentOrgId: -1
    })
    expect(JSON.parse(entry.inputRequest)).toEqual(goodPayload)
    expect((await call('GET', '/v2/events')).json.data[0].clickEventsMeta.testStatus).toBe('VERIFIED')
  })

  it.each([
    ['no customer', 'NO_CUSTOMER_DETAILS_PASSED', { customerId: undefined }, 'No customer details passed'],
    [
      'a missing required field',
      'EVENT_VALIDATION_FAILED',
      { promotionId: undefined },
      'Mandatory field promotionId is missing'
    ],
    [
      'a double that is not a number',
      'EVENT_VALIDATION_FAILED',
      { discount: 'ten' },
      'Field discount: Expected a number'
    ],
    ['an enum value not among its values', 'EVENT_VALIDATION_FAILED', { tier: 'bronze' }, 'Field tier:'],
    ['a date in no accepted format', 'EVENT_VALIDATION_FAILED', { viewedOn: '11.04.2024' }, 'Field viewedOn:'],
    [
      'an eventDateTime in no accepted format',
      'EVENT_VALIDATION_FAILED',
      { eventDateTime: 'yesterday' },
      'eventDateTime'
    ],
    ['an unknown event', 'EVENT_VALIDATION_FAILED', { event_name: 'nothing' }, 'No active event named nothing']
  ])('logs %s as %s', async (_case, status, change, message) => {
    const { webHookUri } = await createWebhook()
    await postTo(webHookUri, { ...goodPayload, ...change })
    await sandbox.idle()
    const [entry] = (await call('GET', '/v2/events/logs')).json.data
    expect(entry.status).toBe(status)
    expect(entry.message).toContain(message)
  })

  it('logs an invalid group identifier as INVALID_GROUP_IDENTIFIER_PASSED', async () => {
    const draft = promotionViewed({ name: 'groupJoined' })
    await call('POST', '/v2/events', {
      body: bodyOf({
        ...draft,
        attributes: [draft.attributes[0]!, attribute({ name: 'group', type: 'groupId', isRequired: true })]
      })
    })
    const { webHookUri } = await createWebhook()
    await postTo(webHookUri, { event_name: 'groupJoined', customerId: '919845012345', group: { id: 1 } })
    await sandbox.idle()
    expect((await call('GET', '/v2/events/logs')).json.data[0].status).toBe('INVALID_GROUP_IDENTIFIER_PASSED')
  })

  it('lists the processing states of a posted event by its id, and 404 for an unknown id', async () => {
    const { webHookUri } = await createWebhook()
    const { requestId } = (await postTo(webHookUri, goodPayload)).json
    await sandbox.idle()
    const answer = await call('GET', `/v2/events/running_status?eventId=${requestId}`)
    expect(answer.json).toMatchObject({ id: requestId, orgId: 1000, eventName: 'promotionViewed', warnings: [] })
    expect(answer.json.stateList.map((state: { status: string }) => state.status)).toEqual([
      'EVENT_PROCESSING_STARTED',
      ...['customerId', 'promotionId', 'discount', 'tier', 'viewedOn'].flatMap(() => [
        'EVENT_FIELD_VALIDATION_STARTED',
        'EVENT_FIELD_VALIDATION_FINISHED'
      ]),
      'EVENT_VALIDATION_FINISHED',
      'EVENT_CONSUMER_STARTED',
      'EVENT_CONSUMER_FINISHED',
      'EVENT_CONSUMER_STARTED',
      'EVENT_CONSUMER_FINISHED'
    ])
    expect((await call('GET', '/v2/events/running_status?eventId=nope')).status).toBe(404)
  })

  it('filters the logs by event name, dates and limit (10 by default), newest first', async () => {
    const { webHookUri } = await createWebhook()
    for (let index = 0; index < 12; index += 1) await postTo(webHookUri, { ...goodPayload, promotionId: `P${index}` })
    await postTo(webHookUri, { ...goodPayload, event_name: 'other' })
    await sandbox.idle()
    const all = (await call('GET', '/v2/events/logs')).json.data
    expect(all).toHaveLength(10)
    expect(all[0].eventName).toBe('other')
    const named = (await call('GET', '/v2/events/logs?event_name=promotionViewed&limit=20')).json.data
    expect(named).toHaveLength(12)
    expect(JSON.parse(named[0].inputRequest).promotionId).toBe('P11')
    expect((await call('GET', '/v2/events/logs?from_date=2999-01-01')).json.data).toEqual([])
    expect((await call('GET', '/v2/events/logs?limit=zero')).status).toBe(400)
  })

  it('requires the webhook’s own auth mechanism when its auth is on', async () => {
    const { webHookUri } = await createWebhook({ authEnabled: true, authMechanism: 'BASIC' })
    expect((await postTo(webHookUri, goodPayload)).status).toBe(401)
    expect((await postTo(webHookUri, goodPayload, { auth: basic })).status).toBe(200)
  })

  it('answers 404 for an unknown webhook and 400 {} for a body that is not an object', async () => {
    expect((await call('POST', '/webhooks/0123', { body: goodPayload, auth: null })).status).toBe(404)
    const { webHookUri } = await createWebhook()
    expect(await postTo(webHookUri, [goodPayload])).toMatchObject({ status: 400, json: {} })
    const broken = await call('POST', new URL(webHookUri).pathname, { raw: '{', auth: null })
    expect(broken).toMatchObject({ status: 400, json: {} })
  })
})

describe('sandbox sources (notes §10)', () => {
  it('lists the org’s source types, and refuses another org with 1064', async () => {
    expect(
      (await call('GET', '/v2/org/1000/sources?details=true')).json.data.map(
        (source: { sourceTypeName: string }) => source.sourceTypeName
      )
    ).toEqual(['Facebook', 'WEB_ENGAGE', 'MARTJACK'])
    const other = await call('GET', '/v2/org/7/sources')
    expect(other.status).toBe(403)
    expect(firstError(other).code).toBe(1064)
  })
})

describe('publishing as a person would in InTouch (POST /sandbox/events/publish)', () => {
  it('publishes only after a successful test event, unless forced', async () => {
    await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
    const early = await call('POST', '/sandbox/events/publish?event_name=promotionViewed', { auth: null })
    expect(early.status).toBe(409)
    expect(firstError(early).message).toContain('has no successful test event yet')
    const { webHookUri } = await createWebhook()
    await postTo(webHookUri, goodPayload)
    await sandbox.idle()
    const published = await call('POST', '/sandbox/events/publish?event_name=promotionViewed', { auth: null })
    expect(published.json.data.clickEventsMeta).toMatchObject({ status: 'PUBLISHED', testStatus: 'VERIFIED' })
    expect((await call('POST', '/sandbox/events/publish?event_name=nope', { auth: null })).status).toBe(404)
  })
})

describe('sandbox faults', () => {
  it('are read and changed under /sandbox/faults, and refused when invalid', async () => {
    expect((await call('GET', '/sandbox/faults', { auth: null })).json).toEqual({
      failRate: 0,
      latencyMs: 0,
      dropRate: 0,
      rateLimitPerMinute: 0
    })
    const changed = await call('POST', '/sandbox/faults', { body: { latencyMs: 5 }, auth: null })
    expect(changed.json.latencyMs).toBe(5)
    expect((await call('POST', '/sandbox/faults', { body: { failRate: 2 }, auth: null })).status).toBe(400)
  })

  it('limit each API key separately, with 429 and a Retry-After', async () => {
    await start({ faults: { rateLimitPerMinute: 2 } })
    await call('GET', '/v2/events')
    await call('GET', '/v2/events')
    const limited = await call('GET', '/v2/events')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    const token = (
      await call('POST', '/v3/oauth/token/generate', { body: { key: 'sandbox', secret: 'sandbox' }, auth: null })
    ).json.data.accessToken
    expect((await call('GET', '/v2/events', { auth: null, headers: { 'X-CAP-API-OAUTH-TOKEN': token } })).status).toBe(
      200
    )
  })

  it('never limits posts of event data (Post Event: "Rate limit NA", notes §7)', async () => {
    await start({ faults: { rateLimitPerMinute: 1 } })
    const { webHookUri } = await createWebhook()
    for (let index = 0; index < 3; index += 1) expect((await postTo(webHookUri, goodPayload)).status).toBe(200)
    expect((await call('GET', '/v2/events')).status).toBe(429)
  })

  it('answer 500 or 503 to the configured share of calls', async () => {
    const draws = [0.05, 0.2, 0.9, 0.05, 0.7]
    await start({ faults: { failRate: 0.1 }, random: () => draws.shift() ?? 0.9 })
    expect((await call('GET', '/v2/events')).status).toBe(500)
    expect((await call('GET', '/v2/events')).status).toBe(200)
    expect(firstError(await call('GET', '/v2/events'))).toMatchObject({ code: 503 })
  })

  it('delay answers by the latency', async () => {
    await start({ faults: { latencyMs: 120 } })
    const started = Date.now()
    await call('GET', '/v2/events')
    expect(Date.now() - started).toBeGreaterThanOrEqual(110)
  })

  it('drop connections without an answer', async () => {
    await start({ faults: { dropRate: 1 } })
    await expect(call('GET', '/v2/events')).rejects.toThrow(/socket hang up|ECONNRESET/)
  })

  it('never touch the sandbox’s own endpoints', async () => {
    await start({ faults: { dropRate: 1, failRate: 1 } })
    expect((await call('GET', '/sandbox', { auth: null })).status).toBe(200)
  })
})

describe('the sandbox’s own status (GET /sandbox)', () => {
  it('names its address, org, tills and keys, without any password or secret', async () => {
    await start({
      credentials: {
        basic: [{ tillCode: 'brand.till', password: 'Hidden-Pass-1' }],
        oauth: [{ key: 'k', secret: 'Hidden-Secret-2' }]
      }
    })
    const answer = await call('GET', '/sandbox', { auth: null })
    expect(answer.json).toMatchObject({
      baseUrl: sandbox.baseUrl,
      orgId: 1000,
      tills: ['brand.till'],
      oauthKeys: ['k'],
      events: 0
    })
    expect(JSON.stringify(answer.json)).not.toMatch(/Hidden-(Pass|Secret)/)
  })
})

describe('the 2022 response shapes (responseStyle legacy)', () => {
  it('spell types as requests do and give `defaultTransformerMappping` (sic) as a boolean', async () => {
    await start({ responseStyle: 'legacy' })
    await call('POST', '/v2/events', { body: bodyOf(promotionViewed()) })
    const [item] = (await call('GET', '/v2/events')).json.data
    expect(item.clickEventsMeta.fields[0].type).toBe('customer')
    expect(item.defaultTransformerMappping).toBe(false)
    expect(item.transformerMappings).toBeUndefined()
  })
})
