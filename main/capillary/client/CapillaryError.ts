export type CapillaryFailureKind =
  | 'authentication'
  | 'permission'
  | 'invalid_request'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'certificate'
  | 'proxy'
  | 'unexpected_response'
  | 'configuration'
  /** The user stopped the work (Ctrl+C, Cancel): nothing went wrong with Capillary. */
  | 'cancelled'

export interface CapillaryErrorDetails {
  /** What was being done, e.g. `GET /v2/events`. */
  request: string
  status?: number
  /** Capillary's error code from the envelope (`errors[0].code`), when it sent one. */
  code?: number
  /** Capillary's own message, secrets removed. */
  capillaryMessage?: string
  attempts: number
  /** For 429: how long Capillary asked us to wait. */
  retryAfterMs?: number
}

/**
 * A call to Capillary that did not succeed. The message says what happened and what to do, never carries a secret,
 * and is safe to show, log or store.
 */
export class CapillaryError extends Error {
  constructor(
    readonly kind: CapillaryFailureKind,
    message: string,
    readonly details: CapillaryErrorDetails
  ) {
    super(message)
    this.name = 'CapillaryError'
  }

  get status(): number | undefined {
    return this.details.status
  }

  get code(): number | undefined {
    return this.details.code
  }
}

export const kindOfStatus = (status: number): CapillaryFailureKind => {
  if (status === 401) return 'authentication'
  if (status === 403) return 'permission'
  if (status === 404) return 'not_found'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'server'
  return 'invalid_request'
}
