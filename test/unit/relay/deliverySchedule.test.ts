import { describe, expect, it } from 'vitest'
import { CapillaryError } from '../../../main/capillary/client/CapillaryError'
import { defaultDeliverySchedule, judgeFailure, patienceMs, retryDelayMs } from '../../../main/relay/deliverySchedule'

const hour = 60 * 60 * 1000
// Svix: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the first attempt.
const svixPatienceMs = (5 + 5 * 60 + 30 * 60) * 1000 + (2 + 5 + 10 + 10) * hour

const failure = (status: number | undefined, extra: Partial<CapillaryError['details']> = {}) =>
  new CapillaryError(status === undefined ? 'network' : 'server', 'failed', {
    request: 'POST to the webhook',
    attempts: 1,
    ...(status === undefined ? {} : { status }),
    ...extra
  })

describe('deliverySchedule', () => {
  it('is at least as patient as Svix before a row becomes a dead letter', () => {
    expect(patienceMs(defaultDeliverySchedule)).toBeGreaterThanOrEqual(svixPatienceMs)
  })

  it('waits exponentially longer after each failure, up to the ceiling', () => {
    const waits = [1, 2, 3, 8, 9].map((failed) => retryDelayMs(failed, defaultDeliverySchedule, () => 0))
    expect(waits).toEqual([5_000, 20_000, 80_000, 10 * hour, 10 * hour])
  })

  it('only ever adds jitter, at most the schedule share', () => {
    expect(retryDelayMs(2, defaultDeliverySchedule, () => 0.999)).toBeLessThanOrEqual(20_000 * 1.2)
    expect(retryDelayMs(2, defaultDeliverySchedule, () => 0.5)).toBe(22_000)
  })

  it('slows the sender down on 429, 502 and 504, not on other failures', () => {
    expect([429, 502, 504].map((status) => judgeFailure(failure(status)).slowDown)).toEqual([true, true, true])
    expect([500, 503, undefined].map((status) => judgeFailure(failure(status)).slowDown)).toEqual([false, false, false])
  })

  it('gives up at once on a refusal of the payload itself, and retries auth and missing webhooks', () => {
    expect([400, 413, 415, 422].every((status) => judgeFailure(failure(status)).permanent)).toBe(true)
    expect([401, 403, 404, 500].some((status) => judgeFailure(failure(status)).permanent)).toBe(false)
  })

  it('keeps the Retry-After Capillary sent and says what the last answer was', () => {
    const verdict = judgeFailure(failure(429, { retryAfterMs: 30_000, code: 429, capillaryMessage: 'Too many' }))
    expect(verdict).toMatchObject({ retryAfterMs: 30_000, status: 429, message: '429 (code 429): Too many' })
    expect(judgeFailure(failure(undefined)).message).toMatch(/^No answer: /)
  })
})
