import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createNotificationStore } from '../../../renderer/app/notifications'

describe('the notification store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('keeps errors until dismissed and lets information fade', () => {
    const store = createNotificationStore()
    store.getState().reportError({ code: 'conflict', message: 'Taken.' })
    store.getState().notify('info', 'Saved.')
    vi.advanceTimersByTime(5000)
    expect(store.getState().items.map((item) => item.message)).toEqual(['Taken.'])
    store.getState().dismiss(store.getState().items[0]!.id)
    expect(store.getState().items).toEqual([])
  })

  it('replaces a keyed notice by the next with the same key, and takes it back by its key alone', () => {
    const store = createNotificationStore()
    store.getState().reportError({ code: 'invalid_input', message: 'Kept (1).', key: 'kept-draft:e1' })
    store.getState().reportError({ code: 'conflict', message: 'Taken.' })
    store.getState().reportError({ code: 'invalid_input', message: 'Kept (2).', key: 'kept-draft:e1' })
    expect(store.getState().items.map((item) => item.message)).toEqual(['Taken.', 'Kept (2).'])
    store.getState().withdraw('kept-draft:e1')
    store.getState().withdraw('kept-draft:nothing')
    expect(store.getState().items.map((item) => item.message)).toEqual(['Taken.'])
  })
})
