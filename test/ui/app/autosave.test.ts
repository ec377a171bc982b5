import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { autosaveDelayMs, createAutosave } from '../../../renderer/app/autosave'

describe('the autosave of a draft', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves once after the quiet delay, however many edits came before', async () => {
    const save = vi.fn(async () => {})
    const autosave = createAutosave(save, () => true)
    autosave.schedule()
    await vi.advanceTimersByTimeAsync(autosaveDelayMs - 1)
    autosave.schedule()
    await vi.advanceTimersByTimeAsync(autosaveDelayMs - 1)
    expect(save).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('runs saves one after the other, in order, and flushes only when a save is due', async () => {
    const order: string[] = []
    let due = true
    let release: () => void = () => {}
    const save = vi.fn(async () => {
      order.push('start')
      await new Promise<void>((resolve) => (release = resolve))
      order.push('end')
    })
    const autosave = createAutosave(save, () => due)
    const first = autosave.flush()
    const second = autosave.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(order).toEqual(['start'])
    release()
    await vi.advanceTimersByTimeAsync(0)
    release()
    await Promise.all([first, second])
    expect(order).toEqual(['start', 'end', 'start', 'end'])
    due = false
    await autosave.flush()
    expect(save).toHaveBeenCalledTimes(2)
  })

  it('forgets a cancelled save', async () => {
    const save = vi.fn(async () => {})
    const autosave = createAutosave(save, () => true)
    autosave.schedule()
    autosave.cancel()
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 2)
    expect(save).not.toHaveBeenCalled()
    await autosave.settled()
  })
})
