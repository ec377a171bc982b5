import { request, type Dispatcher } from 'undici'
import type { AuthScheme } from '../../../shared/model/connectionProfile'
import { sliceWhole } from '../../../shared/model/wellFormedText'
import type { Logger } from '../../platform/logger'
import { CapillaryError, kindOfStatus, type CapillaryFailureKind } from './CapillaryError'
import { capillaryErrorCodes, isRetryableStatus, statusAdvice } from './capillaryErrorCodes'
import type { ClientTiming } from './ClientTiming'
import { redactSecrets } from './redactSecrets'
import { parseRetryAfter, retryWait, type RetryPolicy } from './retryDelay'

export interface HttpCall {
  method: 'GET' | 'POST' | 'PUT'
  /** A path on the base URL (`/v2/events`) or an absolute URL (a webhook URI). */
  target: string
  query?: Record<string, string | undefined>
  body?: unknown
  /** Whether the profile's credentials go along (the token request itself goes without). */
  authenticate: boolean
  /** How the call is named in logs and messages; by default `METHOD /path`. */
  label?: string
}

export interface HttpAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The parsed JSON body, the raw text when it is not JSON, or undefined when empty. */
  body: unknown
}

/** Where the credentials of each call come from: Basic headers, or a cached OAuth token. */
export interface CredentialSource {
  scheme: AuthScheme
  headers(): Promise<Record<string, string>>
  /** After a 401: forgets a cached token; true when a fresh one is worth one more try. */
  renewAfterRejection(): boolean
  /** Every secret value in play (password, its hash, the header, tokens), kept out of messages and logs. */
  secrets(): string[]
}

export interface CapillaryHttpOptions {
  baseUrl: string
  dispatcher: Dispatcher
  timeoutMs: number
  retry: RetryPolicy
  timing: ClientTiming
  logger: Logger
  credentials: CredentialSource
  proxyUrl?: string
}

type Envelope = { code?: number; message?: string }

/**
 * One call to Capillary, done right every time: JSON `Content-Type` and `Accept` on every request, the profile's
 * credentials, a timeout per try, retries of 429, 5xx and dropped connections with backoff and jitter (Retry-After
 * honoured), one fresh OAuth token after a 401, and every failure turned into a CapillaryError that says what to do.
 */
export class CapillaryHttp {
  /** The tries under way, so a cancel can abort them. */
  private readonly inFlight = new Set<AbortController>()
  /** Aborted by a cancel: ends the waits between tries too. */
  private readonly cancelling = new AbortController()

  constructor(private readonly options: CapillaryHttpOptions) {}

  /** Aborts the calls under way and refuses the next ones, without a retry: the user asked to stop. */
  cancel(): void {
    this.cancelling.abort()
    for (const controller of this.inFlight) controller.abort(new CancelSignal())
  }

  async call(call: HttpCall): Promise<HttpAnswer> {
    const { retry, timing, logger, credentials } = this.options
    const url = this.urlOf(call)
    const label = call.label ?? `${call.method} ${url.pathname}`
    let attempt = 1
    let renewed = false
    for (;;) {
      if (this.cancelling.signal.aborted) {
        throw new CapillaryError('cancelled', `${label} was cancelled.`, { request: label, attempts: attempt })
      }
      // A refused OAuth token is its own failure, raised here, never mistaken for a network fault.
      const authHeaders = call.authenticate ? await credentials.headers() : {}
      const started = timing.now()
      let answer: HttpAnswer
      try {
        answer = await this.send(url, call, authHeaders)
      } catch (error) {
        if (error instanceof CancelSignal) continue
        const failure = this.networkFailure(error, url, label, attempt)
        if (failure.retryable && attempt < retry.maxAttempts) {
          const wait = retryWait(attempt, undefined, retry, timing.random)
          logger.warn(
            `capillary ${label} → ${failure.reason}; retrying in ${wait} ms (try ${attempt} of ${retry.maxAttempts})`
          )
          await timing.sleep(wait, this.cancelling.signal)
          attempt += 1
          continue
        }
        logger.warn(`capillary ${label} → ${failure.reason} (try ${attempt} of ${retry.maxAttempts}); giving up`)
        throw failure.error
      }
      const elapsed = timing.now() - started
      const { status } = answer
      if (status === 401 && call.authenticate && !renewed && credentials.renewAfterRejection()) {
        // An OAuth token can be revoked or expire early on the server's clock: one fresh token, then one more try.
        renewed = true
        logger.info(`capillary ${label} → 401 in ${elapsed} ms; renewing the OAuth token`)
        continue
      }
      if (isRetryableStatus(status)) {
        const retryAfterMs = parseRetryAfter(answer.headers['retry-after'], timing.now())
        const tooLong = retryAfterMs !== undefined && retryAfterMs > retry.maxRetryAfterMs
        if (attempt < retry.maxAttempts && !tooLong) {
          const wait = retryWait(attempt, retryAfterMs, retry, timing.random)
          logger.warn(`capillary ${label} → ${status}; retrying in ${wait} ms (try ${attempt} of ${retry.maxAttempts})`)
          await timing.sleep(wait, this.cancelling.signal)
          attempt += 1
          continue
        }
        logger.warn(`capillary ${label} → ${status} (try ${attempt} of ${retry.maxAttempts}); giving up`)
        throw this.httpFailure(label, answer, attempt, retryAfterMs)
      }
      const envelope = envelopeError(answer.body)
      if (status >= 400 || (status < 300 && envelope?.fromErrorList === true)) {
        logger.warn(
          `capillary ${label} → ${status}${envelope?.code !== undefined ? ` (error ${envelope.code})` : ''} in ${elapsed} ms`
        )
        throw this.httpFailure(label, answer, attempt, undefined)
      }
      logger.info(`capillary ${label} → ${status} in ${elapsed} ms${attempt > 1 ? ` (try ${attempt})` : ''}`)
      return answer
    }
  }

  /** The secrets to keep out of any text that came from outside (Capillary's messages). */
  redact(text: string): string {
    return redactSecrets(text, this.options.credentials.secrets())
  }

  private urlOf(call: HttpCall): URL {
    const url = /^https?:\/\//i.test(call.target)
      ? new URL(call.target)
      : new URL(`${this.options.baseUrl.replace(/\/+$/, '')}${call.target}`)
    for (const [key, value] of Object.entries(call.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, value)
    return url
  }

  private async send(url: URL, call: HttpCall, authHeaders: Record<string, string>): Promise<HttpAnswer> {
    const headers: Record<string, string> = {
      // Notes §8: Content-Type and Accept: application/json on every call, with a body or not.
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...authHeaders
    }
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new TimeoutSignal()), this.options.timeoutMs)
    this.inFlight.add(controller)
    try {
      const response = await request(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        dispatcher: this.options.dispatcher,
        signal: controller.signal
      })
      const text = await response.body.text()
      return { status: response.statusCode, headers: response.headers, body: parseBody(text) }
    } catch (error) {
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined
      if (reason instanceof TimeoutSignal || reason instanceof CancelSignal) throw reason
      throw error
    } finally {
      clearTimeout(timer)
      this.inFlight.delete(controller)
    }
  }

  private httpFailure(label: string, answer: HttpAnswer, attempts: number, retryAfterMs: number | undefined) {
    const envelope = envelopeError(answer.body)
    const capillaryMessage = envelope?.message === undefined ? undefined : this.redact(envelope.message)
    const code = envelope?.code
    const scheme = this.options.credentials.scheme
    const byCode = code === undefined ? undefined : capillaryErrorCodes[code]
    const byStatus = statusAdvice(answer.status, scheme)
    const meaning = byCode?.meaning ?? byStatus?.meaning ?? `it answered HTTP ${answer.status}`
    let advice = byCode?.advice ?? byStatus?.advice ?? 'Check the request and the connection profile.'
    if (answer.status === 429 && retryAfterMs !== undefined) {
      advice = `Capillary asks to wait ${Math.ceil(retryAfterMs / 1000)} s before trying again. ${advice}`
    }
    const codes =
      code !== undefined && code !== answer.status ? `error ${code}, HTTP ${answer.status}` : `HTTP ${answer.status}`
    const tries = attempts > 1 ? ` after ${attempts} tries` : ''
    const said = capillaryMessage ? `: “${capillaryMessage}”` : ''
    const verb = answer.status >= 500 ? 'could not complete' : 'refused'
    return new CapillaryError(
      answer.status >= 300 ? kindOfStatus(answer.status) : 'invalid_request',
      `Capillary ${verb} ${label}${tries}: ${meaning} (${codes})${said}. ${advice}`,
      {
        request: label,
        status: answer.status,
        ...(code !== undefined ? { code } : {}),
        ...(capillaryMessage !== undefined ? { capillaryMessage } : {}),
        attempts,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {})
      }
    )
  }

  private networkFailure(error: unknown, url: URL, label: string, attempts: number) {
    const tries = attempts > 1 ? ` after ${attempts} tries` : ''
    const fail = (kind: CapillaryFailureKind, reason: string, message: string, retryable: boolean) => ({
      reason,
      retryable,
      error: new CapillaryError(kind, message, { request: label, attempts })
    })
    if (error instanceof TimeoutSignal) {
      const seconds = Math.round(this.options.timeoutMs / 100) / 10
      return fail(
        'timeout',
        `no answer in ${seconds} s`,
        `Capillary did not answer ${label} within ${seconds} s${tries}. Try again; if your network is slow, raise the ` +
          'timeout of the connection profile.',
        true
      )
    }
    const codes = errorCodes(error)
    const text = errorMessages(error)
    const code = codes[0] ?? 'error'
    const proxy = this.options.proxyUrl
    if (codes.some((candidate) => /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(candidate))) {
      return fail(
        'certificate',
        code,
        `The TLS certificate of ${url.host} is not trusted (${code}). If your network inspects TLS, add its CA ` +
          'certificate file to the connection profile; otherwise check the base URL.',
        false
      )
    }
    if (proxy && (/proxy/i.test(text) || text.includes(new URL(proxy).host))) {
      return fail(
        'proxy',
        code,
        `The proxy ${new URL(proxy).host} did not pass ${label} on (${this.redact(summarise(text))}). Check the proxy address in the ` +
          'connection profile, or clear it if your network needs none.',
        false
      )
    }
    if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')) {
      return fail(
        'network',
        code,
        `Cannot find the host ${url.hostname}. Check the cluster or base URL of the connection profile, and your ` +
          'network connection.',
        codes.includes('EAI_AGAIN')
      )
    }
    if (codes.includes('ECONNREFUSED')) {
      return fail(
        'network',
        code,
        `Nothing answers at ${url.origin} (connection refused). Check the base URL of the connection profile; for a ` +
          'local sandbox, start it first (capmap sandbox).',
        false
      )
    }
    if (codes.some((candidate) => ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(candidate))) {
      return fail(
        'network',
        code,
        `The connection to ${url.host} was dropped before Capillary answered ${label}${tries}. Check your network or ` +
          'proxy, and try again.',
        true
      )
    }
    return fail(
      'network',
      code,
      `Could not reach ${url.origin} for ${label}${tries} (${this.redact(summarise(text))}). Check the base URL and your network.`,
      true
    )
  }
}

/** The reason a cancel aborted a try: the loop then ends the call as cancelled, with no retry. */
class CancelSignal extends Error {
  constructor() {
    super('cancelled')
  }
}

/** The reason our own timer aborted a try, told apart from any other abort. */
class TimeoutSignal extends Error {
  constructor() {
    super('timed out')
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const asCode = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined

/**
 * Capillary's error from a body: the v2 envelope's first `errors[]` entry (notes §9), else a top-level `message`.
 * `fromErrorList` marks a real errors list, which fails a call even under a 2xx status (201: "one or more failed").
 */
function envelopeError(body: unknown): (Envelope & { fromErrorList: boolean }) | undefined {
  if (!isObject(body)) return undefined
  const errors = body.errors
  if (Array.isArray(errors) && errors.length > 0) {
    const first: unknown = errors[0]
    if (isObject(first)) {
      const code = asCode(first.code)
      const message = typeof first.message === 'string' ? first.message : undefined
      return {
        ...(code !== undefined ? { code } : {}),
        ...(message !== undefined ? { message } : {}),
        fromErrorList: true
      }
    }
    if (typeof first === 'string') return { message: first, fromErrorList: true }
  }
  if (typeof body.message === 'string') return { message: body.message, fromErrorList: false }
  return undefined
}

function errorChain(error: unknown): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = []
  let current: unknown = error
  while (isObject(current) || current instanceof Error) {
    const entry = current as unknown as Record<string, unknown>
    chain.push(entry)
    if (entry.errors && Array.isArray(entry.errors)) chain.push(...(entry.errors as Record<string, unknown>[]))
    current = entry.cause
    if (chain.length > 10) break
  }
  return chain
}

const errorCodes = (error: unknown): string[] =>
  errorChain(error).flatMap((entry) => (typeof entry.code === 'string' ? [entry.code] : []))

const errorMessages = (error: unknown): string =>
  errorChain(error)
    .flatMap((entry) => (typeof entry.message === 'string' && entry.message !== '' ? [entry.message] : []))
    .join('; ')

const summarise = (text: string): string => (text.length > 160 ? `${sliceWhole(text, 157)}…` : text || 'unknown error')
