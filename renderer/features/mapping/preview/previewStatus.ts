import { plural } from '../../../ui/plural'
import type { PreviewResult } from './previewProtocol'

/**
 * The preview's one-line status: how many events the payload under test makes and whether Capillary takes them.
 * A mapping that makes none says why when the fan-out is the reason (its list missing, empty or not a list, or its
 * path not one).
 */
export function previewStatus(result: PreviewResult | null): string {
  if (!result) return 'Waiting for a payload…'
  if (result.payloadError) return result.payloadError
  if (!result.matched) return 'This payload is not one this mapping applies to.'
  if (result.outputCount === 0) {
    const fanOut = result.diagnostics.find(
      (diagnostic) =>
        diagnostic.code === 'fan_out_empty' ||
        diagnostic.code === 'fan_out_not_array' ||
        (diagnostic.code === 'invalid_rule' && diagnostic.message.startsWith('The fan-out path'))
    )
    // The engine's own sentence ends "…: no event is made.": said once, first.
    return fanOut ? `No event: ${fanOut.message.replace(/: no event is made\.$/, '.')}` : 'No event.'
  }
  return `${plural(result.outputCount, 'event')} · ${result.valid ? 'valid for Capillary' : 'not valid for Capillary'}`
}
