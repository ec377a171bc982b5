import { describe, expect, it, vi } from 'vitest'
import { ok } from '../../../../shared/api/result'
import { createCaptureRateStore, rateMinutes } from '../../../../renderer/features/captures/captureRateStore'

const minute = 60_000
const start = Date.UTC(2026, 10, 28, 12, 0)

function loadedStore() {
  const perMinute = Array.from({ length: rateMinutes }, (_, index) => index)
  const api = { getCaptureRate: vi.fn(async () => ok({ from: new Date(start).toISOString(), perMinute })) }
  return createCaptureRateStore(api)
}

describe('the captures-per-minute store', () => {
  it('loads the last quarter hour from main', async () => {
    const store = loadedStore()
    await store.getState().load()
    expect(store.getState().perMinute).toHaveLength(rateMinutes)
    expect(store.getState().perMinute.at(-1)).toBe(rateMinutes - 1)
  })

  it('counts live captures in the current minute', async () => {
    const store = loadedStore()
    await store.getState().load()
    store.getState().received(3, start + (rateMinutes - 1) * minute + 5_000)
    expect(store.getState().perMinute.at(-1)).toBe(rateMinutes - 1 + 3)
  })

  it('rolls the window on when a new minute starts', async () => {
    const store = loadedStore()
    await store.getState().load()
    store.getState().received(2, start + (rateMinutes + 1) * minute)
    expect(store.getState().perMinute.slice(-3)).toEqual([rateMinutes - 1, 0, 2])
    expect(store.getState().perMinute[0]).toBe(2)
  })
})
