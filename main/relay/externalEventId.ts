import { createHash } from 'node:crypto'
import type { NameValue } from '../../shared/model/capture'

/**
 * The ids Capillary receives as `external_event_id` for a capture's outputs (notes §7: the brand's own identifier of
 * each event): WebEngage's `x-request-id` ("to achieve events idempotency", notes §10) with the output index after
 * the first output, else a hash of the request body and the output index. A retry, a replay or a re-mapping after a
 * crash therefore always sends the same id for the same output. (Capillary's uniqueness check keys on the event, the
 * customer and the unique-key attributes, not on this id: notes §3.) The body is hashed once, however many outputs it
 * fans out to (a 4 MB body of 40,000 items would otherwise be hashed 40,000 times).
 */
export function externalEventIds(
  headers: readonly NameValue[],
  body: Uint8Array | null
): (outputIndex: number) => string {
  const requestId = headers.find(([name]) => name.toLowerCase() === 'x-request-id')?.[1]?.trim()
  if (requestId) return (outputIndex) => (outputIndex === 0 ? requestId : `${requestId}-${outputIndex}`)
  const hashedBody = createHash('sha256').update(body ?? new Uint8Array())
  return (outputIndex) => hashedBody.copy().update(`\n${outputIndex}`).digest('hex').slice(0, 32)
}
