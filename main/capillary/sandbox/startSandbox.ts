import { randomBytes, randomUUID } from 'node:crypto'
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { silentLogger, type Logger } from '../../platform/logger'
import { md5Hex } from '../client/basicAuthorization'
import { adaptersMeta, metaFields, sourceTypes, standardEventsMeta } from './sandboxCatalogue'
import { FaultInjector, type SandboxFaults, type ScheduledFailure } from './SandboxFaults'
import { refusal, SandboxOrg, type ReceivedEventData, type SandboxAnswer } from './SandboxOrg'
import { signToken, verifyToken } from './sandboxToken'

export interface SandboxCredentials {
  basic: { tillCode: string; password: string }[]
  oauth: { key: string; secret: string }[]
}

/** Without credential options the sandbox takes till `sandbox.till` / password `sandbox`, and key and secret `sandbox`. */
export const defaultSandboxCredentials: SandboxCredentials = {
  basic: [{ tillCode: 'sandbox.till', password: 'sandbox' }],
  oauth: [{ key: 'sandbox', secret: 'sandbox' }]
}

export const defaultSandboxOrgId = 1000

export interface SandboxOptions {
  port?: number
  /** Loopback unless asked otherwise. */
  host?: string
  orgId?: number
  /** The accepted credentials; a scheme left out is off. Without this option, the defaults above. */
  credentials?: Partial<SandboxCredentials>
  /** Notes §8: the sample token lives 300 s. */
  tokenTtlSeconds?: number
  faults?: Partial<SandboxFaults>
  /** How long ingestion takes before the outcome shows in the logs (asynchronous, notes §7). */
  processingDelayMs?: number
  responseStyle?: 'current' | 'legacy'
  /** Milliseconds since the epoch; injected to expire tokens and rate-limit windows in tests. */
  now?: () => number
  random?: () => number
  /** Serves HTTPS with this key and certificate (to rehearse TLS and extra CA certificates). */
  tls?: { key: string | Buffer; cert: string | Buffer }
  logger?: Logger
  /** Lets the process end while the sandbox listens (the studio's own sandbox ends with the studio). */
  unref?: boolean
}

export interface SandboxRequestRecord {
  method: string
  path: string
  contentType: string | undefined
  accept: string | undefined
  auth: 'basic' | 'oauth' | 'none'
  /** `dropped`: cut before it was handled; `answer lost`: handled in full, then cut before its answer. */
  status: number | 'dropped' | 'answer lost'
  /** Which connection carried it (1, 2, ...): the same number again means a kept-alive connection was reused. */
  connection: number
}

export interface RunningSandbox {
  baseUrl: string
  port: number
  orgId: number
  credentials: SandboxCredentials
  faults(): SandboxFaults
  setFaults(changes: Partial<SandboxFaults>): SandboxFaults
  /** The next `count` Capillary calls fail with this status (exact faults for tests). */
  failNext(count: number, failure: ScheduledFailure): void
  /**
   * The next `count` calls of `method` on `path` are handled in full (an event created, a post queued), then their
   * connection is cut before the answer: a gateway timeout after the work was done, which a client's retry meets.
   */
  loseAnswersOf(method: string, path: string, count?: number): void
  /** What reached the sandbox, without any secret. */
  requests(): readonly SandboxRequestRecord[]
  /** Every post of event data acknowledged, with its external_event_id and whether the uniqueness check flagged it. */
  eventData(): readonly ReceivedEventData[]
  tokensIssued(): number
  /** Marks an event PUBLISHED, as a person does in InTouch. */
  publish(eventName: string, options?: { force?: boolean }): SandboxAnswer
  /** Resolves once every event posted so far has been processed. */
  idle(): Promise<void>
  close(): Promise<void>
}

const maxBodyBytes = 1024 * 1024

const FaultChanges = z
  .object({
    failRate: z.number().min(0).max(1),
    latencyMs: z.number().int().min(0).max(120_000),
    dropRate: z.number().min(0).max(1),
    rateLimitPerMinute: z.number().int().min(0)
  })
  .partial()
  .strict()

/**
 * A faithful local Capillary: a real HTTP server on 127.0.0.1 that answers the documented endpoints (notes §4-§9)
 * with their auth schemes, validation rules (shared/capillary's own), error envelopes and codes, asynchronous
 * processing visible in `/v2/events/logs`, and injectable faults. `/sandbox/...` holds what InTouch's UI would do.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const logger = options.logger ?? silentLogger
  const orgId = options.orgId ?? defaultSandboxOrgId
  const credentials: SandboxCredentials = options.credentials
    ? { basic: options.credentials.basic ?? [], oauth: options.credentials.oauth ?? [] }
    : defaultSandboxCredentials
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 300
  const processingDelayMs = options.processingDelayMs ?? 250
  const signingKey = randomBytes(32)
  const faults = new FaultInjector(options.faults ?? {}, random, now)
  const journal: SandboxRequestRecord[] = []
  /** Answers still to lose after their call is handled, by `METHOD /path` (loseAnswersOf). */
  const answersToLose = new Map<string, number>()
  const pending = new Set<Promise<void>>()
  const timers = new Set<NodeJS.Timeout>()
  const connections = new WeakMap<object, number>()
  let tokensIssued = 0
  let baseUrl = ''
  const org = new SandboxOrg({
    orgId,
    now,
    newId: randomUUID,
    newHexId: () => randomBytes(16).toString('hex'),
    responseStyle: options.responseStyle ?? 'current',
    baseUrl: () => baseUrl
  })

  type Caller = { scheme: 'basic' | 'oauth'; identity: string } | undefined

  function identify(request: IncomingMessage): Caller {
    const token = request.headers['x-cap-api-oauth-token']
    if (typeof token === 'string' && token !== '') {
      const claims = verifyToken(token, signingKey, Math.floor(now() / 1000))
      if (claims && credentials.oauth.some((client) => client.key === claims.client_key)) {
        return { scheme: 'oauth', identity: `oauth:${claims.client_key}` }
      }
      return undefined
    }
    // Notes §8: Authorization: Basic base64(tillCode:md5hex(password)).
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')
    if (!basic?.[1]) return undefined
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
    const separator = decoded.lastIndexOf(':')
    const till = decoded.slice(0, separator)
    const hash = decoded.slice(separator + 1).toLowerCase()
    const known = credentials.basic.find((entry) => entry.tillCode === till && md5Hex(entry.password) === hash)
    return known ? { scheme: 'basic', identity: `till:${till}` } : undefined
  }

  function issueToken(body: unknown): SandboxAnswer {
    const key = typeof (body as { key?: unknown })?.key === 'string' ? (body as { key: string }).key : undefined
    const secret =
      typeof (body as { secret?: unknown })?.secret === 'string' ? (body as { secret: string }).secret : undefined
    const client = credentials.oauth.find((entry) => entry.key === key && entry.secret === secret)
    // Notes §8: "Failed to generate OAuth token" means a bad key or secret (or a missing permission).
    if (!client)
      return {
        status: 401,
        body: { data: null, errors: [{ status: false, code: 401, message: 'Failed to generate OAuth token' }] }
      }
    const issuedAt = Math.floor(now() / 1000)
    const accessToken = signToken(
      {
        client_id: `sandbox-${client.key}`,
        org_id: orgId,
        default_till: credentials.basic[0]?.tillCode ?? 'sandbox.till',
        client_key: client.key,
        scopes: ['BEHAVIOURAL_EVENTS'],
        has_psi_access: false,
        iat: issuedAt,
        exp: issuedAt + tokenTtlSeconds
      },
      signingKey
    )
    tokensIssued += 1
    return { status: 200, body: { data: { accessToken, ttlSeconds: tokenTtlSeconds }, errors: null } }
  }

  const unauthorised = (): SandboxAnswer =>
    // BEREF 18: 401 "Please check your username/password or authentication token".
    refusal(401, 401, 'Please check your username/password or authentication token')

  async function route(request: IncomingMessage, url: URL, body: unknown, caller: Caller): Promise<SandboxAnswer> {
    const method = request.method ?? 'GET'
    const path = url.pathname.replace(/\/+$/, '') || '/'
    const query = url.searchParams
    if (path === '/v3/oauth/token/generate') return method === 'POST' ? issueToken(body) : notAllowed()
    const webhookMatch = /^\/webhooks\/([A-Za-z0-9-]+)$/.exec(path)
    if (webhookMatch?.[1]) {
      if (method !== 'POST') return notAllowed()
      return postEventData(webhookMatch[1], body, caller)
    }
    if (!path.startsWith('/v2/')) return refusal(404, 404, 'Incorrect resource')
    if (!caller) return unauthorised()
    const orgSources = /^\/v2\/org\/([^/]+)\/sources$/.exec(path)
    if (orgSources) {
      if (method !== 'GET') return notAllowed()
      // Notes §9: 1064 invalid org.
      if (orgSources[1] !== String(orgId))
        return refusal(403, 1064, `Invalid org ${orgSources[1] ?? ''} for these credentials`)
      return { status: 200, body: { data: sourceTypes, warnings: [], errors: [] } }
    }
    const key = `${method} ${path}`
    switch (key) {
      case 'GET /v2/events':
        return org.listEvents(query.get('id') ?? undefined)
      case 'POST /v2/events':
        return org.createEvent(body)
      case 'PUT /v2/events':
        return org.replaceEvent(body)
      case 'GET /v2/events/meta':
        return org.eventMeta(query.get('event_name') ?? undefined)
      case 'GET /v2/events/meta_fields':
        return { status: 200, body: { data: metaFields(), warnings: [], errors: [] } }
      case 'GET /v2/events/standard_events_meta':
        return { status: 200, body: { data: standardEventsMeta(), warnings: [], errors: [] } }
      case 'POST /v2/events/standard_events/enable':
        return org.enableStandardEvent(
          query.get('event_name') ?? undefined,
          query.get('use_standard_adapter_mappings') === 'true'
        )
      case 'PUT /v2/events/disable':
        return org.disableEvent(query.get('event_name') ?? undefined)
      case 'GET /v2/events/adapters_meta':
        return { status: 200, body: { data: adaptersMeta, warnings: [], errors: [] } }
      case 'POST /v2/events/webhook':
        return org.createWebhook(body)
      case 'PUT /v2/events/webhook':
        return org.updateWebhook(body)
      case 'GET /v2/events/webhooks':
        return org.listWebhooks()
      case 'PUT /v2/events/webhook/disable':
        return org.disableWebhook(body)
      case 'POST /v2/events/adapter_mapping':
        return org.saveAdapterMapping(body)
      case 'GET /v2/events/adapter_mapping':
        return org.adapterMappings()
      case 'GET /v2/events/logs':
        return org.eventLogs(query)
      case 'GET /v2/events/running_status':
        return org.runningStatus(query.get('eventId') ?? undefined)
      default:
        return knownPaths.has(path) ? notAllowed() : refusal(404, 404, 'Incorrect resource')
    }
  }

  function postEventData(webhookId: string, body: unknown, caller: Caller): SandboxAnswer {
    const webhook = org.webhookById(webhookId)
    if (!webhook) return { status: 404, body: { message: 'Not Found' } }
    // Notes §5: since 2021 a webhook can require the till's Basic credentials or an OAuth token.
    if (webhook.authEnabled && caller?.scheme !== (webhook.authMechanism === 'OAUTH' ? 'oauth' : 'basic')) {
      return unauthorised()
    }
    // WHJ: the one documented refusal is 400 with body {}.
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, body: {} }
    const { answer, process } = org.acceptEventData(webhook, body as Record<string, unknown>)
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        try {
          process()
        } finally {
          resolve()
        }
      }, processingDelayMs)
      timers.add(timer)
    })
    pending.add(done)
    void done.then(() => pending.delete(done))
    return answer
  }

  function connectionOf(request: IncomingMessage): number {
    const known = connections.get(request.socket)
    if (known !== undefined) return known
    const next = journal.reduce((highest, record) => Math.max(highest, record.connection), 0) + 1
    connections.set(request.socket, next)
    return next
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sandbox')
    const record: SandboxRequestRecord = {
      method: request.method ?? 'GET',
      path: url.pathname,
      contentType: request.headers['content-type'],
      accept: request.headers.accept,
      auth: request.headers['x-cap-api-oauth-token'] ? 'oauth' : request.headers.authorization ? 'basic' : 'none',
      status: 0,
      connection: connectionOf(request)
    }
    journal.push(record)
    const send = (answer: SandboxAnswer) => {
      record.status = answer.status
      logger.info(`sandbox ${record.method} ${record.path} → ${answer.status}`)
      response.writeHead(answer.status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        ...answer.headers
      })
      response.end(answer.body === undefined ? '' : JSON.stringify(answer.body))
    }
    if (url.pathname === '/sandbox' || url.pathname.startsWith('/sandbox/')) {
      return send(await sandboxRoute(request, url))
    }
    const latency = faults.current().latencyMs
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency))
    const caller = identify(request)
    const decision = faults.decide(
      url.pathname.startsWith('/webhooks/')
        ? null
        : (caller?.identity ?? `address:${request.socket.remoteAddress ?? ''}`)
    )
    if (decision.kind === 'drop') {
      record.status = 'dropped'
      logger.info(`sandbox ${record.method} ${record.path} → dropped`)
      request.socket.destroy()
      return
    }
    if (decision.kind === 'rateLimited') {
      return send({
        ...refusal(
          429,
          429,
          `Too many requests: the limit is ${faults.current().rateLimitPerMinute} a minute per API key`
        ),
        headers: { 'Retry-After': String(decision.retryAfterSeconds) }
      })
    }
    if (decision.kind === 'fail') {
      // BEREF 18: 500 "All requests have failed due to errors"; 503 "authorization status unavailable" (notes §9).
      const message =
        decision.status === 503 ? 'Authorization status unavailable' : 'All requests have failed due to errors'
      return send({
        ...refusal(decision.status, decision.status, message),
        ...(decision.retryAfterSeconds !== undefined
          ? { headers: { 'Retry-After': String(decision.retryAfterSeconds) } }
          : {})
      })
    }
    let raw: string
    try {
      raw = await readBody(request)
    } catch {
      response.setHeader('Connection', 'close')
      return send(refusal(413, 413, 'The body is larger than 1 MB'))
    }
    let body: unknown
    if (raw.length > 0) {
      // Notes §9: 415 for a wrong Content-Type.
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
        return send(refusal(415, 415, 'Unsupported Media Type: send Content-Type: application/json'))
      }
      try {
        body = JSON.parse(raw) as unknown
      } catch (error) {
        if (url.pathname.startsWith('/webhooks/')) return send({ status: 400, body: {} })
        return send(refusal(400, 400, `The body is not valid JSON: ${(error as Error).message}`))
      }
    }
    const answer = await route(request, url, body, caller)
    const toLose = `${record.method} ${record.path}`
    const left = answersToLose.get(toLose) ?? 0
    if (left > 0) {
      answersToLose.set(toLose, left - 1)
      record.status = 'answer lost'
      logger.info(`sandbox ${record.method} ${record.path} → handled, answer lost`)
      request.socket.destroy()
      return
    }
    return send(answer)
  }

  async function sandboxRoute(request: IncomingMessage, url: URL): Promise<SandboxAnswer> {
    const path = url.pathname.replace(/\/+$/, '')
    const method = request.method ?? 'GET'
    if (path === '/sandbox' && method === 'GET') {
      return {
        status: 200,
        body: {
          baseUrl,
          orgId,
          tills: credentials.basic.map((entry) => entry.tillCode),
          oauthKeys: credentials.oauth.map((entry) => entry.key),
          faults: faults.current(),
          ...org.counts()
        }
      }
    }
    if (path === '/sandbox/events/publish' && method === 'POST') {
      return org.publish(url.searchParams.get('event_name') ?? undefined, url.searchParams.get('force') === 'true')
    }
    if (path === '/sandbox/faults') {
      if (method === 'GET') return { status: 200, body: faults.current() }
      if (method !== 'POST') return notAllowed()
      let changes: unknown
      try {
        const raw = await readBody(request)
        changes = raw === '' ? {} : JSON.parse(raw)
      } catch {
        return refusal(400, 400, 'Send the faults as JSON')
      }
      const parsed = FaultChanges.safeParse(changes)
      if (!parsed.success) return refusal(400, 400, z.prettifyError(parsed.error))
      return { status: 200, body: faults.update(parsed.data) }
    }
    return refusal(404, 404, 'Incorrect resource')
  }

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      logger.error(`sandbox failed on ${request.method} ${request.url}: ${(error as Error).stack ?? String(error)}`)
      if (!response.headersSent) {
        response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' })
        response.end(JSON.stringify(refusal(500, 500, 'All requests have failed due to errors').body))
      } else response.end()
    })
  }
  const server: Server = options.tls ? createHttpsServer(options.tls, onRequest) : createHttpServer(onRequest)
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  if (options.unref) server.unref()
  const port = (server.address() as AddressInfo).port
  baseUrl = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`
  logger.info(`sandbox listening on ${baseUrl}`)

  return {
    baseUrl,
    port,
    orgId,
    credentials,
    faults: () => faults.current(),
    setFaults: (changes) => faults.update(changes),
    failNext: (count, failure) => faults.failNext(count, failure),
    loseAnswersOf: (method, path, count = 1) => {
      const key = `${method} ${path}`
      answersToLose.set(key, (answersToLose.get(key) ?? 0) + count)
    },
    requests: () => journal,
    eventData: () => org.receivedEventData(),
    tokensIssued: () => tokensIssued,
    publish: (eventName, publishOptions = {}) => org.publish(eventName, publishOptions.force === true),
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending])
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

const knownPaths = new Set([
  '/v2/events',
  '/v2/events/meta',
  '/v2/events/meta_fields',
  '/v2/events/standard_events_meta',
  '/v2/events/standard_events/enable',
  '/v2/events/disable',
  '/v2/events/adapters_meta',
  '/v2/events/webhook',
  '/v2/events/webhooks',
  '/v2/events/webhook/disable',
  '/v2/events/adapter_mapping',
  '/v2/events/logs',
  '/v2/events/running_status'
])

const notAllowed = (): SandboxAnswer => refusal(405, 405, 'Method not allowed')

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        request.pause()
        reject(new Error('too large'))
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
