import { createStore } from 'zustand/vanilla'
import type { StudioApi } from '../../api/client'

/** Minutes the status bar's sparkline covers. */
export const rateMinutes = 15

interface CaptureRateState {
  /** Captures per minute, oldest first; the last is the current minute. */
  perMinute: number[]
  /** Start of the first minute, in milliseconds. */
  from: number
  load(): Promise<void>
  /** Captures arrived (capturesReceived) at `now`: counted in the current minute, rolling the window on. */
  received(count: number, now: number): void
}

/** Captures per minute for the status bar: read from main, then kept current from the live notices. */
export const createCaptureRateStore = (api: Pick<StudioApi, 'getCaptureRate'>) =>
  createStore<CaptureRateState>()((set) => ({
    perMinute: Array.from({ length: rateMinutes }, () => 0),
    from: 0,
    async load() {
      const result = await api.getCaptureRate({ minutes: rateMinutes })
      if (result.ok) set({ perMinute: result.value.perMinute, from: Date.parse(result.value.from) })
    },
    received(count, now) {
      set((state) => {
        const current = Math.floor(now / 60_000) * 60_000
        const first = current - (rateMinutes - 1) * 60_000
        const shift = state.from === 0 ? 0 : Math.round((first - state.from) / 60_000)
        const perMinute =
          shift <= 0
            ? [...state.perMinute]
            : [
                ...state.perMinute.slice(Math.min(shift, rateMinutes)),
                ...Array.from({ length: Math.min(shift, rateMinutes) }, () => 0)
              ]
        perMinute[rateMinutes - 1] = (perMinute[rateMinutes - 1] ?? 0) + count
        return { perMinute, from: first }
      })
    }
  }))

export type CaptureRateStore = ReturnType<typeof createCaptureRateStore>
