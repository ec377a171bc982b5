import type { CaptureDetail } from '../../shared/model/capture'
import { decodeBody } from '../../shared/engine/decode'
import type { StoredCapture } from '../store/CaptureRepository'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** A stored capture with its parsed view, decoded from the stored bytes by the engine's decoders (one set of rules). */
export function captureDetail(stored: StoredCapture): CaptureDetail {
  const { body, ...rest } = stored
  const decoded = body === null ? undefined : decodeBody(body, stored.contentType ?? undefined)
  return {
    ...rest,
    bodyBase64: body === null ? null : body.toString('base64'),
    bodyText: body === null ? null : utf8OrNull(body),
    parsed: decoded?.value ?? null,
    decodeError: decoded?.error ?? null,
    replayable: body !== null && !stored.redacted
  }
}

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return null
  }
}
