import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  defaultRetryPolicy,
  parseRetryAfter,
  retryWait
} from '../../../../../main/capillary/client/retryDelay'

const policy = defaultRetryPolicy

describe('backoffDelay', () => {
  it('doubles from the base delay, half fixed and half random', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(250)
    expect(backoffDelay(1, policy, () => 0.999)).toBe(500)
    expect(backoffDelay(2, policy, () => 0)).toBe(500)
    expect(backoffDelay(3, policy, () => 0.5)).toBe(1500)
  })

  it('never exceeds the maximum delay', () => {
    expect(backoffDelay(20, policy, () => 0.999)).toBeLessThanOrEqual(policy.maxDelayMs)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T10:00:00Z')

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000)
  })

  it('reads an HTTP-date as the time until then', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0)
  })

  it('ignores an absent or unreadable header', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(['3', '9'], now)).toBe(3000)
  })
})

describe('retryWait', () => {
  it('honours Retry-After, adding at most the base delay of jitter', () => {
    expect(retryWait(1, 7000, policy, () => 0)).toBe(7000)
    expect(retryWait(1, 7000, policy, () => 0.999)).toBe(7500)
  })

  it('falls back to the backoff without Retry-After', () => {
    expect(retryWait(2, undefined, policy, () => 0.5)).toBe(backoffDelay(2, policy, () => 0.5))
  })
})
