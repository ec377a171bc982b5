import { describe, expect, it, vi, type Mock } from 'vitest'
import { canUndoDelete, createCapturesStore, pageSize } from '../../../../renderer/features/captures/store'
import { fail, ok } from '../../../../shared/api/result'
import { bookingReplay, fakeCapturesApi, summary } from './fakeCapturesApi'

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => summary(from + index))

function storeWith(count: number) {
  const api = fakeCapturesApi(range(1, count))
  const onError = vi.fn()
  return { api, onError, store: createCapturesStore(api, onError) }
}

/** Holds `call`'s next answer back until the returned function lets it go, as a slow main would. */
function holdNextAnswer<Input, Answer>(call: Mock<(input: Input) => Promise<Answer>>): () => void {
  const answer = call.getMockImplementation()!
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  call.mockImplementationOnce(async (input) => {
    const answered = await answer(input)
    await released
    return answered
  })
  return release
}

describe('the capture inbox store', () => {
  it('loads the newest page first, and the next page by its cursor', async () => {
    const { store, api } = storeWith(pageSize + 50)
    await store.getState().load()
    expect(store.getState().items).toHaveLength(pageSize)
    expect(store.getState().items[0]?.id).toBe(String(pageSize + 50))
    await store.getState().loadMore()
    expect(store.getState().items).toHaveLength(pageSize + 50)
    expect(store.getState().nextCursor).toBeNull()
    expect(api.listCaptures).toHaveBeenLastCalledWith({ limit: pageSize, cursor: '51' })
  })

  it('lets go of a filter on an integration deleted meanwhile, which would hide every capture', async () => {
    const { store, api } = storeWith(3)
    await store.getState().setFilter({ integrationId: 'i-booking', statuses: ['ok'] })
    await store.getState().keepFilterOn(['i-booking', 'i-shop'])
    expect(store.getState().filter.integrationId).toBe('i-booking')
    await store.getState().keepFilterOn(['i-shop'])
    expect(store.getState().filter).toMatchObject({ integrationId: undefined, statuses: ['ok'] })
    expect(api.listCaptures).toHaveBeenLastCalledWith({ limit: pageSize, statuses: ['ok'] })
  })

  it('asks main again with the filter as a keyset query', async () => {
    const { store, api } = storeWith(3)
    await store.getState().setFilter({ integrationId: 'i-booking', statuses: ['ok'], search: ' be_res ' })
    expect(api.listCaptures).toHaveBeenLastCalledWith({
      limit: pageSize,
      integrationId: 'i-booking',
      statuses: ['ok'],
      search: 'be_res'
    })
    await store.getState().clearFilter()
    expect(api.listCaptures).toHaveBeenLastCalledWith({ limit: pageSize })
    expect(store.getState().filterResets).toBe(1)
  })

  it('merges a batch of live captures at the top, once each, keeping only those the filter keeps', async () => {
    const { store } = storeWith(2)
    await store.getState().setFilter({ integrationId: 'i-booking' })
    store.getState().receive({
      count: 3,
      captures: [summary(5), summary(4, { integrationId: 'i-other', integration: 'other' }), summary(3)]
    })
    store.getState().receive({ count: 1, captures: [summary(5)] })
    expect(store.getState().items.map((item) => item.id)).toEqual(['5', '3', '2', '1'])
  })

  it('reads the first page again when a batch carries fewer captures than arrived', async () => {
    const { store, api } = storeWith(2)
    await store.getState().load()
    api.add(summary(3))
    api.add(summary(4))
    store.getState().receive({ count: 2, captures: [summary(4)] })
    await vi.waitFor(() => expect(store.getState().items.map((item) => item.id)).toEqual(['4', '3', '2', '1']))
  })

  it('counts arrivals it cannot place while a search is on, and shows them when asked', async () => {
    const { store, api } = storeWith(2)
    await store.getState().setFilter({ search: 'be_reserved' })
    api.add(summary(3))
    store.getState().receive({ count: 1, captures: [summary(3)] })
    expect(store.getState().waiting).toBe(1)
    expect(store.getState().items).toHaveLength(2)
    await store.getState().load()
    expect(store.getState()).toMatchObject({ waiting: 0 })
    expect(store.getState().items).toHaveLength(3)
  })

  it('selects a capture, reads it in full, and moves the selection with the keys', async () => {
    const { store } = storeWith(3)
    await store.getState().load()
    await store.getState().select('3')
    expect(store.getState().detail?.decoded.text).toBe('{\n  "n": 3\n}')
    await store.getState().moveSelection(1)
    expect(store.getState()).toMatchObject({ selectedId: '2', detailStatus: 'ready' })
    await store.getState().moveSelection(10)
    expect(store.getState().selectedId).toBe('1')
  })

  describe('when the filter changes, the detail follows the list', () => {
    const hotels = () => [
      summary(5, { sourceEvent: 'Taj Palace' }),
      summary(8, { sourceEvent: 'unmatched thing' }),
      summary(12, { sourceEvent: 'Taj Lands End' })
    ]

    it('lets go of a selected capture the search now hides, opening nothing by itself', async () => {
      const store = createCapturesStore(fakeCapturesApi(hotels()), vi.fn())
      await store.getState().load()
      await store.getState().select('8')
      await store.getState().setFilter({ search: 'Taj' })
      expect(store.getState().items.map((item) => item.id)).toEqual(['12', '5'])
      expect(store.getState()).toMatchObject({ selectedId: null, detail: null, detailStatus: 'idle' })
    })

    it('keeps a selected capture the search still lists', async () => {
      const store = createCapturesStore(fakeCapturesApi(hotels()), vi.fn())
      await store.getState().load()
      await store.getState().select('5')
      await store.getState().setFilter({ search: 'Taj' })
      expect(store.getState()).toMatchObject({ selectedId: '5', detail: { id: '5' } })
      await store.getState().clearFilter()
      expect(store.getState()).toMatchObject({ selectedId: '5', detail: { id: '5' } })
    })

    it('keeps a selection older than the first page when main says the filter keeps it', async () => {
      const { store, api } = storeWith(pageSize + 50)
      await store.getState().load()
      await store.getState().select('10')
      await store.getState().setFilter({ integrationId: 'i-booking' })
      expect(api.listCaptures).toHaveBeenLastCalledWith({ limit: 1, cursor: '11', integrationId: 'i-booking' })
      expect(store.getState()).toMatchObject({ selectedId: '10', detail: { id: '10' } })
    })

    it('lets go of a selection older than the first page that the filter hides', async () => {
      const captures = range(1, pageSize + 50).map((capture) =>
        capture.id === '10' ? { ...capture, integrationId: 'i-other', integration: 'other' } : capture
      )
      const store = createCapturesStore(fakeCapturesApi(captures), vi.fn())
      await store.getState().load()
      await store.getState().select('10')
      await store.getState().setFilter({ integrationId: 'i-booking' })
      expect(store.getState()).toMatchObject({ selectedId: null, detail: null })
    })
  })

  it('reads the whole body of the selected capture only when asked (curl, edit)', async () => {
    const { store, api } = storeWith(2)
    await store.getState().select('2')
    expect(api.getCapture).not.toHaveBeenCalled()
    await expect(store.getState().fullBody()).resolves.toMatchObject({ id: '2', bodyText: '{"n":2}' })
  })

  it('says when the selected capture no longer exists', async () => {
    const { store } = storeWith(1)
    await store.getState().select('99')
    expect(store.getState()).toMatchObject({ detail: null, detailStatus: 'missing' })
  })

  it('deletes the selected capture, selects the next, and undo brings it back', async () => {
    const { store, api } = storeWith(3)
    await store.getState().load()
    await store.getState().select('2')
    await store.getState().discard(['2'])
    expect(api.discardCaptures).toHaveBeenCalledWith({ ids: ['2'] })
    expect(store.getState().items.map((item) => item.id)).toEqual(['3', '1'])
    expect(store.getState()).toMatchObject({ selectedId: '1', lastDeletion: { undoId: 'undo-1', count: 1 } })
    await store.getState().undoDelete()
    expect(api.restoreCaptures).toHaveBeenCalledWith({ undoId: 'undo-1' })
    expect(store.getState().items.map((item) => item.id)).toEqual(['3', '2', '1'])
    expect(store.getState().lastDeletion).toBeNull()
  })

  it('moves to the newest and the oldest loaded capture (Home, End)', async () => {
    const { store } = storeWith(3)
    await store.getState().load()
    await store.getState().select('2')
    await store.getState().moveSelection(Infinity)
    expect(store.getState().selectedId).toBe('1')
    await store.getState().moveSelection(-Infinity)
    expect(store.getState().selectedId).toBe('3')
  })

  it('deletes the next capture on a second Delete pressed before the first is answered', async () => {
    const { store, api } = storeWith(3)
    await store.getState().load()
    await store.getState().select('3')
    const first = store.getState().discard([store.getState().selectedId!])
    const second = store.getState().discard([store.getState().selectedId!])
    await Promise.all([first, second])
    expect(api.discardCaptures.mock.calls.map(([selection]) => selection)).toEqual([{ ids: ['3'] }, { ids: ['2'] }])
    expect(store.getState().items.map((item) => item.id)).toEqual(['1'])
    expect(store.getState().selectedId).toBe('1')
  })

  it('puts the list back as it is stored when main refuses a delete', async () => {
    const { store, api, onError } = storeWith(2)
    await store.getState().load()
    api.discardCaptures.mockResolvedValueOnce(fail('read_only', 'The project is open read-only.'))
    await store.getState().discard(['2'])
    expect(onError).toHaveBeenCalledWith({ code: 'read_only', message: 'The project is open read-only.' })
    expect(store.getState().items.map((item) => item.id)).toEqual(['2', '1'])
    expect(store.getState().lastDeletion).toBeNull()
  })

  it('takes back deletes in turn, newest first, as an editor undoes', async () => {
    const { store, api } = storeWith(3)
    await store.getState().load()
    await store.getState().discard(['3'])
    await store.getState().discard(['2'])
    expect(store.getState().items.map((item) => item.id)).toEqual(['1'])
    await store.getState().undoDelete()
    expect(api.restoreCaptures).toHaveBeenLastCalledWith({ undoId: 'undo-2' })
    expect(store.getState().items.map((item) => item.id)).toEqual(['2', '1'])
    await store.getState().undoDelete()
    expect(api.restoreCaptures).toHaveBeenLastCalledWith({ undoId: 'undo-1' })
    expect(store.getState().items.map((item) => item.id)).toEqual(['3', '2', '1'])
    expect(store.getState().lastDeletion).toBeNull()
  })

  it('takes back a delete main has not answered yet when Undo is pressed, the newest first', async () => {
    const { store, api } = storeWith(3)
    await store.getState().load()
    await store.getState().discard(['3'])
    const releaseDelete = holdNextAnswer(api.discardCaptures)
    const deleting = store.getState().discard(['2'])
    expect(canUndoDelete(store.getState())).toBe(true)
    const undoing = [store.getState().undoDelete(), store.getState().undoDelete()]
    releaseDelete()
    await Promise.all([deleting, ...undoing])
    expect(api.restoreCaptures.mock.calls.map(([input]) => input.undoId)).toEqual(['undo-2', 'undo-1'])
    expect(store.getState().items.map((item) => item.id)).toEqual(['3', '2', '1'])
    expect(canUndoDelete(store.getState())).toBe(false)
  })

  it('keeps a delete answered while an undo is on its way undoable', async () => {
    const { store, api } = storeWith(3)
    await store.getState().load()
    await store.getState().discard(['3'])
    const releaseRestore = holdNextAnswer(api.restoreCaptures)
    const undoing = store.getState().undoDelete()
    await vi.waitFor(() => expect(api.restoreCaptures).toHaveBeenCalledTimes(1))
    await store.getState().discard(['2'])
    releaseRestore()
    await undoing
    expect(store.getState().lastDeletion).toEqual({ undoId: 'undo-2', count: 1 })
    await store.getState().undoDelete()
    expect(store.getState().items.map((item) => item.id)).toEqual(['3', '2', '1'])
  })

  it('reports an undo that came too late', async () => {
    const { store, api, onError } = storeWith(1)
    await store.getState().load()
    await store.getState().discard(['1'])
    api.restoreCaptures.mockResolvedValueOnce({ ok: false, error: { code: 'not_found', message: 'Too late.' } })
    await store.getState().undoDelete()
    expect(onError).toHaveBeenCalledWith({ code: 'not_found', message: 'Too late.' })
  })

  it('replays and re-sends the selected capture, with an edited body when given', async () => {
    const { store, api } = storeWith(2)
    await store.getState().select('2')
    await store.getState().replaySelected('{"edited":true}')
    expect(api.replayCapture).toHaveBeenCalledWith({ id: '2', body: '{"edited":true}' })
    expect(store.getState().replay).toMatchObject({ captureId: '2' })
    await store.getState().resendSelected('resigned')
    expect(api.resendCapture).toHaveBeenCalledWith({ id: '2', mode: 'resigned' })
    expect(store.getState().reply).toMatchObject({ status: 200, note: 'resigned' })
  })

  it('sends a replayed capture’s outputs through the relay again, by their outbox ids', async () => {
    const { store, api } = storeWith(2)
    await store.getState().select('2')
    await expect(store.getState().replayThroughRelay()).resolves.toBeNull()
    api.replayCapture.mockResolvedValueOnce(
      ok(
        bookingReplay('2', {
          valid: true,
          outputs: [
            { payload: { event_name: 'be_reserved' }, valid: true },
            { payload: { event_name: 'be_reserved' }, valid: true }
          ],
          diagnostics: []
        })
      )
    )
    await store.getState().replaySelected()
    await expect(store.getState().replayThroughRelay()).resolves.toBe(2)
    expect(api.replayDeliveries).toHaveBeenCalledWith({ ids: ['2:0', '2:1'] })
  })

  it('saves the selected capture as a named sample', async () => {
    const { store, api } = storeWith(1)
    await store.getState().select('1')
    await expect(store.getState().saveSample('First booking')).resolves.toBe(true)
    expect(api.saveCaptureAsSample).toHaveBeenCalledWith({ captureId: '1', name: 'First booking' })
    expect(store.getState().samples.map((sample) => sample.name)).toEqual(['First booking'])
  })

  it('reads the shape again when captures of its integration arrive', async () => {
    const { store, api } = storeWith(1)
    await store.getState().load()
    await store.getState().loadShape('i-booking')
    store.getState().receive({ count: 1, captures: [summary(2)] })
    await vi.waitFor(() => expect(api.getCaptureShape).toHaveBeenCalledTimes(2))
    expect(store.getState().shape?.captureCount).toBe(1)
  })

  it('starts a fresh inbox for another project', async () => {
    const { store } = storeWith(2)
    await store.getState().show('/a.capmap')
    await store.getState().select('2')
    await store.getState().show('/b.capmap')
    expect(store.getState()).toMatchObject({ selectedId: null, detail: null, projectPath: '/b.capmap' })
  })
})
