import { parse, stringify } from 'lossless-json'
import type { CaptureDetail } from '../../../shared/model/capture'

/**
 * A capture's body as editable JSON text: a JSON body re-indented with every number kept digit for digit (lossless),
 * other bodies (form, XML) as the engine decoded them.
 */
export function payloadTextOf(capture: Pick<CaptureDetail, 'bodyKind' | 'bodyText' | 'parsed'>): string {
  if (capture.bodyKind === 'json' && capture.bodyText !== null) {
    try {
      return stringify(parse(capture.bodyText), null, 2) ?? capture.bodyText
    } catch {
      return capture.bodyText
    }
  }
  return JSON.stringify(capture.parsed ?? null, null, 2)
}
