import { CapillaryError } from '../capillary/client/CapillaryError'

/** How patient the delivery worker is, and how hard it pushes; injectable so tests compress a day into seconds. */
export interface DeliverySchedule {
  /** Attempts in all, the first included; then the row becomes a dead letter. */
  maxAttempts: number
  /** The wait after the first failed attempt; each later wait is `factor` times the one before, up to `maxDelayMs`. */
  firstRetryMs: number
  factor: number
  maxDelayMs: number
  /** Random extra on each wait, as a share of it (0.2: up to 20% more), so failed rows do not return together. */
  jitter: number
  /** The whole sender pauses this long after a 429, 502 or 504 without Retry-After, doubling while they continue. */
  slowDownMs: number
  maxSlowDownMs: number
  /** Posts in flight at most (the keep-alive pool holds 8 connections). */
  concurrency: number
}

/**
 * Svix retries after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h: about 27.5 hours in all. Ours: 5 s, then four
 * times longer each time up to 10 h, ten attempts: 5 s + 20 s + 80 s + 5.3 min + 21 min + 85 min + 5.7 h + 10 h +
 * 10 h ≈ 27.6 hours before the jitter, which only adds; so never less patient than Svix.
 */
export const defaultDeliverySchedule: DeliverySchedule = {
  maxAttempts: 10,
  firstRetryMs: 5_000,
  factor: 4,
  maxDelayMs: 10 * 60 * 60 * 1000,
  jitter: 0.2,
  slowDownMs: 1_000,
  maxSlowDownMs: 60_000,
  concurrency: 8
}

/** The wait after the `failedAttempts`-th failed attempt (counting from 1): exponential, capped, plus jitter. */
export function retryDelayMs(failedAttempts: number, schedule: DeliverySchedule, random: () => number): number {
  const base = Math.min(schedule.maxDelayMs, schedule.firstRetryMs * schedule.factor ** (failedAttempts - 1))
  return Math.round(base * (1 + schedule.jitter * random()))
}

/** The shortest time from the first attempt to the last, jitter aside. */
export function patienceMs(schedule: DeliverySchedule): number {
  let total = 0
  for (let failed = 1; failed < schedule.maxAttempts; failed += 1) total += retryDelayMs(failed, schedule, () => 0)
  return total
}

/** What a failed post means for the row and for the sender. */
export interface FailureVerdict {
  /** Sending the same payload again cannot succeed (Capillary refused it): dead at once. */
  permanent: boolean
  /** 429, 502 or 504: the receiver is overwhelmed, the whole sender slows down. */
  slowDown: boolean
  status: number | null
  retryAfterMs: number | undefined
  message: string
}

// Refusals of the payload itself: the same body would be refused again (notes §9: 400 invalid input, 415 content
// type; 413 too large). Auth (401/403) and a missing webhook (404) are retried: a fixed profile or webhook helps.
const permanentStatuses = new Set([400, 413, 415, 422])
const slowDownStatuses = new Set([429, 502, 504])

export function judgeFailure(error: unknown): FailureVerdict {
  if (error instanceof CapillaryError) {
    const status = error.status ?? null
    const refusedOnSuccess = status !== null && status < 300
    return {
      permanent: refusedOnSuccess || (status !== null && permanentStatuses.has(status)),
      slowDown: status !== null && slowDownStatuses.has(status),
      status,
      retryAfterMs: error.details.retryAfterMs,
      message:
        status === null
          ? `${error.kind === 'timeout' ? 'No answer in time' : 'No answer'}: ${error.message}`
          : `${status}${error.code !== undefined ? ` (code ${error.code})` : ''}: ${error.details.capillaryMessage ?? error.message}`
    }
  }
  return {
    permanent: false,
    slowDown: false,
    status: null,
    retryAfterMs: undefined,
    message: `The post failed: ${(error as Error).message}`
  }
}
