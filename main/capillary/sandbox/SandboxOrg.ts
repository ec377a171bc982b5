import { createHash } from 'node:crypto'
import { eventDefinitionBody } from '../../../shared/capillary/eventDefinitionBody'
import { publishedEventChangeProblem } from '../../../shared/capillary/publishedEventChange'
import { standardEventDraft } from '../../../shared/capillary/standardEventDraft'
import { findStandardEvent } from '../../../shared/capillary/standardEvents'
import type { EventDefinition, EventDraft } from '../../../shared/model/event'
import { judgeDefinition } from './judgeDefinition'
import { judgeEventData, type ProcessingState } from './judgeEventData'
import { standardEventType, standardWebEngageMapping } from './sandboxCatalogue'

export interface SandboxAnswer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

type Transformer = 'default' | 'webEngage'

interface MappingState {
  eventNameField: string
  /** Source event name → this event's name. */
  valueMap: Record<string, string>
  fieldMappings: { eventFieldName: string; fieldName?: string }[]
}

interface StoredEvent {
  eventId: string
  draft: EventDraft
  standard: boolean
  eventType: string
  status: 'UNPUBLISHED' | 'PUBLISHED'
  testStatus: 'NOT_VERIFIED' | 'VERIFIED'
  disabled: boolean
  createdAt: number
  mappings: Record<Transformer, MappingState | null>
}

interface StoredWebhook {
  webHookId: string
  transformer: Transformer
  transformerType: string
  tillCode: string
  authEnabled: boolean
  authMechanism: 'BASIC' | 'OAUTH'
  uniquenessCheckEnabled: boolean
  listenToChildEvents: boolean
  disabled: boolean
  webHookUri: string
}

interface LogEntry {
  startTime: number
  responseTime: number
  orgId: number
  status: string
  eventName: string
  inputRequest: string
  id: string
  webhookId: string
  parentOrgId: number
  message: string
}

/** One post of event data the sandbox acknowledged (what Capillary stored), for tests to count. */
export interface ReceivedEventData {
  webhookId: string
  externalEventId: string | undefined
  /** Flagged by the webhook's uniqueness check: stored, not processed again (notes §3). */
  duplicate: boolean
}

interface ResolvedPost {
  event: StoredEvent | undefined
  /** The event's attribute values as posted, and eventDateTime. */
  values: Record<string, unknown>
  sourceName: unknown
  nameField: string
}

export interface SandboxOrgOptions {
  orgId: number
  now: () => number
  newId: () => string
  newHexId: () => string
  /** `current`: BEREF 03's shapes (upper-case types, `defaultTransformerMapping`); `legacy`: SLATE 2022's. */
  responseStyle: 'current' | 'legacy'
  /** Where webhook URIs point (the sandbox's own address, known once it listens). */
  baseUrl: () => string
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The v2 envelope (notes §9): `{"warnings":[],"errors":[{"status":false,"code":…,"message":…}]}`. */
export const refusal = (status: number, code: number, message: string): SandboxAnswer => ({
  status,
  body: { warnings: [], errors: [{ status: false, code, message }] }
})

const acknowledged = (warnings: string[] = []): SandboxAnswer => ({
  status: 200,
  body: { warnings: warnings.map((message) => ({ status: true, message })), errors: [] }
})

// Notes §5: "WebEngageTransformer"/"webEngageTransformer" and "defaultTransformer" are both seen; case is ignored.
const transformerOf = (type: unknown): Transformer | undefined => {
  if (typeof type !== 'string') return undefined
  const lower = type.toLowerCase()
  return lower === 'defaulttransformer' ? 'default' : lower === 'webengagetransformer' ? 'webEngage' : undefined
}

/**
 * One Capillary org in memory: event definitions with their status, webhooks, adapter mappings, and the log of
 * posted events. Every method answers as Capillary does (status and body); the HTTP server only routes to them.
 */
export class SandboxOrg {
  private readonly events: StoredEvent[] = []
  private readonly webhooks: StoredWebhook[] = []
  private readonly logs: LogEntry[] = []
  private readonly received: ReceivedEventData[] = []
  private readonly uniquenessKeys = new Set<string>()
  private readonly runs = new Map<
    string,
    { eventName: string; stateList: { message: string; date: string; status: string }[] }
  >()

  constructor(private readonly options: SandboxOrgOptions) {}

  get orgId(): number {
    return this.options.orgId
  }

  /** What the org holds; `duplicates`: posts the uniqueness check flagged (Capillary's `isDuplicate`, notes §3). */
  counts(): { events: number; webhooks: number; logs: number; posts: number; duplicates: number } {
    return {
      events: this.active().length,
      webhooks: this.webhooks.filter((webhook) => !webhook.disabled).length,
      logs: this.logs.length,
      posts: this.received.length,
      duplicates: this.received.filter((entry) => entry.duplicate).length
    }
  }

  // ---- definitions (notes §4) ----

  listEvents(id: string | undefined): SandboxAnswer {
    const chosen = id === undefined ? this.active() : this.active().filter((event) => event.eventId === id)
    if (id !== undefined && chosen.length === 0) return refusal(404, 404, `No event with id ${id} in this org`)
    return { status: 200, body: { data: chosen.map((event) => this.render(event)), warnings: [], errors: [] } }
  }

  eventMeta(name: string | undefined): SandboxAnswer {
    const event = this.active().find((candidate) => candidate.draft.name === name)
    if (!event) return refusal(404, 404, `No event named ${name ?? '(none)'} in this org`)
    return { status: 200, body: { data: this.render(event), warnings: [], errors: [] } }
  }

  createEvent(body: unknown): SandboxAnswer {
    const name = isObject(body) && typeof body.eventName === 'string' ? body.eventName : ''
    // BEREF 01: 1806 "<name> event already exists"; a disabled event cannot come back (SLATE:L5030).
    if (name !== '' && this.events.some((event) => event.draft.name === name)) {
      return refusal(400, 1806, `${name} event already exists`)
    }
    if (findStandardEvent(name)) {
      return refusal(400, 400, `${name} is a standard event: enable it with POST /v2/events/standard_events/enable`)
    }
    const judged = judgeDefinition(body, this.activeCustomCount(undefined))
    if (!judged.ok) return this.refuseDefinition(judged.errors)
    this.events.push({
      eventId: this.options.newId(),
      draft: judged.draft,
      standard: false,
      eventType: 'USEREVENT',
      status: 'UNPUBLISHED',
      testStatus: 'NOT_VERIFIED',
      disabled: false,
      createdAt: this.options.now(),
      mappings: { default: null, webEngage: null }
    })
    return acknowledged(judged.warnings)
  }

  replaceEvent(body: unknown): SandboxAnswer {
    const name = isObject(body) && typeof body.eventName === 'string' ? body.eventName : undefined
    const existing = this.active().find((event) => event.draft.name === name)
    if (!existing) {
      return refusal(404, 404, `No event named ${name ?? '(none)'} in this org: create it with POST /v2/events first`)
    }
    const judged = judgeDefinition(body, this.activeCustomCount(existing.eventId))
    if (!judged.ok) return this.refuseDefinition(judged.errors)
    if (existing.status === 'PUBLISHED') {
      // SETUP: once published, attributes can no longer be edited or deleted (new ones may still be added).
      const problem = publishedEventChangeProblem(this.asPublished(existing), {
        ...judged.draft,
        attributes: judged.draft.attributes.map((attribute) => ({ ...attribute, id: attribute.name }))
      })
      if (problem) return refusal(400, 400, problem)
    }
    // SLATE:L151-300: "Fields that you do not pass in the API will be removed automatically."
    existing.draft = { ...judged.draft, label: existing.draft.label }
    return acknowledged(judged.warnings)
  }

  enableStandardEvent(name: string | undefined, useStandardMappings: boolean): SandboxAnswer {
    const standard = name === undefined ? undefined : findStandardEvent(name)
    if (!standard) return refusal(400, 1811, `event name invalid: ${name ?? '(none)'} is not a standard event`)
    const existing = this.events.find((event) => event.draft.name === standard.name)
    if (existing?.disabled)
      return refusal(400, 400, `${standard.name} was disabled: an event cannot be enabled again once disabled`)
    if (existing) return refusal(400, 1806, `${standard.name} event already exists`)
    this.events.push({
      eventId: this.options.newId(),
      draft: standardEventDraft(standard.name),
      standard: true,
      eventType: standardEventType(standard.name),
      status: 'UNPUBLISHED',
      testStatus: 'NOT_VERIFIED',
      disabled: false,
      createdAt: this.options.now(),
      // SLATE:L317: use_standard_adapter_mappings=true applies the default WebEngage map.
      mappings: { default: null, webEngage: useStandardMappings ? standardWebEngageMapping(standard) : null }
    })
    return acknowledged()
  }

  disableEvent(name: string | undefined): SandboxAnswer {
    const event = this.active().find((candidate) => candidate.draft.name === name)
    if (!event) return refusal(404, 404, `No active event named ${name ?? '(none)'} in this org`)
    // SLATE:L5030 "Disable a Custom Event".
    if (event.standard)
      return refusal(400, 400, `${event.draft.name} is a standard event: only custom events can be disabled`)
    event.disabled = true
    return acknowledged()
  }

  /** What a person does in InTouch: Publish, which the UI offers once a test event succeeded (SETUP). */
  publish(name: string | undefined, force: boolean): SandboxAnswer {
    const event = this.active().find((candidate) => candidate.draft.name === name)
    if (!event) return refusal(404, 404, `No active event named ${name ?? '(none)'} in this org`)
    if (event.testStatus !== 'VERIFIED' && !force) {
      return refusal(
        409,
        409,
        `${event.draft.name} has no successful test event yet: post one to its webhook first (or add force=true)`
      )
    }
    event.status = 'PUBLISHED'
    event.testStatus = 'VERIFIED'
    return { status: 200, body: { data: this.render(event), warnings: [], errors: [] } }
  }

  // ---- webhooks (notes §5) ----

  createWebhook(body: unknown): SandboxAnswer {
    if (!isObject(body)) return refusal(400, 400, 'The body must be a JSON object')
    const transformer = transformerOf(body.transformerType)
    // DOCS add-webhook: 1808 "customer event transformer not present".
    if (!transformer) return refusal(400, 1808, 'customer event transformer not present')
    if (typeof body.tillCode !== 'string' || body.tillCode.trim() === '')
      return refusal(400, 400, 'tillCode is required')
    const mechanism = this.mechanismOf(body)
    if (mechanism === 'missing') return refusal(400, 1839, 'auth mechanism not present')
    // SLATE:L4900: "An org can have one Webhook account per transformer".
    if (this.webhooks.some((webhook) => !webhook.disabled && webhook.transformer === transformer)) {
      return refusal(400, 400, `The org already has a ${body.transformerType} webhook: update it instead`)
    }
    const webHookId = this.options.newHexId()
    const webhook: StoredWebhook = {
      webHookId,
      transformer,
      transformerType: body.transformerType as string,
      tillCode: body.tillCode,
      authEnabled: body.authEnabled === true,
      authMechanism: mechanism,
      uniquenessCheckEnabled: body.uniquenessCheckEnabled === true,
      listenToChildEvents: body.listenToChildEvents === true,
      disabled: false,
      webHookUri: `${this.options.baseUrl()}/webhooks/${webHookId}`
    }
    this.webhooks.push(webhook)
    // DOCS add-webhook: the answer has no webHookId; the URI ends with it.
    return {
      status: 200,
      body: {
        transformerType: webhook.transformerType,
        uniquenessCheckEnabled: webhook.uniquenessCheckEnabled,
        tillCode: webhook.tillCode,
        webHookUri: webhook.webHookUri,
        authEnabled: webhook.authEnabled,
        warnings: []
      }
    }
  }

  updateWebhook(body: unknown): SandboxAnswer {
    if (!isObject(body)) return refusal(400, 400, 'The body must be a JSON object')
    const transformer = transformerOf(body.transformerType)
    if (!transformer) return refusal(400, 1808, 'customer event transformer not present')
    const webhook = this.webhooks.find(
      (candidate) =>
        !candidate.disabled &&
        (typeof body.webHookUri === 'string'
          ? candidate.webHookUri === body.webHookUri
          : candidate.transformer === transformer)
    )
    if (!webhook) return refusal(404, 404, 'No such webhook in this org: create it with POST /v2/events/webhook')
    const mechanism = this.mechanismOf(body)
    if (mechanism === 'missing') return refusal(400, 1839, 'auth mechanism not present')
    // Notes §3: the uniqueness check is irreversible once enabled.
    if (webhook.uniquenessCheckEnabled && body.uniquenessCheckEnabled === false) {
      return refusal(400, 400, 'The uniqueness check cannot be turned off once enabled')
    }
    if (typeof body.tillCode === 'string' && body.tillCode.trim() !== '') webhook.tillCode = body.tillCode
    if (typeof body.authEnabled === 'boolean') webhook.authEnabled = body.authEnabled
    webhook.authMechanism = mechanism
    if (body.uniquenessCheckEnabled === true) webhook.uniquenessCheckEnabled = true
    if (typeof body.listenToChildEvents === 'boolean') webhook.listenToChildEvents = body.listenToChildEvents
    return { status: 200, body: { ...this.renderWebhook(webhook), warnings: [] } }
  }

  listWebhooks(): SandboxAnswer {
    const data = this.webhooks.filter((webhook) => !webhook.disabled).map((webhook) => this.renderWebhook(webhook))
    return { status: 200, body: { data, warnings: [], errors: [] } }
  }

  disableWebhook(body: unknown): SandboxAnswer {
    const id = isObject(body) ? body.webHookId : undefined
    const webhook = this.webhooks.find((candidate) => !candidate.disabled && candidate.webHookId === id)
    if (!webhook) return refusal(404, 404, `No active webhook with id ${String(id)} in this org`)
    webhook.disabled = true
    return acknowledged()
  }

  webhookById(id: string): StoredWebhook | undefined {
    return this.webhooks.find((webhook) => !webhook.disabled && webhook.webHookId === id)
  }

  // ---- adapter mappings (notes §6) ----

  saveAdapterMapping(body: unknown): SandboxAnswer {
    if (!isObject(body)) return refusal(400, 400, 'The body must be a JSON object')
    const transformer = transformerOf(body.transformerType)
    if (!transformer) return refusal(400, 1808, 'customer event transformer not present')
    const updates = new Map<StoredEvent, MappingState>()
    const eventNamed = (name: unknown) => this.active().find((event) => event.draft.name === name)
    // SLATE:L368: the default transformer with standard fields only lists the events it maps.
    if (body.eventsMapped !== undefined) {
      if (!Array.isArray(body.eventsMapped)) return refusal(400, 400, 'eventsMapped must be a list of event names')
      for (const name of body.eventsMapped) {
        const event = eventNamed(name)
        if (!event) return refusal(400, 400, `eventsMapped: no event named ${String(name)} in this org`)
        updates.set(event, { eventNameField: 'event_name', valueMap: {}, fieldMappings: [] })
      }
    }
    const data = body.webEngageTransformerData ?? body.defaultTransformerData
    if (data !== undefined) {
      if (!isObject(data) || !isObject(data.eventMapper) || !isObject(data.eventFieldMapper)) {
        return refusal(400, 400, 'The transformer data needs an eventMapper and an eventFieldMapper')
      }
      const nameField = typeof data.eventMapper.fieldName === 'string' ? data.eventMapper.fieldName : 'event_name'
      const valueMap = isObject(data.eventMapper.valueMap) ? data.eventMapper.valueMap : {}
      // SLATE:L498-515: eventFieldMapper is keyed by Capillary event name; eventFieldName is Capillary's side.
      for (const [eventName, entries] of Object.entries(data.eventFieldMapper)) {
        const event = eventNamed(eventName)
        if (!event) return refusal(400, 400, `eventFieldMapper: no event named ${eventName} in this org`)
        if (!Array.isArray(entries)) return refusal(400, 400, `eventFieldMapper.${eventName} must be a list`)
        const fieldMappings: MappingState['fieldMappings'] = []
        for (const entry of entries) {
          if (!isObject(entry) || typeof entry.eventFieldName !== 'string') {
            return refusal(400, 400, `eventFieldMapper.${eventName}: every entry needs an eventFieldName`)
          }
          if (!event.draft.attributes.some((attribute) => attribute.name === entry.eventFieldName)) {
            return refusal(
              400,
              400,
              `eventFieldMapper.${eventName}: ${entry.eventFieldName} is not a field of ${eventName}`
            )
          }
          fieldMappings.push({
            eventFieldName: entry.eventFieldName,
            ...(typeof entry.fieldName === 'string' && entry.fieldName !== '' ? { fieldName: entry.fieldName } : {})
          })
        }
        updates.set(event, { eventNameField: nameField, valueMap: {}, fieldMappings })
      }
      // Notes §6.2: valueMap goes source name → Capillary event name.
      for (const [sourceName, target] of Object.entries(valueMap)) {
        const event = eventNamed(target)
        if (!event)
          return refusal(
            400,
            400,
            `valueMap: "${sourceName}" maps to ${String(target)}, which is not an event of this org`
          )
        const mapping = updates.get(event) ?? { eventNameField: nameField, valueMap: {}, fieldMappings: [] }
        mapping.valueMap[sourceName] = event.draft.name
        updates.set(event, mapping)
      }
    }
    if (updates.size === 0) return refusal(400, 400, 'Nothing to map: give eventsMapped or the transformer data')
    for (const [event, mapping] of updates) event.mappings[transformer] = mapping
    return acknowledged()
  }

  adapterMappings(): SandboxAnswer {
    const data = this.active()
      .filter((event) => event.mappings.default || event.mappings.webEngage)
      .map((event) => ({ eventName: event.draft.name, transformerMappings: this.renderMappings(event) }))
    return { status: 200, body: { data, warnings: [], errors: [] } }
  }

  // ---- event data (notes §7) ----

  /** Accepts a posted event into the queue; the returned `process` runs the asynchronous processing later. */
  acceptEventData(
    webhook: StoredWebhook,
    payload: Record<string, unknown>
  ): { answer: SandboxAnswer; process: () => void } {
    const requestId = this.options.newId()
    const receivedAt = this.options.now()
    const externalEventId = typeof payload.external_event_id === 'string' ? payload.external_event_id : undefined
    const resolved = this.resolve(webhook, payload)
    // Only an event that is stored can be repeated: one its processing will refuse leaves no key behind.
    const stored =
      resolved.event !== undefined && judgeEventData(resolved.event.draft, resolved.values).status === 'EVENT_SUCCESS'
    const duplicate = stored && this.isDuplicate(webhook, resolved)
    this.received.push({ webhookId: webhook.webHookId, externalEventId, duplicate })
    this.runs.set(requestId, {
      eventName: '',
      stateList: [{ status: 'EVENT_PROCESSING_STARTED', message: 'queued', date: this.isoNow() }]
    })
    return {
      // BEREF 25: 200 {"status":{"code":1100,...},"requestId":…}; SLATE:L4946: the id also in x-cap-hydra-request-id.
      answer: {
        status: 200,
        body: { status: { code: 1100, message: 'Event is pushed to transformation state' }, requestId },
        headers: { 'x-cap-hydra-request-id': requestId }
      },
      process: () => this.process(webhook, payload, requestId, receivedAt)
    }
  }

  /** Every post of event data acknowledged so far, oldest first. */
  receivedEventData(): readonly ReceivedEventData[] {
    return this.received
  }

  eventLogs(query: URLSearchParams): SandboxAnswer {
    const name = query.get('event_name') ?? undefined
    const from = parseDate(query.get('from_date'))
    const to = parseDate(query.get('to_date'))
    const limitText = query.get('limit')
    const limit = limitText === null ? 10 : Number(limitText)
    if (!Number.isInteger(limit) || limit < 1) return refusal(400, 400, 'limit must be a positive whole number')
    if (from === null || to === null)
      return refusal(400, 400, 'from_date and to_date take a date (yyyy-MM-dd, ISO 8601 or epoch milliseconds)')
    const data = [...this.logs]
      .reverse()
      .filter((entry) => name === undefined || entry.eventName === name)
      .filter((entry) => (from === undefined || entry.startTime >= from) && (to === undefined || entry.startTime <= to))
      .slice(0, limit)
    return { status: 200, body: { data, warnings: [], errors: [] } }
  }

  runningStatus(eventId: string | undefined): SandboxAnswer {
    const run = eventId === undefined ? undefined : this.runs.get(eventId)
    if (!run || eventId === undefined) return refusal(404, 404, `No posted event with id ${eventId ?? '(none)'}`)
    // SLATE:L4946 sample: {id, orgId, stateList[{message,date,status}], eventName, warnings}.
    return {
      status: 200,
      body: { id: eventId, orgId: this.orgId, stateList: run.stateList, eventName: run.eventName, warnings: [] }
    }
  }

  // ---- internals ----

  private process(
    webhook: StoredWebhook,
    payload: Record<string, unknown>,
    requestId: string,
    receivedAt: number
  ): void {
    const { event, values, sourceName, nameField } = this.resolve(webhook, payload)
    let status: string
    let message: string
    let states: ProcessingState[]
    if (!event) {
      status = 'EVENT_VALIDATION_FAILED'
      message =
        typeof sourceName === 'string' ? `No active event named ${sourceName} in this org` : `${nameField} is missing`
      states = [{ status, message }]
    } else {
      const outcome = judgeEventData(event.draft, values)
      ;({ status, message, states } = outcome)
      // SETUP "Test & Publish Event": a test event that validates moves the event from "Testing Pending" on.
      if (status === 'EVENT_SUCCESS') event.testStatus = 'VERIFIED'
    }
    const eventName = event?.draft.name ?? (typeof sourceName === 'string' ? sourceName : '')
    const date = this.isoNow()
    this.runs.set(requestId, { eventName, stateList: states.map((state) => ({ ...state, date })) })
    this.logs.push({
      startTime: receivedAt,
      responseTime: Math.max(0, this.options.now() - receivedAt),
      orgId: this.orgId,
      status,
      eventName,
      inputRequest: JSON.stringify(payload),
      id: requestId,
      webhookId: webhook.webHookId,
      parentOrgId: -1,
      message
    })
  }

  /** The org's event a post is for (through the webhook's transformer mapping) and its attribute values. */
  private resolve(webhook: StoredWebhook, payload: Record<string, unknown>): ResolvedPost {
    const { transformer } = webhook
    const nameField =
      this.active().find((event) => event.mappings[transformer])?.mappings[transformer]?.eventNameField ?? 'event_name'
    const sourceName = payload[nameField]
    const event =
      this.active().find(
        (candidate) =>
          typeof sourceName === 'string' && candidate.mappings[transformer]?.valueMap[sourceName] !== undefined
      ) ?? this.active().find((candidate) => candidate.draft.name === sourceName)
    const values: Record<string, unknown> = { eventDateTime: payload.eventDateTime }
    const mapping = event?.mappings[transformer]
    for (const attribute of event?.draft.attributes ?? []) {
      const source = mapping?.fieldMappings.find((entry) => entry.eventFieldName === attribute.name)?.fieldName
      values[attribute.name] = payload[source ?? attribute.name]
    }
    return { event, values, sourceName, nameField }
  }

  /**
   * Notes §3 ("Enabling uniqueness check"): with the check on, a repeat is not rejected but stored and flagged as a
   * duplicate. Its key is md5(EventName_CustomerId_Attr1_Attr2…): the event's name, its customer identifier and its
   * unique-key attributes (`isUniqueKeyField`), whatever else differs (`external_event_id` included: it is not an
   * attribute). A post for no event of the org has no key.
   */
  private isDuplicate(webhook: StoredWebhook, { event, values }: ResolvedPost): boolean {
    if (!webhook.uniquenessCheckEnabled || !event) return false
    const { attributes } = event.draft
    const keyed = [
      ...attributes.filter((attribute) => attribute.type === 'customer'),
      ...attributes.filter((attribute) => attribute.isUniqueKeyField && attribute.type !== 'customer')
    ]
    const parts = [event.draft.name, ...keyed.map((attribute) => String(values[attribute.name] ?? ''))]
    const key = createHash('md5').update(parts.join('_')).digest('hex')
    if (this.uniquenessKeys.has(key)) return true
    this.uniquenessKeys.add(key)
    return false
  }

  private mechanismOf(body: Record<string, unknown>): 'BASIC' | 'OAUTH' | 'missing' {
    // DOCS add-webhook: authMechanism defaults to Basic; one that is given but empty or unknown is error 1839.
    if (body.authMechanism === undefined) return 'BASIC'
    const value = typeof body.authMechanism === 'string' ? body.authMechanism.toUpperCase() : ''
    return value === 'BASIC' || value === 'OAUTH' ? value : 'missing'
  }

  private active(): StoredEvent[] {
    return this.events.filter((event) => !event.disabled)
  }

  private activeCustomCount(except: string | undefined): number {
    return this.active().filter((event) => !event.standard && event.eventId !== except).length
  }

  private refuseDefinition(errors: { code: number; message: string }[]): SandboxAnswer {
    return { status: 400, body: { warnings: [], errors: errors.map((error) => ({ status: false, ...error })) } }
  }

  private asPublished(event: StoredEvent): EventDefinition {
    const at = new Date(event.createdAt).toISOString()
    return {
      id: event.eventId,
      name: event.draft.name,
      label: event.draft.label,
      description: event.draft.description,
      kind: event.draft.kind,
      actions: event.draft.actions,
      attributes: event.draft.attributes.map((attribute) => ({ ...attribute, id: attribute.name })),
      status: 'tested',
      publications: [{ profile: `org ${this.orgId}`, publishedAt: at, publishedBy: 'InTouch' }],
      createdAt: at,
      updatedAt: at
    }
  }

  private render(event: StoredEvent): Record<string, unknown> {
    const legacy = this.options.responseStyle === 'legacy'
    const standardNames = new Set(event.draft.attributes.filter((attribute) => attribute.standard).map((a) => a.name))
    const fields = eventDefinitionBody(event.draft).fields.map((field) => ({
      name: field.name,
      // BEREF 03: newer orgs answer types in upper case; SLATE 2022 in the request spelling.
      type: legacy ? field.type : field.type.toUpperCase(),
      attributes: field.attributes,
      ...(standardNames.has(field.name) ? { standardField: true } : {})
    }))
    const meta = {
      eventId: event.eventId,
      eventName: event.draft.name,
      eventType: event.eventType,
      actions: event.draft.actions,
      fields,
      orgId: this.orgId,
      status: event.status,
      testStatus: event.testStatus,
      label: event.draft.label || event.draft.name,
      description: event.draft.description,
      date: event.createdAt,
      standardEvent: event.standard,
      ...(legacy ? {} : { connectedOrgContext: { orgType: 'STANDARD_ORG' } })
    }
    if (legacy) {
      // SLATE 2022: `defaultTransformerMappping` (sic) is a boolean beside clickEventsMeta, and so is the WebEngage map.
      const webEngage = this.renderMapping(event.mappings.webEngage, 'webEngageFieldName')
      return {
        clickEventsMeta: meta,
        ...(webEngage ? { webEngageTransformerMapping: webEngage } : {}),
        defaultTransformerMappping: event.mappings.default !== null
      }
    }
    return { clickEventsMeta: meta, transformerMappings: this.renderMappings(event) }
  }

  private renderMappings(event: StoredEvent) {
    // BEREF 03: the default map names source fields `fieldName`, the WebEngage one `webEngageFieldName`.
    return {
      defaultTransformerMapping: this.renderMapping(event.mappings.default, 'fieldName'),
      webEngageTransformerMapping: this.renderMapping(event.mappings.webEngage, 'webEngageFieldName')
    }
  }

  private renderMapping(mapping: MappingState | null, sourceKey: 'fieldName' | 'webEngageFieldName') {
    if (!mapping) return null
    return {
      eventNameMapping: { [sourceKey]: mapping.eventNameField, valueMap: mapping.valueMap },
      eventFieldMappings: mapping.fieldMappings.map((entry) => ({
        eventFieldName: entry.eventFieldName,
        ...(entry.fieldName !== undefined ? { [sourceKey]: entry.fieldName } : {})
      }))
    }
  }

  /** SLATE:L4900 (Get Org Webhooks): these fields, no more; in particular no `authMechanism`. */
  private renderWebhook(webhook: StoredWebhook) {
    return {
      transformerType: webhook.transformerType,
      webHookId: webhook.webHookId,
      uniquenessCheckEnabled: webhook.uniquenessCheckEnabled,
      tillCode: webhook.tillCode,
      webHookUri: webhook.webHookUri,
      authEnabled: webhook.authEnabled
    }
  }

  private isoNow(): string {
    return new Date(this.options.now()).toISOString()
  }
}

/** A log filter date: undefined when absent, null when unreadable. */
function parseDate(text: string | null): number | undefined | null {
  if (text === null || text.trim() === '') return undefined
  if (/^\d{10,}$/.test(text)) return Number(text)
  const parsed = Date.parse(text)
  return Number.isNaN(parsed) ? null : parsed
}
