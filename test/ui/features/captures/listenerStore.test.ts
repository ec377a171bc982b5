import { describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../../shared/api/result'
import type { ListenerStatus } from '../../../../shared/model/listenerSettings'
import { createListenerStore } from '../../../../renderer/features/captures/listenerStore'

const listening: ListenerStatus = {
  state: 'listening',
  host: '127.0.0.1',
  port: 4890,
  url: 'http://127.0.0.1:4890/',
  message: null,
  warning: null
}
const off: ListenerStatus = {
  state: 'off',
  host: null,
  port: null,
  url: null,
  message: 'Listening is off for this project.',
  warning: null
}

/** An in-memory stand-in for the listener part of the api (our own interface). */
function fakeListenerApi(initial: ListenerStatus) {
  let status = initial
  return {
    getListenerStatus: vi.fn(async () => ok(status)),
    startListener: vi.fn(async () => ok((status = listening))),
    stopListener: vi.fn(async () => ok((status = off)))
  }
}

describe('the listener store', () => {
  it('keeps a status pushed while a load was on its way: the loaded one is older (a Save As)', async () => {
    const starting: ListenerStatus = { ...listening, state: 'starting', message: 'Starting listener…' }
    let answer: (status: ListenerStatus) => void = () => undefined
    const api = {
      ...fakeListenerApi(starting),
      getListenerStatus: vi.fn(
        () =>
          new Promise<ReturnType<typeof ok<ListenerStatus>>>((resolve) => (answer = (status) => resolve(ok(status))))
      )
    }
    const store = createListenerStore(api, vi.fn())
    const loading = store.getState().load()
    store.getState().receive(listening)
    answer(starting)
    await loading
    expect(store.getState().status).toEqual(listening)
  })

  it('loads the status main reports', async () => {
    const store = createListenerStore(fakeListenerApi(listening), vi.fn())
    expect(store.getState().status).toBeNull()
    await store.getState().load()
    expect(store.getState().status).toEqual(listening)
  })

  it('takes a pushed status as is', () => {
    const store = createListenerStore(fakeListenerApi(listening), vi.fn())
    store.getState().receive(off)
    expect(store.getState().status).toEqual(off)
  })

  it('stops a running listener and starts a stopped one', async () => {
    const api = fakeListenerApi(listening)
    const store = createListenerStore(api, vi.fn())
    await store.getState().load()
    await store.getState().toggle()
    expect(api.stopListener).toHaveBeenCalledOnce()
    expect(store.getState().status).toEqual(off)
    await store.getState().toggle()
    expect(api.startListener).toHaveBeenCalledOnce()
    expect(store.getState().status).toEqual(listening)
  })

  it('reports a refused start and keeps the last status', async () => {
    const api = fakeListenerApi(off)
    api.startListener.mockResolvedValueOnce(fail('read_only', 'Sample is open read-only: changes are not saved.'))
    const onError = vi.fn()
    const store = createListenerStore(api, onError)
    await store.getState().load()
    await store.getState().toggle()
    expect(onError).toHaveBeenCalledWith({
      code: 'read_only',
      message: 'Sample is open read-only: changes are not saved.'
    })
    expect(store.getState()).toMatchObject({ status: off, busy: false })
  })

  it('ignores a second click while the first is on its way', async () => {
    const api = fakeListenerApi(listening)
    const store = createListenerStore(api, vi.fn())
    await store.getState().load()
    await Promise.all([store.getState().toggle(), store.getState().toggle()])
    expect(api.stopListener).toHaveBeenCalledOnce()
  })
})
