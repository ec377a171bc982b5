import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../../shared/api/result'
import type { EventDraft } from '../../../../shared/model/event'
import { autosaveDelayMs } from '../../../../renderer/app/autosave'
import { createEventsStore } from '../../../../renderer/features/events/store'
import { newCustomEventDraft } from '../../../../renderer/features/events/newEventDraft'
import { fakeEventsApi } from '../../support/fakeApi'

/**
 * A store with two events, the second left with an empty name (and `more` edits), so its draft is kept unsaved
 * while the first is open.
 */
async function storeWithKeptDraft(more: Partial<EventDraft> = {}) {
  const api = fakeEventsApi()
  const onError = vi.fn()
  const withdraw = vi.fn()
  const store = createEventsStore(api, onError, withdraw)
  const first = await store.getState().create(newCustomEventDraft([]))
  const second = await store.getState().create(newCustomEventDraft(['new_event']))
  store.getState().edit({ ...store.getState().draft!, name: '' })
  if (Object.keys(more).length > 0) store.getState().edit({ ...store.getState().draft!, ...more })
  await store.getState().select(first!.id)
  return { api, onError, withdraw, store, first, second }
}

/** A store whose one event was just deleted, its undo not yet asked for. */
async function storeWithDeletedEvent() {
  const api = fakeEventsApi()
  const onError = vi.fn()
  const store = createEventsStore(api, onError)
  const created = await store.getState().create(newCustomEventDraft([]))
  await store.getState().remove(created!.id)
  return { api, onError, store, created }
}

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

  it('keeps a refused save at the draft, not in a notification, and keeps the edit to retry', async () => {
    const api = fakeEventsApi()
    const onError = vi.fn()
    const store = createEventsStore(api, onError)
    await store.getState().create(newCustomEventDraft([]))
    api.updateEvent.mockResolvedValueOnce(fail('conflict', 'be_reserved is published: its name cannot change.'))
    store.getState().edit({ ...store.getState().draft!, name: 'x' })
    await store.getState().flush()
    expect(store.getState().saveState).toBe('failed')
    expect(store.getState().saveProblem).toBe('be_reserved is published: its name cannot change.')
    expect(onError).not.toHaveBeenCalled()
    expect(store.getState().draft?.name).toBe('x')
    store.getState().edit({ ...store.getState().draft!, name: 'xy' })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(store.getState().saveState).toBe('saved')
    expect(store.getState().saveProblem).toBeNull()
  })

  it('does not send a draft with an attribute not yet named, and saves it once named', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    await store.getState().create(newCustomEventDraft([]))
    const draft = store.getState().draft!
    const added = { ...draft.attributes[0]!, id: undefined, name: '' }
    store.getState().edit({ ...draft, attributes: [...draft.attributes, added] })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.updateEvent).not.toHaveBeenCalled()
    expect(store.getState()).toMatchObject({ saveState: 'invalid', saveProblem: 'Name attribute 2, or remove it.' })
    store.getState().edit({ ...draft, attributes: [...draft.attributes, { ...added, name: 'nights' }] })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.updateEvent).toHaveBeenCalledTimes(1)
  })

  it('does not send a draft without a name, and saves it as soon as it has one', async () => {
    const api = fakeEventsApi()
    const onError = vi.fn()
    const store = createEventsStore(api, onError)
    await store.getState().create(newCustomEventDraft([]))
    store.getState().edit({ ...store.getState().draft!, name: '  ' })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    await store.getState().flush()
    expect(api.updateEvent).not.toHaveBeenCalled()
    expect(store.getState().saveState).toBe('invalid')
    expect(store.getState().saveProblem).toBe('Give the event a name.')
    store.getState().edit({ ...store.getState().draft!, name: 'hotel_checkout' })
    expect(store.getState().saveProblem).toBeNull()
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.updateEvent).toHaveBeenCalledTimes(1)
    expect(store.getState().saveState).toBe('saved')
    expect(onError).not.toHaveBeenCalled()
  })

  it('does not send a draft named like another event, whatever the letter case', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    await store.getState().create(newCustomEventDraft([]))
    await store.getState().create(newCustomEventDraft(['new_event']))
    store.getState().edit({ ...store.getState().draft!, name: 'New_Event' })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.updateEvent).not.toHaveBeenCalled()
    expect(store.getState().saveProblem).toBe('An event named new_event already exists: event names are unique.')
  })

  it('keeps an invalid draft the user leaves, says so, and gives it back when they return, taking the notice back', async () => {
    const { api, onError, withdraw, store, second } = await storeWithKeptDraft({
      description: 'Typed while the name was empty'
    })
    expect(onError).toHaveBeenCalledWith({
      code: 'invalid_input',
      key: `kept-draft:${second!.id}`,
      message: `Your changes to ${second!.name} are kept but not saved: Give the event a name. Open ${second!.name} to fix them.`
    })
    expect(store.getState().saveProblem).toBeNull()
    expect(api.updateEvent).not.toHaveBeenCalled()
    expect(withdraw).not.toHaveBeenCalled()

    // Back at the draft, the editor shows the problem: the notice has said what it had to.
    await store.getState().select(second!.id)
    expect(withdraw).toHaveBeenCalledWith(`kept-draft:${second!.id}`)
    expect(store.getState().draft).toMatchObject({ name: '', description: 'Typed while the name was empty' })
    expect(store.getState()).toMatchObject({ saveState: 'invalid', saveProblem: 'Give the event a name.' })
    store.getState().edit({ ...store.getState().draft!, name: 'hotel_checkout' })
    await store.getState().flush()
    expect(api.updateEvent).toHaveBeenCalledWith({
      id: second!.id,
      draft: expect.objectContaining({ name: 'hotel_checkout', description: 'Typed while the name was empty' })
    })
  })

  it('lists the events whose drafts are kept, by id and saved name, until the user is back at them', async () => {
    const { store, second } = await storeWithKeptDraft()
    expect(store.getState().keptDrafts).toEqual([{ id: second!.id, name: second!.name }])
    await store.getState().select(second!.id)
    expect(store.getState().keptDrafts).toEqual([])
  })

  it('does not send a draft with a text longer than a project keeps, and says which and by how much', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    await store.getState().create(newCustomEventDraft([]))
    store.getState().edit({ ...store.getState().draft!, description: 'x'.repeat(3000) })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    await store.getState().flush()
    expect(api.updateEvent).not.toHaveBeenCalled()
    expect(store.getState()).toMatchObject({
      saveState: 'invalid',
      saveProblem: 'Description: at most 2,000 characters (3,000 now).',
      saveProblemAt: 'description'
    })
    store.getState().edit({ ...store.getState().draft!, description: 'x'.repeat(2000) })
    await store.getState().flush()
    expect(api.updateEvent).toHaveBeenCalledTimes(1)
    expect(store.getState().saveState).toBe('saved')
  })

  it('places the problem of an attribute without a name at that attribute, not at the event name', async () => {
    const store = createEventsStore(fakeEventsApi(), vi.fn())
    await store.getState().create(newCustomEventDraft([]))
    const draft = store.getState().draft!
    store.getState().edit({ ...draft, attributes: [...draft.attributes, { ...draft.attributes[0]!, name: '' }] })
    expect(store.getState().saveProblemAt).toBe('attributes/1/name')
  })

  it("forgets the last delete and the kept drafts when another project opens: they were the last one's", async () => {
    const { api, withdraw, store, first, second } = await storeWithKeptDraft()
    await store.getState().remove(first!.id)
    expect(store.getState().lastDeletion).not.toBeNull()

    store.getState().forgetProject()
    expect(withdraw).toHaveBeenCalledWith(`kept-draft:${second!.id}`)
    expect(store.getState().lastDeletion).toBeNull()
    expect(await store.getState().undoDelete()).toBeNull()
    expect(api.restoreEvent).not.toHaveBeenCalled()
    await store.getState().select(second!.id)
    expect(store.getState().draft?.name).toBe(second!.name)
  })

  it('keeps a delete answered while an undo is on its way undoable', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    const first = await store.getState().create(newCustomEventDraft([]))
    const second = await store.getState().create(newCustomEventDraft(['new_event']))
    await store.getState().remove(first!.id)
    let answerRestore: () => void = () => undefined
    const restoreAsked = new Promise<void>((resolveAsked) => {
      api.restoreEvent.mockImplementationOnce(async () => {
        resolveAsked()
        await new Promise<void>((resolveAnswer) => (answerRestore = resolveAnswer))
        return ok({ event: first!, droppedMappings: 0 })
      })
    })
    const undoing = store.getState().undoDelete()
    await restoreAsked
    await store.getState().remove(second!.id)
    answerRestore()
    expect((await undoing)?.event.id).toBe(first!.id)
    expect(store.getState().lastDeletion?.id).toBe(second!.id)
  })

  it('asks main once when Undo is pressed twice for one delete', async () => {
    const { api, onError, store, created } = await storeWithDeletedEvent()
    const [once, twice] = await Promise.all([store.getState().undoDelete(), store.getState().undoDelete()])
    expect(once?.event.id).toBe(created!.id)
    expect(twice).toBeNull()
    expect(api.restoreEvent).toHaveBeenCalledTimes(1)
    expect(onError).not.toHaveBeenCalled()
    expect(store.getState().events.map((event) => event.id)).toEqual([created!.id])
  })

  it('keeps a delete undoable when main refuses its undo for a name taken since', async () => {
    const { api, onError, store, created } = await storeWithDeletedEvent()
    api.restoreEvent.mockResolvedValueOnce(fail('conflict', 'An event named new_event exists: rename it first.'))
    expect(await store.getState().undoDelete()).toBeNull()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'conflict' }))
    expect(store.getState().lastDeletion?.id).toBe(created!.id)
    expect((await store.getState().undoDelete())?.event.id).toBe(created!.id)
  })

  it("does not bring the last project's delete back when its undo is refused after another project opened", async () => {
    const { api, store } = await storeWithDeletedEvent()
    let answer: () => void = () => undefined
    api.restoreEvent.mockImplementationOnce(async () => {
      await new Promise<void>((resolveAnswer) => (answer = resolveAnswer))
      return fail('conflict', 'An event named new_event exists: rename it first.')
    })
    const undoing = store.getState().undoDelete()
    await vi.waitFor(() => expect(api.restoreEvent).toHaveBeenCalled())
    store.getState().forgetProject()
    answer()
    expect(await undoing).toBeNull()
    expect(store.getState().lastDeletion).toBeNull()
  })

  it('keeps the draft when the event already open is selected again', async () => {
    const api = fakeEventsApi()
    const onError = vi.fn()
    const store = createEventsStore(api, onError)
    const created = await store.getState().create(newCustomEventDraft([]))
    store.getState().edit({ ...store.getState().draft!, name: '' })
    await store.getState().select(created!.id)
    expect(store.getState().draft?.name).toBe('')
    expect(onError).not.toHaveBeenCalled()
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
    const { store } = await storeWithDeletedEvent()
    expect(store.getState().selectedId).toBeNull()
    expect(store.getState().events).toEqual([])
  })
})

describe('the open event changed outside its editor (a bundle merged, another window)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  /** An open event, saved, then changed underneath: its description set by someone else. */
  async function openedThenChangedOutside(unsavedLabel?: string) {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    const created = (await store.getState().create(newCustomEventDraft([])))!
    const saved = store.getState().draft!
    await api.updateEvent({ id: created.id, draft: { ...saved, description: 'Theirs' } })
    if (unsavedLabel !== undefined) store.getState().edit({ ...saved, label: unsavedLabel })
    await store.getState().load()
    return { api, store, created, saved }
  }

  it('shows the new version when nothing is unsaved, its undo history (of the old one) dropped', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    const created = (await store.getState().create(newCustomEventDraft([])))!
    store.getState().edit({ ...store.getState().draft!, label: 'Mine' })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(store.getState()).toMatchObject({ saveState: 'saved', canUndo: true })
    await api.updateEvent({ id: created.id, draft: { ...store.getState().draft!, description: 'Theirs' } })
    await store.getState().load()
    expect(store.getState().draft).toMatchObject({ label: 'Mine', description: 'Theirs' })
    expect(store.getState()).toMatchObject({ saveState: 'saved', changedOutside: false, canUndo: false })
  })

  it('holds unsaved edits, unsaved however long the user goes on typing, until they choose', async () => {
    const { api, store } = await openedThenChangedOutside('Mine')
    expect(store.getState().changedOutside).toBe(true)
    store.getState().edit({ ...store.getState().draft!, label: 'Mine too' })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 3)
    // The outside change was the only write.
    expect(api.updateEvent).toHaveBeenCalledTimes(1)
    expect(store.getState().draft).toMatchObject({ label: 'Mine too' })
  })

  it('takes the saved version when asked, dropping the unsaved edits', async () => {
    const { api, store, saved } = await openedThenChangedOutside('Mine')
    store.getState().takeSaved()
    expect(store.getState().draft).toEqual({ ...saved, description: 'Theirs' })
    expect(store.getState()).toMatchObject({ saveState: 'saved', changedOutside: false })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 2)
    expect(api.updateEvent).toHaveBeenCalledTimes(1)
  })

  it('saves the unsaved edits over it when asked', async () => {
    const { api, store, created, saved } = await openedThenChangedOutside('Mine')
    await store.getState().keepMine()
    expect(api.updateEvent).toHaveBeenLastCalledWith({ id: created.id, draft: { ...saved, label: 'Mine' } })
    expect(store.getState()).toMatchObject({ saveState: 'saved', changedOutside: false })
  })

  it('does not take its own save, told back while the save travels, for a change from outside', async () => {
    const api = fakeEventsApi()
    const store = createEventsStore(api, vi.fn())
    await store.getState().create(newCustomEventDraft([]))
    const applyNow = api.updateEvent.getMockImplementation()!
    api.updateEvent.mockImplementationOnce(async (input) => {
      const result = await applyNow(input)
      await new Promise((resolveLater) => setTimeout(resolveLater, 1_000))
      return result
    })
    store.getState().edit({ ...store.getState().draft!, label: 'Mine' })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    store.getState().edit({ ...store.getState().draft!, label: 'Mine, more' })
    await store.getState().load()
    expect(store.getState().changedOutside).toBe(false)
    await vi.advanceTimersByTimeAsync(1_000 + autosaveDelayMs)
    expect(api.updateEvent).toHaveBeenCalledTimes(2)
    expect(store.getState()).toMatchObject({ saveState: 'saved', draft: { label: 'Mine, more' } })
  })
})
