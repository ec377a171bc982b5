import type { CaptureStatus, NameValue, SignatureVerdict } from '../../shared/model/capture'
import { decodeBody, mediaType, type DecodedBody } from '../../shared/engine/decode'
import { nestsDeeperThan } from '../../shared/engine/decode/jsonNesting'
import { formatBytes } from '../../shared/model/formatBytes'
import { sliceWhole } from '../../shared/model/wellFormedText'
import type { NewCapture } from '../store/CaptureRepository'
import type { IntegrationRoute } from './IntegrationRoutes'
import { applyContentCoding, removeContentCoding } from '../engine/contentCoding'
import { undecodableBody } from '../engine/decodeCapturedBody'
import { maskHeaders, maskQuery } from './maskCredentials'
import { redactCapture, redactHeaders, redactQuery } from './redactCapture'
import { verifySignature, type SecretHint } from './verifySignature'

/** A request as it reached the listener, body complete (or cut off at the limit). */
export interface ReceivedRequest {
  method: string
  /** The request target exactly as sent (`/hooks/x?a=1`, or absolute-form). */
  url: string
  /** Node's rawHeaders: names and values alternating, in the order and case received. */
  rawHeaders: readonly string[]
  remoteAddress: string
  receivedAt: Date
  /** The body; undefined when it went over the limit and was not kept. */
  body: Uint8Array | undefined
  /** Bytes of the body (for an oversize request: at least this many). */
  size: number
}

/** What the sender gets back: JSON; the listener adds the capture's id once it is committed. */
export interface ListenerAnswer {
  status: number
  body: Record<string, unknown>
}

export interface CaptureDecision {
  capture: NewCapture
  answer: ListenerAnswer
}

export interface IntakeContext {
  routeFor(pathname: string): IntegrationRoute | undefined
  secretFor(slug: string): SecretHint
  bodyLimitBytes: number
}

/**
 * Decides what a request is and what its sender hears, in the order issue 5 fixes: oversize (413), signature
 * rejected (401), invalid JSON when declared as JSON (400; read once its content coding is removed, and invalid too
 * when it cannot be), then unmatched or ok (200). The signature is checked on the bytes as received; masking and
 * redaction come after, so the verdict stands for the original request. It runs on the sender's clock, so it does
 * only what the answer needs; the parsed view is made when a capture is read.
 */
export function buildCapture(request: ReceivedRequest, context: IntakeContext): CaptureDecision {
  const { pathname, query } = splitTarget(request.url)
  const { headers, contentType, contentEncoding } = readHeaders(request.rawHeaders)
  const header = (name: string) => headers.find(([candidate]) => candidate.toLowerCase() === name.toLowerCase())?.[1]
  const route = context.routeFor(pathname)
  const signatureHeader = route?.verification.scheme === 'hmac-sha256' ? [route.verification.header] : []
  // The signature is checked below on `headers` as received; only what is stored is redacted and masked.
  const storedHeaders = route?.redaction.enabled ? redactHeaders(headers, route.redaction, signatureHeader) : headers
  const facts: RequestFacts = {
    receivedAt: request.receivedAt.toISOString(),
    integrationId: route?.integrationId ?? null,
    integrationSlug: route?.slug ?? null,
    method: request.method,
    path: pathname,
    contentType: contentType ?? null,
    size: request.size,
    remoteAddress: request.remoteAddress,
    headers: maskHeaders(storedHeaders, signatureHeader)
  }

  const limit = formatBytes(context.bodyLimitBytes)
  const queryOf = (name: string) => query.find(([candidate]) => candidate === name)?.[1]
  // A body not kept cannot be checked, but WebEngage's secret is in the query: its verdict still says who sent it.
  const verdictWithoutBody = (): SignatureVerdict =>
    route?.verification.scheme === 'webengage'
      ? verifySignature(
          route.verification,
          { header, query: queryOf, body: new Uint8Array() },
          context.secretFor(route.slug),
          request.receivedAt
        )
      : { scheme: route?.verification.scheme ?? 'none', outcome: 'not_checked' }
  if (request.body === undefined) {
    const message = `The body is over this listener's limit of ${limit}, so it was not kept.`
    return oversize(facts, route, query, message, verdictWithoutBody())
  }
  const body = request.body
  // Content-Type describes the body once its content coding is removed (RFC 9110 §8.4): the checks, the redaction
  // and the source event read that content, while the bytes stored are the ones received. Without a
  // Content-Encoding header (nearly every sender) the body is the content: nothing more is allocated. Content over
  // the body limit is over the limit, however small its coded bytes (a decompression bomb).
  const coded =
    contentEncoding === undefined ? undefined : removeContentCoding(body, contentEncoding, context.bodyLimitBytes)
  if (coded && !coded.ok && coded.overLimit) {
    const message = `The body decompresses to more than this listener's limit of ${limit}, so it was not kept.`
    return oversize(facts, route, query, message, verdictWithoutBody())
  }

  // Only a route that verifies asks the secret store (per request, it costs).
  const verification: SignatureVerdict =
    route && route.verification.scheme !== 'none'
      ? verifySignature(
          route.verification,
          { header, query: queryOf, body },
          context.secretFor(route.slug),
          request.receivedAt
        )
      : { scheme: 'none', outcome: 'not_checked' }
  const content = coded?.ok ? coded.content : body
  const decoded =
    coded === undefined || coded.ok ? quickDecode(content, contentType) : undecodableBody(contentType, coded.error)
  // JSON that cannot be read: its text is not JSON, or its content coding cannot be removed to reach the text.
  const unreadableJson =
    decoded.kind === 'json' && decoded.error !== undefined
      ? { code: coded?.ok === false ? 'unreadable_content_coding' : 'invalid_json', message: decoded.error }
      : undefined
  const outcome = decide(verification, unreadableJson, route, pathname)

  const redaction = route?.redaction.enabled
    ? redactCapture(content, decoded.kind, query, route.redaction, mediaType(contentType).charset)
    : undefined
  // A body redaction left as it was is stored as received; a redacted one is coded again as its header says; one it
  // could not read is not stored at all, and the capture says why.
  const withheld = redaction?.withheld
  const redactedContent = redaction?.changed && !withheld && redaction.body !== content ? redaction.body : undefined
  const storedBody = withheld
    ? null
    : redactedContent === undefined
      ? body
      : coded?.ok
        ? applyContentCoding(redactedContent, coded.codings)
        : redactedContent
  const view = redactedContent === undefined ? decoded : quickDecode(redactedContent, contentType)
  return {
    capture: captureOf(facts, {
      sourceEvent: route ? sourceEventOf(view, route.eventNameField) : null,
      status: outcome.status,
      statusReason: [outcome.reason, withheld].filter(Boolean).join(' ') || null,
      responseStatus: outcome.answer.status,
      verification,
      redacted: redaction?.changed ?? false,
      bodyKind: withheld ? 'none' : decoded.kind,
      query: maskQuery(redaction?.changed ? redaction.query : query),
      body: storedBody
    }),
    answer: outcome.answer
  }
}

/**
 * A body over the limit: its sender hears 413, and the capture records that it came, without its body, with the
 * verdict that could be taken without it; its query is redacted as any capture's would be.
 */
function oversize(
  facts: RequestFacts,
  route: IntegrationRoute | undefined,
  query: NameValue[],
  message: string,
  verification: SignatureVerdict
): CaptureDecision {
  const redaction = route?.redaction.enabled ? redactQuery(query, route.redaction) : undefined
  return {
    capture: captureOf(facts, {
      sourceEvent: null,
      status: 'oversize',
      statusReason: message,
      responseStatus: 413,
      verification,
      redacted: redaction?.changed ?? false,
      bodyKind: 'none',
      query: maskQuery(redaction?.query ?? query),
      body: null
    }),
    answer: { status: 413, body: { ok: false, error: { code: 'body_too_large', message } } }
  }
}

/** What a capture records of its request whatever the checks decide. */
type RequestFacts = Pick<
  NewCapture,
  | 'receivedAt'
  | 'integrationId'
  | 'integrationSlug'
  | 'method'
  | 'path'
  | 'contentType'
  | 'size'
  | 'remoteAddress'
  | 'headers'
>

/** Every field written out: V8 builds this literal several times faster than a spread of `facts` (per request). */
function captureOf(facts: RequestFacts, checked: Omit<NewCapture, keyof RequestFacts>): NewCapture {
  return {
    receivedAt: facts.receivedAt,
    integrationId: facts.integrationId,
    integrationSlug: facts.integrationSlug,
    sourceEvent: checked.sourceEvent,
    method: facts.method,
    path: facts.path,
    contentType: facts.contentType,
    size: facts.size,
    status: checked.status,
    statusReason: checked.statusReason,
    responseStatus: checked.responseStatus,
    verification: checked.verification,
    redacted: checked.redacted,
    bodyKind: checked.bodyKind,
    remoteAddress: facts.remoteAddress,
    query: checked.query,
    headers: facts.headers,
    body: checked.body
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The body as far as the answer needs it (its kind, its JSON error, its source event). A JSON body that V8's own
 * parser accepts is valid JSON (RFC 8259), unless it nests deeper than the engine reads; only otherwise is the
 * engine asked, which reads charsets and BOMs and words the error, and decides. Every other kind goes to the engine
 * directly. (The engine also refuses a repeated key with different values as ambiguous; the parsed view, made on
 * reading, says so.)
 */
function quickDecode(body: Uint8Array, contentType: string | undefined): DecodedBody {
  const type = mediaType(contentType)
  if (body.length > 0 && type.kind === 'json' && (type.charset === undefined || /^utf-?8$/i.test(type.charset))) {
    try {
      const text = strictUtf8.decode(body)
      const value: unknown = JSON.parse(text)
      // V8 reads any depth; the engine, which every later reader of the capture uses, refuses what nests too deep.
      if (!nestsDeeperThan(text)) return { kind: 'json', value, diagnostics: [] }
    } catch {
      // The engine words the error.
    }
    return decodeBody(body, contentType)
  }
  return decodeBody(body, contentType)
}

function decide(
  verification: SignatureVerdict,
  unreadableJson: { code: string; message: string } | undefined,
  route: IntegrationRoute | undefined,
  pathname: string
): { status: CaptureStatus; reason: string | null; answer: ListenerAnswer } {
  if (verification.outcome === 'failed') {
    const reason = verification.reason ?? 'The signature was rejected.'
    return {
      status: 'rejected',
      reason,
      answer: { status: 401, body: { ok: false, error: { code: 'signature_rejected', message: reason } } }
    }
  }
  if (unreadableJson !== undefined) {
    return {
      status: 'invalid',
      reason: unreadableJson.message,
      answer: { status: 400, body: { ok: false, error: unreadableJson } }
    }
  }
  if (!route) {
    const reason = `No integration listens at ${pathname}: captured as unmatched. Integrations listen at /hooks/<slug>.`
    return {
      status: 'unmatched',
      reason,
      answer: { status: 200, body: { ok: true, status: 'unmatched', message: reason } }
    }
  }
  return { status: 'ok', reason: null, answer: { status: 200, body: { ok: true, status: 'ok' } } }
}

/** Splits a request target into its raw path and its query parameters, whatever form it came in. */
export function splitTarget(url: string): { pathname: string; query: NameValue[] } {
  // Senders almost always send a bare path (origin-form): it costs nothing to split, per request.
  const withoutOrigin = url.startsWith('/') ? url : url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
  const fragment = withoutOrigin.indexOf('#')
  const withoutFragment = fragment === -1 ? withoutOrigin : withoutOrigin.slice(0, fragment)
  const mark = withoutFragment.indexOf('?')
  if (mark === -1) return { pathname: withoutFragment || '/', query: [] }
  return {
    pathname: withoutFragment.slice(0, mark) || '/',
    query: [...new URLSearchParams(withoutFragment.slice(mark + 1))]
  }
}

/**
 * The headers as pairs, with the two that say how to read the body found in the same pass (per request: a name is
 * lower-cased only when its length matches). Content-Type is the first one sent; repeated Content-Encoding headers
 * are one list, in order (RFC 9110 §5.3).
 */
function readHeaders(rawHeaders: readonly string[]): {
  headers: NameValue[]
  contentType: string | undefined
  contentEncoding: string | undefined
} {
  const headers: NameValue[] = []
  let contentType: string | undefined
  let contentEncoding: string | undefined
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] ?? ''
    const value = rawHeaders[index + 1] ?? ''
    headers.push([name, value])
    if (name.length === 12 && contentType === undefined && name.toLowerCase() === 'content-type') contentType = value
    else if (name.length === 16 && name.toLowerCase() === 'content-encoding') {
      contentEncoding = contentEncoding === undefined ? value : `${contentEncoding}, ${value}`
    }
  }
  return { headers, contentType, contentEncoding }
}

/** The source event name at the integration's event name field (`event_name`, or a dotted path into objects). */
function sourceEventOf(decoded: DecodedBody, field: string): string | null {
  if (decoded.error !== undefined || field.trim() === '') return null
  let value: unknown = decoded.value
  for (const segment of field.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, segment)) {
      return null
    }
    value = (value as Record<string, unknown>)[segment]
  }
  if (typeof value === 'string') return sliceWhole(value, 200)
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : null
}
