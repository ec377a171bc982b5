import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fail } from '../../../../shared/api/result'
import { autosaveDelayMs } from '../../../../renderer/app/autosave'
import { createEventsStore } from '../../../../renderer/features/events/store'
import { newCustomEventDraft } from '../../../../renderer/features/events/newEventDraft'
import { fakeEventsApi } from '../../support/fakeApi'

describe('the events store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('selects a newly created event with its draft', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    const created = await store.getState().create(newCustomEventDraft([]))
    expect(store.getState().selectedId).toBe(created?.id)
    expect(store.getState().draft?.name).toBe('new_event')
  })

  it('coalesces quick edits into one save after the autosave delay', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    await store.getState().create(newCustomEventDraft([]))
    const draft = store.getState().draft!
    store.getState().edit({ ...draft, name: 'a' })
    store.getState().edit({ ...draft, name: 'ab' })
    store.getState().edit({ ...draft, name: 'abc' })
    expect(store.getState().saveState).toBe('pending')
    expect(api.updateEvent).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.updateEvent).toHaveBeenCalledTimes(1)
    expect(api.updateEvent.mock.calls[0]?.[0].draft.name).toBe('abc')
    expect(store.getState().saveState).toBe('saved')
    expect(store.getState().events[0]?.name).toBe('abc')
  })

  it('saves a pending edit before switching to another event', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    const first = await store.getState().create(newCustomEventDraft([]))
    await store.getState().create(newCustomEventDraft(['new_event']))
    await store.getState().select(first!.id)
    store.getState().edit({ ...store.getState().draft!, label: 'Edited' })
    const second = store.getState().events.find((event) => event.id !== first!.id)!
    await store.getState().select(second.id)
    expect(api.updateEvent).toHaveBeenCalledWith(expect.objectContaining({ id: first!.id }))
    expect(store.getState().events.find((event) => event.id === first!.id)?.label).toBe('Edited')
  })

  it('reports a failed save and keeps the edit to retry', async () => {
    const api = fakeEventsApi()
    const onError = vi.fn()
    const store = createEventsStore(api, onError)
    await store.getState().create(newCustomEventDraft([]))
    api.updateEvent.mockResolvedValueOnce(fail('conflict', 'An event named x already exists'))
    store.getState().edit({ ...store.getState().draft!, name: 'x' })
    await store.getState().flush()
    expect(store.getState().saveState).toBe('failed')
    expect(onError).toHaveBeenCalledWith({ code: 'conflict', message: 'An event named x already exists' })
    expect(store.getState().draft?.name).toBe('x')
  })

  it('undoes and redoes edits of the selected event, and autosaves the restored state', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    await store.getState().create(newCustomEventDraft([]))
    const original = store.getState().draft!
    store.getState().edit({ ...original, label: 'Booked' })
    store.getState().edit({ ...store.getState().draft!, attributes: [] })
    store.getState().undo()
    expect(store.getState().draft?.attributes).toHaveLength(1)
    expect(store.getState().draft?.label).toBe('Booked')
    store.getState().undo()
    expect(store.getState().draft).toEqual(original)
    expect(store.getState().canUndo).toBe(false)
    store.getState().redo()
    expect(store.getState().draft?.label).toBe('Booked')
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.updateEvent).toHaveBeenLastCalledWith(expect.objectContaining({ draft: store.getState().draft }))
  })

  it('keeps one undo history per event', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    const first = await store.getState().create(newCustomEventDraft([]))
    store.getState().edit({ ...store.getState().draft!, label: 'First' })
    await store.getState().create(newCustomEventDraft(['new_event']))
    expect(store.getState().canUndo).toBe(false)
    await store.getState().select(first!.id)
    expect(store.getState().canUndo).toBe(true)
  })

  it('adds a standard event from the library and selects it', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    await store.getState().addStandard('ProductViewed')
    expect(store.getState().draft?.kind).toBe('standard')
    expect(api.addStandardEvent).toHaveBeenCalledWith({ name: 'ProductViewed' })
  })

  it('forgets the selection when the selected event is deleted', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    const created = await store.getState().create(newCustomEventDraft([]))
    await store.getState().remove(created!.id)
    expect(store.getState().selectedId).toBeNull()
    expect(store.getState().events).toEqual([])
  })
})
