import type { Dispatcher } from 'undici'
import type { z } from 'zod'
import { definitionRequests, type DefinitionRequestOptions } from '../../../shared/capillary/definitionRequest'
import type { EventDefinitionBody } from '../../../shared/capillary/eventDefinitionBody'
import type { EventDraft } from '../../../shared/model/event'
import { silentLogger, type Logger } from '../../platform/logger'
import { CapillaryError } from './CapillaryError'
import { CapillaryHttp, type HttpAnswer, type HttpCall } from './CapillaryHttp'
import { systemTiming, type ClientTiming } from './ClientTiming'
import { createConnectionPool } from './createConnectionPool'
import {
  basicCredentials,
  OAuthTokenCache,
  oauthCredentials,
  type CapillaryCredentials,
  type IssuedToken
} from './credentialSources'
import {
  AdapterMappingsWire,
  AdaptersWire,
  EventListWire,
  EventLogsWire,
  EventMetaWire,
  FieldTypesWire,
  PushAnswerWire,
  RunningStatusWire,
  SourcesWire,
  StandardEventsWire,
  TokenWire,
  toAdapterMappings,
  toEventLogs,
  toRemoteEvent,
  toRunningStatus,
  toSources,
  toStandardEvents,
  toWebhook,
  WebhookListWire,
  WebhookWire,
  type EventLogEntry,
  type PushReceipt,
  type RemoteAdapterMapping,
  type RemoteEvent,
  type RemoteFieldType,
  type RemoteSource,
  type RemoteStandardEvent,
  type RemoteWebhook,
  type RunningStatus
} from './responses'
import { defaultRetryPolicy, type RetryPolicy } from './retryDelay'

export interface CapillaryClientOptions {
  /** The cluster host (`https://eu.api.capillarytech.com`) or a custom base URL (the local sandbox). */
  baseUrl: string
  credentials: CapillaryCredentials
  /** Per try, in milliseconds (default 30 s). */
  timeoutMs?: number
  retry?: Partial<RetryPolicy>
  proxyUrl?: string
  /** Extra trusted CA certificates (PEM). */
  caCertificates?: readonly string[]
  timing?: ClientTiming
  logger?: Logger
}

/** Capillary's answer to a definition or webhook change: `{"warnings":[],"errors":[]}` on success (notes §4). */
export interface CapillaryAck {
  warnings: string[]
}

/** The body of `POST`/`PUT /v2/events/webhook` (DOCS add-webhook; SLATE:L6669). */
export interface WebhookInput {
  transformerType: string
  tillCode: string
  authEnabled?: boolean
  /** `BASIC` or `OAUTH`, required when authEnabled (error 1839). */
  authMechanism?: 'BASIC' | 'OAUTH'
  /** Irreversible on Capillary once on (notes §3). */
  uniquenessCheckEnabled?: boolean
  listenToChildEvents?: boolean
}

/** One entry of a transformer's field map: Capillary field ← third-party field (SLATE:L498-515). */
export interface FieldMapperEntry {
  eventFieldName: string
  eventDataType: string
  fieldName: string
}

export interface TransformerData {
  eventMapper: { eventFieldName: string; eventDataType: string; fieldName: string; valueMap: Record<string, string> }
  /** Keyed by Capillary event name. */
  eventFieldMapper: Record<string, FieldMapperEntry[]>
}

/** The body of `POST /v2/events/adapter_mapping` (SLATE:L368-520; ORG1 map-events). */
export interface AdapterMappingBody {
  transformerType: string
  /** Default transformer, standard fields only: the events it maps. */
  eventsMapped?: string[]
  webEngageTransformerData?: TransformerData
  defaultTransformerData?: TransformerData
}

export interface EventLogQuery {
  eventName?: string
  fromDate?: string
  toDate?: string
  /** Capillary's default is 10 (BEREF 18). */
  limit?: number
}

/**
 * The typed Capillary client: one method per documented endpoint of notes §4-§8, over one keep-alive pool.
 * Every failure is a CapillaryError whose message says what to do; secrets never appear in messages or logs.
 */
export class CapillaryClient {
  private readonly http: CapillaryHttp
  private readonly pool: Dispatcher
  private readonly tokens: OAuthTokenCache | undefined

  constructor(options: CapillaryClientOptions) {
    const timing = options.timing ?? systemTiming
    const logger = options.logger ?? silentLogger
    this.pool = createConnectionPool({
      ...(options.proxyUrl ? { proxyUrl: options.proxyUrl } : {}),
      ...(options.caCertificates ? { caCertificates: options.caCertificates } : {})
    })
    const { credentials } = options
    this.tokens =
      credentials.scheme === 'oauth'
        ? new OAuthTokenCache(() => this.generateToken(credentials.key, credentials.secret), timing)
        : undefined
    this.http = new CapillaryHttp({
      baseUrl: options.baseUrl,
      dispatcher: this.pool,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: { ...defaultRetryPolicy, ...options.retry },
      timing,
      logger,
      credentials:
        credentials.scheme === 'basic'
          ? basicCredentials(credentials.tillCode, credentials.password)
          : oauthCredentials(credentials.secret, this.tokens as OAuthTokenCache),
      ...(options.proxyUrl ? { proxyUrl: options.proxyUrl } : {})
    })
  }

  /** `GET /v2/events`: the org's events, standard and custom, with their mappings (SLATE:L2346; BEREF 03). */
  async listEvents(): Promise<RemoteEvent[]> {
    const body = await this.read(EventListWire, { method: 'GET', target: '/v2/events', authenticate: true })
    return (body.data ?? []).map(toRemoteEvent)
  }

  /**
   * One event by id: `GET /v2/events?id=` as SLATE's "Get Event Data" request information gives it (its sample URL
   * `/v2/events/event_data?id=` names the event-instance lookup instead, notes §4 and §7.1). Undefined when unknown.
   */
  async getEvent(eventId: string): Promise<RemoteEvent | undefined> {
    try {
      const body = await this.read(EventListWire, {
        method: 'GET',
        target: '/v2/events',
        query: { id: eventId },
        authenticate: true
      })
      const events = (body.data ?? []).map(toRemoteEvent)
      return events.find((event) => event.eventId === eventId) ?? events[0]
    } catch (error) {
      if (error instanceof CapillaryError && error.status === 404) return undefined
      throw error
    }
  }

  /** `GET /v2/events/meta?event_name=`: one event's schema by name (BEREF 22). */
  async getEventMeta(eventName: string): Promise<RemoteEvent> {
    const body = await this.read(EventMetaWire, {
      method: 'GET',
      target: '/v2/events/meta',
      query: { event_name: eventName },
      authenticate: true
    })
    const item = Array.isArray(body.data) ? body.data[0] : body.data
    if (!item) throw this.unexpected(`GET /v2/events/meta`, `no event named ${eventName} in the answer`)
    return toRemoteEvent(item)
  }

  /** `POST /v2/events`: creates a custom event (SLATE:L6; errors 1806, 1810, 1811, 1823, 1802). */
  createEvent(body: EventDefinitionBody): Promise<CapillaryAck> {
    return this.acknowledge({ method: 'POST', target: '/v2/events', body, authenticate: true })
  }

  /** `PUT /v2/events`: replaces the whole definition; fields not sent are removed (SLATE:L151-300). */
  replaceEvent(body: EventDefinitionBody): Promise<CapillaryAck> {
    return this.acknowledge({ method: 'PUT', target: '/v2/events', body, authenticate: true })
  }

  /**
   * Sends an event's definition as `shared/capillary` builds it: create or replace a custom event, or enable a
   * standard one and replace it when custom attributes were added. Stops at the first refusal.
   */
  async sendDefinition(draft: EventDraft, options: DefinitionRequestOptions): Promise<CapillaryAck> {
    const warnings: string[] = []
    for (const step of definitionRequests(draft, options)) {
      const ack = await this.acknowledge({
        method: step.method,
        target: step.path,
        ...(step.query ? { query: step.query } : {}),
        ...(step.body ? { body: step.body } : {}),
        authenticate: true
      })
      warnings.push(...ack.warnings)
    }
    return { warnings }
  }

  /** `GET /v2/events/standard_events_meta`: Capillary's standard-event library (SLATE:L737). */
  async listStandardEvents(): Promise<RemoteStandardEvent[]> {
    return toStandardEvents(
      await this.read(StandardEventsWire, {
        method: 'GET',
        target: '/v2/events/standard_events_meta',
        authenticate: true
      })
    )
  }

  /** `POST /v2/events/standard_events/enable?event_name=X[&use_standard_adapter_mappings=true]`, no body (SLATE:L317). */
  enableStandardEvent(
    eventName: string,
    options: { useStandardAdapterMappings?: boolean } = {}
  ): Promise<CapillaryAck> {
    return this.acknowledge({
      method: 'POST',
      target: '/v2/events/standard_events/enable',
      query: {
        event_name: eventName,
        use_standard_adapter_mappings: options.useStandardAdapterMappings === true ? 'true' : undefined
      },
      authenticate: true
    })
  }

  /** `PUT /v2/events/disable?event_name=X`: irreversible, "You cannot enable an event once disabled" (SLATE:L5030). */
  disableEvent(eventName: string): Promise<CapillaryAck> {
    return this.acknowledge({
      method: 'PUT',
      target: '/v2/events/disable',
      query: { event_name: eventName },
      authenticate: true
    })
  }

  /** `GET /v2/events/meta_fields`: every field type with its attributes and their possible values (SLATE:L522). */
  async listFieldTypes(): Promise<RemoteFieldType[]> {
    const body = await this.read(FieldTypesWire, {
      method: 'GET',
      target: '/v2/events/meta_fields',
      authenticate: true
    })
    return body.data ?? []
  }

  /** `GET /v2/events/adapters_meta`: the transformers (SLATE:L4846). */
  async listAdapters(): Promise<{ name: string; label: string | undefined }[]> {
    const body = await this.read(AdaptersWire, {
      method: 'GET',
      target: '/v2/events/adapters_meta',
      authenticate: true
    })
    return (body.data ?? []).map((adapter) => ({ name: adapter.name, label: adapter.label ?? undefined }))
  }

  /** `POST /v2/events/webhook`: one webhook per transformer per org; the answer carries its URI (errors 1839, 1808). */
  async createWebhook(input: WebhookInput): Promise<RemoteWebhook> {
    return toWebhook(
      await this.read(WebhookWire, {
        method: 'POST',
        target: '/v2/events/webhook',
        body: input,
        authenticate: true
      })
    )
  }

  /** `PUT /v2/events/webhook`: the same body plus the webhook's URI (organization-2.json `update-webhook`). */
  async updateWebhook(input: WebhookInput & { webHookUri: string }): Promise<RemoteWebhook> {
    const answer = await this.http.call({
      method: 'PUT',
      target: '/v2/events/webhook',
      body: input,
      authenticate: true
    })
    const parsed = WebhookWire.safeParse(answer.body)
    return toWebhook(parsed.success ? parsed.data : { ...input, webHookId: null })
  }

  /** `GET /v2/events/webhooks` (SLATE:L4900). */
  async listWebhooks(): Promise<RemoteWebhook[]> {
    const body = await this.read(WebhookListWire, { method: 'GET', target: '/v2/events/webhooks', authenticate: true })
    return (body.data ?? []).map(toWebhook)
  }

  /** `PUT /v2/events/webhook/disable` with `{"webHookId": …}` (SLATE:L6837). */
  async disableWebhook(webHookId: string): Promise<void> {
    await this.http.call({
      method: 'PUT',
      target: '/v2/events/webhook/disable',
      body: { webHookId },
      authenticate: true
    })
  }

  /** `POST /v2/events/adapter_mapping`: writes a transformer's event and field map (SLATE:L368-520). */
  saveAdapterMapping(body: AdapterMappingBody): Promise<CapillaryAck> {
    return this.acknowledge({ method: 'POST', target: '/v2/events/adapter_mapping', body, authenticate: true })
  }

  /** `GET /v2/events/adapter_mapping`: the org's events' adapter mappings (ORG1; no documented sample). */
  async getAdapterMappings(): Promise<RemoteAdapterMapping[]> {
    return toAdapterMappings(
      await this.read(AdapterMappingsWire, { method: 'GET', target: '/v2/events/adapter_mapping', authenticate: true })
    )
  }

  /**
   * Posts one event's data to a webhook URI (BEREF 25): a flat JSON object with `event_name`. The answer (code 1100)
   * only means "queued": the outcome is in the logs (`getEventLogs`, `getRunningStatus`).
   */
  async postEvent(webHookUri: string, payload: Record<string, unknown>): Promise<PushReceipt> {
    const label = 'POST to the webhook'
    const answer = await this.http.call({
      method: 'POST',
      target: webHookUri,
      body: payload,
      authenticate: true,
      label
    })
    const parsed = PushAnswerWire.safeParse(answer.body)
    if (!parsed.success) throw this.unexpected(label, 'no status in the answer')
    const hydraId = answer.headers['x-cap-hydra-request-id']
    const requestId = parsed.data.requestId ?? (Array.isArray(hydraId) ? hydraId[0] : hydraId) ?? undefined
    const receipt = { code: parsed.data.status.code, message: parsed.data.status.message ?? '', requestId }
    // BEREF 25: 1100 is the one documented success ("pushed to transformation state").
    if (receipt.code !== 1100) {
      throw new CapillaryError(
        'invalid_request',
        `Capillary did not queue the event (code ${receipt.code}: “${this.http.redact(receipt.message)}”). ` +
          'Check the payload against the event definition.',
        { request: label, status: answer.status, code: receipt.code, capillaryMessage: receipt.message, attempts: 1 }
      )
    }
    return receipt
  }

  /** `GET /v2/events/logs?event_name=&from_date=&to_date=&limit=`: how posted events ended (BEREF 18). */
  async getEventLogs(query: EventLogQuery = {}): Promise<EventLogEntry[]> {
    return toEventLogs(
      await this.read(EventLogsWire, {
        method: 'GET',
        target: '/v2/events/logs',
        query: {
          event_name: query.eventName,
          from_date: query.fromDate,
          to_date: query.toDate,
          limit: query.limit === undefined ? undefined : String(query.limit)
        },
        authenticate: true
      })
    )
  }

  /** `GET /v2/events/running_status?eventId=`: the processing states of one posted event (SLATE:L4946-5028). */
  async getRunningStatus(eventId: string): Promise<RunningStatus> {
    return toRunningStatus(
      await this.read(RunningStatusWire, {
        method: 'GET',
        target: '/v2/events/running_status',
        query: { eventId },
        authenticate: true
      })
    )
  }

  /** `GET /v2/org/{orgId}/sources?details=true`: the org's source accounts (notes §10). */
  async listSources(orgId: string): Promise<RemoteSource[]> {
    return toSources(
      await this.read(SourcesWire, {
        method: 'GET',
        target: `/v2/org/${encodeURIComponent(orgId)}/sources`,
        query: { details: 'true' },
        authenticate: true
      })
    )
  }

  /** Aborts the calls under way and refuses the next ones (Ctrl+C while the org is read). */
  cancel(): void {
    this.http.cancel()
  }

  /** Closes the connection pool; the client cannot be used afterwards. */
  async close(): Promise<void> {
    await this.pool.close()
  }

  /**
   * `POST /v3/oauth/token/generate` with `{key, secret}` and no auth (notes §8). "Failed to generate OAuth token"
   * means a bad key or secret, or a missing access-group permission.
   */
  private async generateToken(key: string, secret: string): Promise<IssuedToken> {
    const label = 'POST /v3/oauth/token/generate'
    let answer: HttpAnswer
    try {
      answer = await this.http.call({
        method: 'POST',
        target: '/v3/oauth/token/generate',
        body: { key, secret },
        authenticate: false
      })
    } catch (error) {
      if (error instanceof CapillaryError && error.status !== undefined && error.status < 500 && error.status !== 429) {
        throw this.tokenRefused(label, error.status, error.details.capillaryMessage)
      }
      throw error
    }
    const parsed = TokenWire.safeParse(answer.body)
    if (!parsed.success) throw this.tokenRefused(label, answer.status, undefined)
    return parsed.data.data
  }

  private tokenRefused(label: string, status: number, said: string | undefined): CapillaryError {
    const quoted = said ? `: “${said}”` : ''
    return new CapillaryError(
      'authentication',
      `Capillary could not generate an OAuth token (HTTP ${status})${quoted}. The key or secret is wrong, or the ` +
        "client lacks an access-group permission: check both in the connection profile, and the client's access " +
        'group in InTouch.',
      { request: label, status, ...(said !== undefined ? { capillaryMessage: said } : {}), attempts: 1 }
    )
  }

  private async read<S extends z.ZodType>(schema: S, call: HttpCall): Promise<z.infer<S>> {
    const answer = await this.http.call(call)
    const parsed = schema.safeParse(answer.body)
    if (parsed.success) return parsed.data
    const issue = parsed.error.issues[0]
    const where = issue ? `${issue.path.join('.') || 'the body'}: ${issue.message}` : 'unreadable body'
    throw this.unexpected(call.label ?? `${call.method} ${call.target}`, where)
  }

  private async acknowledge(call: HttpCall): Promise<CapillaryAck> {
    const answer = await this.http.call(call)
    const body = answer.body as { warnings?: unknown } | undefined
    const warnings = Array.isArray(body?.warnings)
      ? body.warnings.map((warning: unknown) =>
          this.http.redact(
            typeof warning === 'string'
              ? warning
              : typeof (warning as { message?: unknown })?.message === 'string'
                ? (warning as { message: string }).message
                : JSON.stringify(warning)
          )
        )
      : []
    return { warnings }
  }

  private unexpected(label: string, where: string): CapillaryError {
    return new CapillaryError(
      'unexpected_response',
      `Capillary answered ${label} in a shape the studio does not read (${where}). Check that the base URL points at ` +
        "Capillary's API; if it does, please report this with the log.",
      { request: label, attempts: 1 }
    )
  }
}
