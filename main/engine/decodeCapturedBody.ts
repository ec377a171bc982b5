import { decodeBody, mediaType, type DecodedBody } from '../../shared/engine/decode'
import type { NameValue } from '../../shared/model/capture'
import { removeContentCoding, type RemovedCoding } from './contentCoding'

/**
 * The bytes a captured body's Content-Type describes: the stored bytes with their content coding removed (RFC 9110
 * §8.4), or the error that says why it could not be. Stored headers keep Content-Encoding as sent (never masked).
 */
export function capturedContent(body: Uint8Array, headers: readonly NameValue[]): RemovedCoding {
  const contentEncoding = contentEncodingOf(headers)
  if (contentEncoding === undefined) return { ok: true, content: body, codings: [] }
  return removeContentCoding(body, contentEncoding)
}

/**
 * Decodes a captured body as the engine would, its content coding removed first: what the inspector, search, the
 * relay, test cases and replay read. Never throws: a coding that cannot be removed comes back as `error`.
 */
export function decodeCapturedBody(
  body: Uint8Array,
  contentType: string | undefined,
  headers: readonly NameValue[]
): DecodedBody {
  return decodeCapturedContent(capturedContent(body, headers), contentType)
}

/** Decodes what capturedContent gave, for a caller that also needs the content itself. */
export function decodeCapturedContent(content: RemovedCoding, contentType: string | undefined): DecodedBody {
  return content.ok ? decodeBody(content.content, contentType) : undecodableBody(contentType, content.error)
}

/**
 * A body whose content coding could not be removed, as decodeBody reports a body that is not what its type says: of
 * its declared kind, with `error` and a decode_error. Its value is null: the coded bytes are no text worth showing.
 */
export function undecodableBody(contentType: string | undefined, error: string): DecodedBody {
  return {
    kind: mediaType(contentType).kind,
    value: null,
    error,
    diagnostics: [{ severity: 'error', code: 'decode_error', message: error, inputPointer: '' }]
  }
}

/** The Content-Encoding of stored headers; repeated headers are one list, in order (RFC 9110 §5.3). */
function contentEncodingOf(headers: readonly NameValue[]): string | undefined {
  let joined: string | undefined
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'content-encoding') continue
    joined = joined === undefined ? value : `${joined}, ${value}`
  }
  return joined
}
