import { describe, expect, it } from 'vitest'
import { FaultInjector } from '../../../../../main/capillary/sandbox/SandboxFaults'

describe('FaultInjector', () => {
  it('does nothing without faults', () => {
    const faults = new FaultInjector(
      {},
      () => 0,
      () => 0
    )
    expect(faults.decide('k')).toEqual({ kind: 'none' })
  })

  it('answers scheduled failures first, in order', () => {
    const faults = new FaultInjector(
      {},
      () => 0.9,
      () => 0
    )
    faults.failNext(1, { status: 429, retryAfterSeconds: 3 })
    faults.failNext(1, { status: 500 })
    expect(faults.decide('k')).toEqual({ kind: 'fail', status: 429, retryAfterSeconds: 3 })
    expect(faults.decide('k')).toEqual({ kind: 'fail', status: 500 })
    expect(faults.decide('k')).toEqual({ kind: 'none' })
  })

  it('drops and fails the configured shares, by the random draw', () => {
    const draws = [0.1, 0.9, 0.1, 0.7]
    const faults = new FaultInjector(
      { dropRate: 0.2, failRate: 0.2 },
      () => draws.shift() ?? 0.9,
      () => 0
    )
    expect(faults.decide('k')).toEqual({ kind: 'drop' })
    expect(faults.decide('k')).toEqual({ kind: 'fail', status: 503 })
  })

  it('limits calls per key in a one-minute window, with the seconds left as Retry-After', () => {
    let now = 0
    const faults = new FaultInjector(
      { rateLimitPerMinute: 2 },
      () => 0.9,
      () => now
    )
    expect(faults.decide('a').kind).toBe('none')
    expect(faults.decide('a').kind).toBe('none')
    now = 15_000
    expect(faults.decide('a')).toEqual({ kind: 'rateLimited', retryAfterSeconds: 45 })
    expect(faults.decide('b').kind).toBe('none')
    now = 60_000
    expect(faults.decide('a').kind).toBe('none')
  })

  it('changes its faults on request', () => {
    const faults = new FaultInjector(
      {},
      () => 0,
      () => 0
    )
    expect(faults.update({ latencyMs: 50 })).toEqual({ failRate: 0, latencyMs: 50, dropRate: 0, rateLimitPerMinute: 0 })
  })
})
