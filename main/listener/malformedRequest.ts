import type { NameValue } from '../../shared/model/capture'
import type { CaptureDecision, IntakeContext, ListenerAnswer } from './buildCapture'
import { formatBytes } from '../../shared/model/formatBytes'
import { headerText } from '../../shared/model/headerText'
import { splitTarget } from './buildCapture'
import { maskHeaders, maskQuery } from './maskCredentials'
import { redactHeaders, redactQuery } from './redactCapture'

/**
 * A request Node's HTTP parser refused (`clientError`), or a CONNECT (which it hands over): what could be read of it,
 * and why it was refused.
 */
export interface MalformedRequest {
  /** The bytes the parser held when it gave up (Node's `rawPacket`), when it kept them. */
  rawPacket: Uint8Array | undefined
  /** Where in `rawPacket` the parser gave up (Node's `bytesParsed`): earlier requests may come before it. */
  failedAt: number
  /** The request line and headers, when the parser had read them before it gave up (in the body, or too slow). */
  head?: { method: string; url: string; rawHeaders: readonly string[] }
  /** Node's error code: HPE_INVALID_METHOD, HPE_HEADER_OVERFLOW, ERR_HTTP_REQUEST_TIMEOUT… */
  code: string
  /** The parser's own words ("Parse Error: Invalid method encountered"). */
  message: string
  remoteAddress: string
  receivedAt: Date
}

/** The `code` of a CONNECT request: valid HTTP, but a proxy's work, which the listener refuses. */
export const tunnelRequestCode = 'CONNECT_REQUEST'

/** Header bytes a request may carry: 64 KiB, room for large cookies and tokens (Node's default is 16 KiB). */
export const maxHeaderBytes = 64 * 1024

/**
 * What a request that is not valid HTTP/1.1 is captured as, and what its sender hears: so nothing a sender tries is
 * invisible (issue 5), it is captured as invalid with the reason, with the method, path, query and headers read from
 * its first bytes where they can be (masked and redacted as any capture's), and never its raw bytes, which would
 * keep credentials unmasked. The answer is JSON, as every answer of the listener.
 */
export function malformedCapture(request: MalformedRequest, context: IntakeContext): CaptureDecision {
  const head = request.head ? headOf(request.head) : readHead(request.rawPacket, request.failedAt)
  const { pathname, query } = head.target === undefined ? { pathname: '?', query: [] } : splitTarget(head.target)
  const route = head.target === undefined ? undefined : context.routeFor(pathname)
  const refusal = refusalOf(request, head.target)
  const redaction = route?.redaction.enabled ? redactQuery(query, route.redaction) : undefined
  const signatureHeader = route?.verification.scheme === 'hmac-sha256' ? [route.verification.header] : []
  const storedHeaders = route?.redaction.enabled
    ? redactHeaders(head.headers, route.redaction, signatureHeader)
    : head.headers
  return {
    capture: {
      receivedAt: request.receivedAt.toISOString(),
      integrationId: route?.integrationId ?? null,
      integrationSlug: route?.slug ?? null,
      sourceEvent: null,
      method: head.method ?? '?',
      path: pathname,
      contentType: head.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null,
      size: 0,
      status: 'invalid',
      statusReason: refusal.reason,
      responseStatus: refusal.answer.status,
      verification: { scheme: route?.verification.scheme ?? 'none', outcome: 'not_checked' },
      redacted: redaction?.changed ?? false,
      bodyKind: 'none',
      remoteAddress: request.remoteAddress,
      query: maskQuery(redaction?.query ?? query),
      headers: maskHeaders(storedHeaders, signatureHeader),
      body: null
    },
    answer: refusal.answer
  }
}

function refusalOf(request: MalformedRequest, target: string | undefined): { reason: string; answer: ListenerAnswer } {
  const refuse = (status: number, code: string, reason: string) => ({
    reason,
    answer: { status, body: { ok: false, error: { code, message: reason } } }
  })
  if (request.rawPacket?.[0] === 0x16) {
    return refuse(
      400,
      'malformed_request',
      'This is a TLS handshake (an https:// URL): the listener speaks plain http://. Send to its http:// URL.'
    )
  }
  if (request.code === tunnelRequestCode) {
    return refuse(
      501,
      'tunnel_not_supported',
      'CONNECT asks for a tunnel through a proxy: the listener is not one. Send the webhook to its URL (POST).'
    )
  }
  if (request.code === 'HPE_HEADER_OVERFLOW') {
    return refuse(
      431,
      'headers_too_large',
      `The request's headers are over the listener's limit of ${formatBytes(maxHeaderBytes)}.`
    )
  }
  if (request.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return refuse(408, 'request_timeout', 'The request did not arrive whole in time: the listener stopped waiting.')
  }
  const detail = request.message.replace(/^Parse Error:\s*/, '')
  // A space ends the target, and the parser then reads what follows as the protocol: the target is the trouble.
  const hint =
    request.code === 'HPE_INVALID_URL' || (target !== undefined && /[^\x21-\x7e]/.test(target))
      ? ' A URL holds ASCII only: percent-encode spaces (%20) and other characters (é as %C3%A9).'
      : ''
  return refuse(400, 'malformed_request', `The request is not valid HTTP/1.1: ${detail} (${request.code}).${hint}`)
}

function headOf(head: NonNullable<MalformedRequest['head']>): { method: string; target: string; headers: NameValue[] } {
  const headers: NameValue[] = []
  for (let index = 0; index + 1 < head.rawHeaders.length; index += 2) {
    headers.push([head.rawHeaders[index] ?? '', head.rawHeaders[index + 1] ?? ''])
  }
  return { method: head.method, target: head.url, headers }
}

/**
 * A request line, wherever it starts: the body of an earlier request may come right before it. Its target runs to
 * the " HTTP/1.1" that ends the line: a space in it is one of the things the parser refuses.
 */
const requestLines = /([!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}) ([^\r\n]+?) HTTP\/\d\.\d\r?\n/g

/**
 * The request line and header fields of the request the parser gave up on, as far as they read. The bytes it held
 * may begin with earlier requests of the same connection: the failed one is the last request line that starts at or
 * before where it gave up.
 */
function readHead(
  rawPacket: Uint8Array | undefined,
  failedAt: number
): {
  method?: string
  target?: string
  headers: NameValue[]
} {
  if (!rawPacket) return { headers: [] }
  const text = Buffer.from(rawPacket).toString('latin1')
  let head: RegExpExecArray | undefined
  for (const line of text.matchAll(requestLines)) {
    if (line.index > failedAt) break
    head = line
  }
  if (!head) return { headers: [] }
  const headers: NameValue[] = []
  // The last line may be cut off where the parser stopped: only whole lines (a line break after them) are read.
  for (const line of text
    .slice(head.index + head[0].length)
    .split(/\r?\n/)
    .slice(0, -1)) {
    if (line === '') break
    const colon = line.indexOf(':')
    if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1).trim()])
  }
  // Node refuses a target with bytes beyond ASCII: one sent as UTF-8 (a raw "é") is shown as such.
  return { method: head[1], target: head[2] === undefined ? undefined : headerText(head[2]), headers }
}
