import { createHash } from 'node:crypto'
import type { NameValue } from '../../shared/model/capture'

/**
 * The idempotency key Capillary receives as `external_event_id` (notes §7; the uniqueness check flags a repeat as a
 * duplicate, notes §3): WebEngage's `x-request-id` ("to achieve events idempotency", notes §10) with the output
 * index after the first output, else a hash of the request body and the output index. A retry, a replay or a
 * re-mapping after a crash therefore always sends the same key for the same output.
 */
export function externalEventId(headers: readonly NameValue[], body: Uint8Array | null, outputIndex: number): string {
  const requestId = headers.find(([name]) => name.toLowerCase() === 'x-request-id')?.[1]?.trim()
  if (requestId) return outputIndex === 0 ? requestId : `${requestId}-${outputIndex}`
  const hash = createHash('sha256')
  hash.update(body ?? new Uint8Array())
  hash.update(`\n${outputIndex}`)
  return hash.digest('hex').slice(0, 32)
}
