import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CapillaryClient } from '../../../../../main/capillary/client/CapillaryClient'
import type { CapillaryCredentials } from '../../../../../main/capillary/client/credentialSources'
import { startSandbox, type RunningSandbox } from '../../../../../main/capillary/sandbox/startSandbox'
import { standardEventDraft } from '../../../../../shared/capillary/standardEventDraft'
import { bodyOf, eventually, promotionViewed } from '../capillaryTestKit'

const schemes: [string, CapillaryCredentials][] = [
  ['Basic auth', { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' }],
  ['OAuth', { scheme: 'oauth', key: 'sandbox', secret: 'sandbox' }]
]

describe.each(schemes)('the Capillary client against the sandbox, with %s', (_name, credentials) => {
  let sandbox: RunningSandbox
  let client: CapillaryClient

  beforeEach(async () => {
    sandbox = await startSandbox({ processingDelayMs: 0 })
    client = new CapillaryClient({ baseUrl: sandbox.baseUrl, credentials })
  })

  afterEach(async () => {
    await client.close()
    await sandbox.close()
  })

  it('creates a custom event with POST /v2/events and lists it with GET /v2/events', async () => {
    await expect(client.createEvent(bodyOf(promotionViewed()))).resolves.toEqual({ warnings: [] })
    const [event] = await client.listEvents()
    expect(event?.eventName).toBe('promotionViewed')
    expect(event?.status).toBe('UNPUBLISHED')
    expect(event?.testStatus).toBe('NOT_VERIFIED')
    expect(event?.fields.map((field) => [field.name, field.type])).toEqual([
      ['customerId', 'customer'],
      ['promotionId', 'string'],
      ['discount', 'double'],
      ['tier', 'enum'],
      ['viewedOn', 'date']
    ])
  })

  it('reads one event by id with GET /v2/events?id=, and nothing for an unknown id', async () => {
    await client.createEvent(bodyOf(promotionViewed()))
    const [listed] = await client.listEvents()
    const found = await client.getEvent(listed?.eventId ?? '')
    expect(found?.eventName).toBe('promotionViewed')
    await expect(client.getEvent('no-such-id')).resolves.toBeUndefined()
  })

  it('replaces the whole definition with PUT /v2/events: fields not sent are removed', async () => {
    await client.createEvent(bodyOf(promotionViewed()))
    const draft = promotionViewed()
    await client.replaceEvent(bodyOf({ ...draft, attributes: draft.attributes.slice(0, 2) }))
    const meta = await client.getEventMeta('promotionViewed')
    expect(meta.fields.map((field) => field.name)).toEqual(['customerId', 'promotionId'])
  })

  it('sends a definition exactly as shared/capillary builds its requests (create, then replace)', async () => {
    await client.sendDefinition(promotionViewed(), { mode: 'create' })
    await client.sendDefinition(promotionViewed({ description: 'Changed' }), { mode: 'replace' })
    expect((await client.getEventMeta('promotionViewed')).description).toBe('Changed')
    const calls = sandbox.requests().filter((request) => request.path === '/v2/events')
    expect(calls.map((request) => request.method)).toEqual(['POST', 'PUT'])
  })

  it('reads an event schema by name with GET /v2/events/meta, including enum possible values', async () => {
    await client.createEvent(bodyOf(promotionViewed()))
    const meta = await client.getEventMeta('promotionViewed')
    const tier = meta.fields.find((field) => field.name === 'tier')
    expect(tier?.attributes.possibleValues).toEqual({ valueType: 'LIST', values: ['gold', 'silver'] })
    const customer = meta.fields.find((field) => field.name === 'customerId')
    expect(customer?.attributes.identifierType?.value).toBe('mobile')
  })

  it("lists Capillary's standard-event library and enables one, with its default WebEngage map", async () => {
    const library = await client.listStandardEvents()
    expect(library.map((event) => event.eventName)).toContain('ProductAddedToCart')
    expect(library.find((event) => event.eventName === 'ProductSearched')?.actions).toEqual(['EIConsumer'])
    await client.enableStandardEvent('ProductAddedToCart', { useStandardAdapterMappings: true })
    const [enabled] = await client.listEvents()
    expect(enabled?.standardEvent).toBe(true)
    expect(enabled?.mappings.webEngage?.valueMap).toEqual({ 'Product Added To Cart': 'ProductAddedToCart' })
    expect(sandbox.requests().at(-2)?.path).toBe('/v2/events/standard_events/enable')
  })

  it('enables a standard event and adds custom attributes in one sendDefinition (enable, then replace)', async () => {
    const draft = standardEventDraft('ProductViewed')
    draft.attributes.push({
      name: 'channel',
      type: 'string',
      description: '',
      isRequired: false,
      isUniqueKeyField: false,
      isPsiData: false,
      standard: false
    })
    await client.sendDefinition(draft, { mode: 'create' })
    const meta = await client.getEventMeta('ProductViewed')
    expect(meta.fields.map((field) => field.name)).toContain('channel')
  })

  it('disables a custom event with PUT /v2/events/disable, for good', async () => {
    await client.createEvent(bodyOf(promotionViewed()))
    await client.disableEvent('promotionViewed')
    await expect(client.listEvents()).resolves.toEqual([])
    await expect(client.createEvent(bodyOf(promotionViewed()))).rejects.toMatchObject({ code: 1806 })
  })

  it('reads the field-type catalogue (meta_fields) and the transformers (adapters_meta)', async () => {
    const types = await client.listFieldTypes()
    const customer = types.find((type) => type.type === 'customer')
    expect(customer?.attributes?.find((attribute) => attribute.name === 'source')?.possibleValues).toContain(
      'WEB_ENGAGE'
    )
    await expect(client.listAdapters()).resolves.toEqual([
      { name: 'DefaultTransformer', label: 'Default Transformer Mapping' },
      { name: 'WebEngageTransformer', label: 'WebEngage Transformer' }
    ])
  })

  it('creates, lists, updates and disables a webhook', async () => {
    const created = await client.createWebhook({ transformerType: 'defaultTransformer', tillCode: 'sandbox.till' })
    expect(created.webHookUri).toMatch(new RegExp(`^${sandbox.baseUrl}/webhooks/[0-9a-f]{32}$`))
    expect(created.webHookId).toBe(created.webHookUri.split('/').at(-1))
    const updated = await client.updateWebhook({
      transformerType: 'defaultTransformer',
      tillCode: 'other.till',
      authEnabled: true,
      authMechanism: 'BASIC',
      webHookUri: created.webHookUri
    })
    expect(updated).toMatchObject({ tillCode: 'other.till', authEnabled: true })
    const [listed] = await client.listWebhooks()
    expect(listed).toMatchObject({ webHookUri: created.webHookUri, tillCode: 'other.till', authEnabled: true })
    await client.disableWebhook(created.webHookId ?? '')
    await expect(client.listWebhooks()).resolves.toEqual([])
  })

  it('writes and reads an adapter mapping, and GET /v2/events shows it', async () => {
    await client.createEvent(bodyOf(promotionViewed()))
    await client.saveAdapterMapping({
      transformerType: 'webEngageTransformer',
      webEngageTransformerData: {
        eventMapper: {
          eventFieldName: 'event_name',
          eventDataType: '',
          fieldName: 'event_name',
          valueMap: { 'Promotion Viewed': 'promotionViewed' }
        },
        eventFieldMapper: {
          promotionViewed: [
            { eventFieldName: 'customerId', eventDataType: '', fieldName: 'user_id' },
            { eventFieldName: 'promotionId', eventDataType: '', fieldName: 'Promotion ID' }
          ]
        }
      }
    })
    const [mapping] = await client.getAdapterMappings()
    expect(mapping?.eventName).toBe('promotionViewed')
    expect(mapping?.webEngage?.valueMap).toEqual({ 'Promotion Viewed': 'promotionViewed' })
    const [event] = await client.listEvents()
    expect(event?.mappings.webEngage?.fieldMappings).toEqual([
      { eventFieldName: 'customerId', sourceFieldName: 'user_id' },
      { eventFieldName: 'promotionId', sourceFieldName: 'Promotion ID' }
    ])
  })

  it('posts event data to the webhook URI, then learns the outcome from the logs and the running status', async () => {
    await client.createEvent(bodyOf(promotionViewed()))
    const webhook = await client.createWebhook({ transformerType: 'defaultTransformer', tillCode: 'sandbox.till' })
    const receipt = await client.postEvent(webhook.webHookUri, {
      event_name: 'promotionViewed',
      customerId: '919845012345',
      promotionId: 'SUMMER24',
      discount: 12.5,
      tier: 'gold',
      viewedOn: '2024-04-11 12:00:00'
    })
    expect(receipt).toMatchObject({ code: 1100, message: 'Event is pushed to transformation state' })
    const logs = await eventually(
      () => client.getEventLogs({ eventName: 'promotionViewed' }),
      (entries) => entries.length > 0
    )
    expect(logs[0]).toMatchObject({
      id: receipt.requestId,
      status: 'EVENT_SUCCESS',
      message: 'Event processed successfully'
    })
    expect(logs[0]?.input).toMatchObject({ promotionId: 'SUMMER24' })
    const status = await client.getRunningStatus(receipt.requestId ?? '')
    expect(status.states.map((state) => state.status)).toContain('EVENT_VALIDATION_FINISHED')
    expect(status.eventName).toBe('promotionViewed')
  })

  it('reads the org’s source accounts with GET /v2/org/{orgId}/sources', async () => {
    const sources = await client.listSources(String(sandbox.orgId))
    expect(sources.map((source) => source.sourceTypeName)).toEqual(['Facebook', 'WEB_ENGAGE', 'MARTJACK'])
  })

  it('sends Content-Type and Accept: application/json on every call, with the scheme’s credentials', async () => {
    await client.listEvents()
    await client.enableStandardEvent('ProductViewed')
    await client.listSources(String(sandbox.orgId))
    const requests = sandbox.requests()
    expect(requests.length).toBeGreaterThanOrEqual(3)
    for (const request of requests) {
      expect(request.contentType).toBe('application/json')
      expect(request.accept).toBe('application/json')
    }
    const authenticated = requests.filter((request) => request.path !== '/v3/oauth/token/generate')
    expect(new Set(authenticated.map((request) => request.auth))).toEqual(new Set([credentials.scheme]))
  })
})

describe('the Capillary client reading the 2022 response shapes (SLATE)', () => {
  let sandbox: RunningSandbox
  let client: CapillaryClient

  beforeAll(async () => {
    sandbox = await startSandbox({ processingDelayMs: 0, responseStyle: 'legacy' })
    client = new CapillaryClient({
      baseUrl: sandbox.baseUrl,
      credentials: { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' }
    })
    await client.enableStandardEvent('ProductAddedToCart', { useStandardAdapterMappings: true })
    await client.createEvent(bodyOf(promotionViewed()))
    await client.saveAdapterMapping({ transformerType: 'defaultTransformer', eventsMapped: ['promotionViewed'] })
  })

  afterAll(async () => {
    await client.close()
    await sandbox.close()
  })

  it('reads request-spelled field types as well as upper-case ones', async () => {
    const events = await client.listEvents()
    expect(events.find((event) => event.eventName === 'promotionViewed')?.fields[0]).toMatchObject({
      wireType: 'customer',
      type: 'customer'
    })
  })

  it('reads `defaultTransformerMappping` (sic), a boolean, and the WebEngage map beside clickEventsMeta', async () => {
    const events = await client.listEvents()
    const custom = events.find((event) => event.eventName === 'promotionViewed')
    const standard = events.find((event) => event.eventName === 'ProductAddedToCart')
    expect(custom?.mappings).toMatchObject({ defaultMapped: true, default: null })
    expect(standard?.mappings.defaultMapped).toBe(false)
    expect(standard?.mappings.webEngage?.fieldMappings[0]).toEqual({
      eventFieldName: 'customer',
      sourceFieldName: 'Customer Mobile'
    })
  })
})
