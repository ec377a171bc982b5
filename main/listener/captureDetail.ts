import type { CaptureDetail } from '../../shared/model/capture'
import { mediaType } from '../../shared/engine/decode'
import { decodeText, strictUtf8Text } from '../../shared/engine/decode/textDecoding'
import type { StoredCapture } from '../store/CaptureRepository'
import { capturedContent, decodeCapturedContent } from '../engine/decodeCapturedBody'
import type { RemovedCoding } from '../engine/contentCoding'

/**
 * A stored capture with its parsed view and its text, both read from its content (the stored bytes, their content
 * coding removed) by the engine's decoders (one set of rules); `bodyBase64` stays the bytes as stored.
 */
export function captureDetail(stored: StoredCapture): CaptureDetail {
  const { body, ...rest } = stored
  const contentType = stored.contentType ?? undefined
  const content = body === null ? undefined : capturedContent(body, stored.headers)
  const decoded = content === undefined ? undefined : decodeCapturedContent(content, contentType)
  return {
    ...rest,
    bodyBase64: body === null ? null : body.toString('base64'),
    bodyText: body === null ? null : (strictUtf8Text(body) ?? null),
    contentText: content === undefined ? null : textOrNull(content, contentType),
    parsed: decoded?.value ?? null,
    decodeError: decoded?.error ?? null,
    decodeWarnings: fewOf(decoded?.diagnostics.map((diagnostic) => diagnostic.message) ?? []),
    replayable: body !== null && !stored.redacted
  }
}

/**
 * The content as text in its declared charset (UTF-8 by default), or null when it is not text: bytes invalid in that
 * charset, or a coding that could not be removed. A charset unknown here still shows text that is valid UTF-8.
 */
function textOrNull(content: RemovedCoding, contentType: string | undefined): string | null {
  if (!content.ok) return null
  const { text, problem } = decodeText(content.content, mediaType(contentType).charset)
  return problem === undefined ? text : (strictUtf8Text(content.content) ?? null)
}

/** A body of a thousand big integers says a thousand times the same: the first few are enough. */
function fewOf(warnings: string[]): string[] {
  const shown = 5
  if (warnings.length <= shown) return warnings
  return [...warnings.slice(0, shown), `And ${warnings.length - shown} more like these.`]
}
