export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** A Retry-After longer than this is not waited for: the call fails at once and says when to try again. */
  maxRetryAfterMs: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000
}

/**
 * The wait before try `attempt + 1` (attempt counts from 1): exponential backoff with "equal jitter", half fixed and
 * half random, so clients that failed together do not come back together.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/**
 * Reads a Retry-After header (RFC 9110: delay-seconds or an HTTP-date) as milliseconds from `now`; undefined when
 * absent or unreadable.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value
  if (raw === undefined || raw.trim() === '') return undefined
  const text = raw.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * The wait before the next try. A Retry-After is honoured as given, plus a little jitter (at most the base delay)
 * so clients told the same time do not all return at once; without one, our own backoff applies.
 */
export function retryWait(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number
): number {
  if (retryAfterMs === undefined) return backoffDelay(attempt, policy, random)
  return retryAfterMs + Math.round(random() * policy.baseDelayMs)
}
