import { parse, stringify } from 'lossless-json'
import type { CaptureDetail } from '../../../shared/model/capture'
import type { PayloadSample } from '../../../shared/model/captureInbox'
import { decodeBody } from '../../../shared/engine/decode/decodeBody'

/**
 * A capture's body as editable JSON text: a JSON body re-indented with every number kept digit for digit (lossless),
 * other bodies (form, XML) as the engine decoded them.
 */
export function payloadTextOf(capture: Pick<CaptureDetail, 'bodyKind' | 'contentText' | 'parsed'>): string {
  if (capture.bodyKind === 'json' && capture.contentText !== null) {
    try {
      return stringify(parse(capture.contentText), null, 2) ?? capture.contentText
    } catch {
      return capture.contentText
    }
  }
  return JSON.stringify(capture.parsed ?? null, null, 2)
}

/** A saved sample's body as editable JSON text, decoded by its content type as the listener would. */
export function sampleText(sample: Pick<PayloadSample, 'body' | 'contentType'>): string {
  const decoded = decodeBody(new TextEncoder().encode(sample.body), sample.contentType)
  if (decoded.kind === 'json') {
    try {
      return stringify(parse(sample.body), null, 2) ?? sample.body
    } catch {
      return sample.body
    }
  }
  return JSON.stringify(decoded.value ?? null, null, 2)
}
