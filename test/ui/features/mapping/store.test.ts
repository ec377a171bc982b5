import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fail } from '../../../../shared/api/result'
import type { Mapping } from '../../../../shared/model/mapping'
import { autosaveDelayMs } from '../../../../renderer/app/autosave'
import { createMappingStore } from '../../../../renderer/features/mapping/store'
import { capture, fakeMappingApi } from './fakeMappingApi'

const cart = capture('c1', 'we', 'Added To Cart', { event_name: 'Added To Cart', user_id: '919663673779', price: 1299 })
const viewed = capture('c2', 'we', 'Promotion Viewed', { event_name: 'Promotion Viewed', user_id: '919880012345' })

const stored: Mapping = {
  id: 'm-cart',
  integrationId: 'we',
  eventId: 'e-cart',
  match: { kind: 'integration' },
  fanOut: null,
  rules: [{ target: 'customer', source: { kind: 'path', path: 'user_id', scope: 'item' }, transforms: [] }],
  createdAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z'
}

async function loadedStore(options: { sourceNames?: string[] } = {}) {
  // Newest first, as the studio lists them: the promotion came after the cart.
  const api = fakeMappingApi([stored], [viewed, cart])
  const onError = vi.fn()
  const store = createMappingStore(api, onError, () => options.sourceNames ?? [])
  await store.getState().load()
  return { api, onError, store }
}

describe('the mapping designer store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('selects a mapping with the newest capture it applies to under test, as editable text', async () => {
    const { store } = await loadedStore({ sourceNames: ['Added To Cart'] })
    await store.getState().select('m-cart')
    const state = store.getState()
    expect(state.draft?.rules.map((rule) => rule.target)).toEqual(['customer'])
    expect(state.captures.map((entry) => entry.id)).toEqual(['c2', 'c1'])
    // The schema is read from the payloads it applies to: the other source event's fields are not offered.
    expect(state.samplePayloads).toEqual([cart.parsed])
    expect(state.captureId).toBe('c1')
    expect(JSON.parse(state.payloadText)).toEqual(cart.parsed)
    expect(state.payloadText).toContain('\n  "user_id"')
  })

  it('takes the capture another screen asked for, and falls back to the newest', async () => {
    const { store } = await loadedStore()
    await store.getState().select('m-cart', { captureId: 'c1' })
    expect(store.getState().captureId).toBe('c1')
    await store.getState().select('m-cart')
    expect(store.getState().captureId).toBe('c2')
  })

  it('editing the payload under test never touches the stored capture', async () => {
    const { api, store } = await loadedStore()
    await store.getState().select('m-cart')
    store.getState().setPayloadText('{"event_name": "edited"}')
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 2)
    expect(store.getState().payloadText).toBe('{"event_name": "edited"}')
    expect(api.saveMapping).not.toHaveBeenCalled()
    const again = await api.getCapture({ id: 'c2' })
    expect(again.ok && again.value.bodyText).toBe(viewed.bodyText)
  })

  it('connects a field to an attribute (one rule per attribute), opens its rule and autosaves once', async () => {
    const { api, store } = await loadedStore()
    await store.getState().select('m-cart')
    store.getState().armField('price')
    store.getState().connect('price', 'productPrice')
    store.getState().connect('user_id', 'customer')
    expect(store.getState().armedField).toBeNull()
    expect(store.getState().selectedTarget).toBe('customer')
    expect(store.getState().draft?.rules.map((rule) => [rule.target, rule.source])).toEqual([
      ['customer', { kind: 'path', path: 'user_id', scope: 'item' }],
      ['productPrice', { kind: 'path', path: 'price', scope: 'item' }]
    ])
    expect(store.getState().saveState).toBe('pending')
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.saveMapping).toHaveBeenCalledTimes(1)
    expect(store.getState().saveState).toBe('saved')
    expect(store.getState().mappings[0]?.rules).toHaveLength(2)
  })

  it('says when a connection replaces the rule an attribute had, and that Undo puts it back', async () => {
    const api = fakeMappingApi([stored], [viewed, cart])
    const inform = vi.fn()
    const withdraw = vi.fn()
    const store = createMappingStore(api, vi.fn(), () => [], { inform, withdraw })
    await store.getState().load()
    await store.getState().select('m-cart')
    store.getState().connect('user_id', 'customer')
    store.getState().connect('price', 'productPrice')
    expect(inform).not.toHaveBeenCalled()
    store.getState().connect('event_name', 'customer')
    expect(inform).toHaveBeenCalledWith(
      'customer now reads event_name, instead of user_id: Undo puts it back.',
      'mapping:replaced-rule'
    )
    store.getState().undo()
    expect(withdraw).toHaveBeenCalledWith('mapping:replaced-rule')
    expect(store.getState().draft?.rules.find((rule) => rule.target === 'customer')?.source).toMatchObject({
      path: 'user_id'
    })
  })

  it('reads fields outside the fan-out list from the whole payload, and fields inside it from each item', async () => {
    const { store } = await loadedStore()
    await store.getState().select('m-cart')
    store.getState().edit({ ...store.getState().draft!, fanOut: { path: 'items' } }, 'scope:fanOut')
    store.getState().connect('items[*].sku', 'productSku')
    store.getState().connect('user_id', 'customer')
    const sources = store.getState().draft?.rules.map((rule) => rule.source)
    expect(sources).toEqual([
      { kind: 'path', path: 'user_id', scope: 'payload' },
      { kind: 'path', path: 'sku', scope: 'item' }
    ])
  })

  it('undoes and redoes every edit, coalescing typing in one option into one step', async () => {
    const { store } = await loadedStore()
    await store.getState().select('m-cart')
    const rule = store.getState().draft!.rules[0]!
    store.getState().setRule('customer', { ...rule, transforms: [{ kind: 'template', template: '9' }] }, 't/0')
    store.getState().setRule('customer', { ...rule, transforms: [{ kind: 'template', template: '91' }] }, 't/0')
    store.getState().setRule('customer', { ...rule, transforms: [{ kind: 'template', template: '91{}' }] }, 't/0')
    store.getState().disconnect('customer')
    expect(store.getState().draft?.rules).toEqual([])
    store.getState().undo()
    expect(store.getState().draft?.rules[0]?.transforms).toEqual([{ kind: 'template', template: '91{}' }])
    store.getState().undo()
    expect(store.getState().draft?.rules[0]?.transforms).toEqual([])
    expect(store.getState().canUndo).toBe(false)
    store.getState().redo()
    store.getState().redo()
    expect(store.getState().draft?.rules).toEqual([])
    expect(store.getState().canRedo).toBe(false)
  })

  it("accepts a suggestion as the attribute's rule (answering its other suggestions), rejects one, and undo takes it back", async () => {
    const { store } = await loadedStore()
    await store.getState().select('m-cart')
    const suggestion = (path: string, target: string) => ({
      path,
      score: 0.9,
      reasons: [],
      rule: { target, source: { kind: 'path' as const, path, scope: 'item' as const }, transforms: [] }
    })
    store
      .getState()
      .showSuggestions([
        suggestion('price', 'productPrice'),
        suggestion('cost', 'productPrice'),
        suggestion('city', 'city')
      ])
    store.getState().rejectSuggestion(suggestion('city', 'city'))
    expect(store.getState().suggestions?.map((entry) => entry.path)).toEqual(['price', 'cost'])
    store.getState().acceptSuggestion(suggestion('price', 'productPrice'))
    expect(store.getState().suggestions).toEqual([])
    expect(store.getState().draft?.rules.map((entry) => entry.target)).toEqual(['customer', 'productPrice'])
    store.getState().undo()
    expect(store.getState().draft?.rules.map((entry) => entry.target)).toEqual(['customer'])
  })

  it('puts a saved sample under test when the integration has no capture, and lets the user switch back', async () => {
    const sample = (id: string, integrationId: string | null, name: string, body: string, contentType: string) => ({
      id,
      name,
      origin: integrationId ? ('saved' as const) : ('shipped' as const),
      contentType,
      body,
      integrationId,
      createdAt: null
    })
    const api = fakeMappingApi(
      [{ ...stored, integrationId: 'quiet' }],
      [cart],
      [
        sample('s1', 'quiet', 'Form post', 'user_id=919663673779&price=12', 'application/x-www-form-urlencoded'),
        sample('s2', 'other', 'Not ours', '{}', 'application/json'),
        sample('s3', null, 'Shipped', '{"big": 12345678901234567890}', 'application/json')
      ]
    )
    const store = createMappingStore(api, vi.fn())
    await store.getState().load()
    await store.getState().select('m-cart')
    expect(store.getState().samples.map((entry) => entry.id)).toEqual(['s1', 's3'])
    expect(store.getState().sampleId).toBe('s1')
    expect(JSON.parse(store.getState().payloadText)).toEqual({ user_id: '919663673779', price: '12' })
    store.getState().chooseSample('s3')
    expect(store.getState().payloadText).toContain('12345678901234567890')
  })

  it('opens the mapping a capture from another screen is for, with that capture under test', async () => {
    const other: Mapping = { ...stored, id: 'm-view', eventId: 'e-view' }
    const api = fakeMappingApi([stored, other], [viewed, cart])
    const names: Record<string, string[]> = { 'm-cart': ['Added To Cart'], 'm-view': ['Promotion Viewed'] }
    const store = createMappingStore(api, vi.fn(), (mapping) => names[mapping.id] ?? [])
    await store.getState().load()
    await expect(store.getState().openCapture('c2')).resolves.toBe('opened')
    expect(store.getState().selectedId).toBe('m-view')
    expect(store.getState().captureId).toBe('c2')
    await expect(store.getState().openCapture('c1')).resolves.toBe('opened')
    expect(store.getState().selectedId).toBe('m-cart')
    expect(store.getState().captureWithoutMapping).toBeNull()
  })

  it('opens no mapping of the integration that reads other source events, and keeps the capture to say so', async () => {
    const order = capture('c3', 'we', 'order.completed', { type: 'order.completed' })
    const names: Record<string, string[]> = { 'm-cart': ['Added To Cart'] }
    const store = createMappingStore(fakeMappingApi([stored], [cart, order]), vi.fn(), (m) => names[m.id] ?? [])
    await store.getState().load()
    await expect(store.getState().openCapture('c3')).resolves.toBe('withoutMapping')
    expect(store.getState().selectedId).toBeNull()
    expect(store.getState().captureWithoutMapping).toMatchObject({
      captureId: 'c3',
      integrationId: 'we',
      sourceEvent: 'order.completed',
      otherMappings: 1
    })
  })

  it('opens a mapping whose condition only the engine can tell for a capture no mapping names', async () => {
    const byCondition: Mapping = { ...stored, id: 'm-any', match: { kind: 'expression', expression: 'true' } }
    const order = capture('c3', 'we', 'order.completed', { type: 'order.completed' })
    const names: Record<string, string[]> = { 'm-cart': ['Added To Cart'] }
    const api = fakeMappingApi([stored, byCondition], [cart, order])
    const store = createMappingStore(api, vi.fn(), (m) => names[m.id] ?? [])
    await store.getState().load()
    await expect(store.getState().openCapture('c3')).resolves.toBe('opened')
    expect(store.getState().selectedId).toBe('m-any')
    expect(store.getState().captureId).toBe('c3')
  })

  it('opens no other mapping for a capture whose integration has none, and keeps the capture to say so', async () => {
    const elsewhere: Mapping = { ...stored, id: 'm-shop', integrationId: 'shop' }
    const order = { ...capture('c9', 'orders', 'order_placed', { event_name: 'order_placed' }), path: '/hooks/orders' }
    const store = createMappingStore(fakeMappingApi([elsewhere], [order]), vi.fn())
    await store.getState().load()
    await store.getState().select('m-shop')
    await expect(store.getState().openCapture('c9')).resolves.toBe('withoutMapping')
    expect(store.getState().selectedId).toBeNull()
    expect(store.getState().payloadText).toBe('')
    expect(store.getState().captureWithoutMapping).toEqual({
      captureId: 'c9',
      integrationId: 'orders',
      sourceEvent: 'order_placed',
      path: '/hooks/orders',
      otherMappings: 0
    })
    await store.getState().select('m-shop')
    expect(store.getState().captureWithoutMapping).toBeNull()
  })

  it('keeps a capture that matched no integration to say so, rather than opening a mapping', async () => {
    const stray = {
      ...capture('c7', 'none', 'x', { a: 1 }),
      integrationId: null,
      sourceEvent: null,
      path: '/hooks/x',
      otherMappings: 0
    }
    const store = createMappingStore(fakeMappingApi([stored], [stray]), vi.fn())
    await store.getState().load()
    await expect(store.getState().openCapture('c7')).resolves.toBe('withoutMapping')
    expect(store.getState().selectedId).toBeNull()
    expect(store.getState().captureWithoutMapping).toEqual({
      captureId: 'c7',
      integrationId: null,
      sourceEvent: null,
      path: '/hooks/x',
      otherMappings: 0
    })
  })

  it('says a capture that cannot be read is unreadable, reporting why', async () => {
    const onError = vi.fn()
    const store = createMappingStore(fakeMappingApi([stored], []), onError)
    await store.getState().load()
    await expect(store.getState().openCapture('gone')).resolves.toBe('unreadable')
    expect(onError).toHaveBeenCalledWith({ code: 'not_found', message: 'That capture no longer exists.' })
    expect(store.getState().captureWithoutMapping).toBeNull()
  })

  it('creates a mapping with the capture it was made for under test', async () => {
    const { store } = await loadedStore()
    const created = await store.getState().create('we', 'e-view', { captureId: 'c1' })
    expect(store.getState().selectedId).toBe(created?.id)
    expect(store.getState().captureId).toBe('c1')
    expect(JSON.parse(store.getState().payloadText)).toEqual(cart.parsed)
  })

  it('creates a mapping for an integration and event with an empty spec, and selects it', async () => {
    const { store } = await loadedStore()
    const created = await store.getState().create('we', 'e-view')
    expect(created?.rules).toEqual([])
    expect(store.getState().selectedId).toBe(created?.id)
    expect(store.getState().draft).toEqual({ match: { kind: 'integration' }, fanOut: null, rules: [] })
  })

  it('keeps the edit when a save fails, says so, and saves it on the next flush', async () => {
    const { api, onError, store } = await loadedStore()
    await store.getState().select('m-cart')
    api.saveMapping.mockResolvedValueOnce(fail('read_only', 'The project is open read-only.'))
    store.getState().connect('price', 'productPrice')
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(store.getState().saveState).toBe('failed')
    expect(onError).toHaveBeenCalledWith({ code: 'read_only', message: 'The project is open read-only.' })
    await store.getState().flush()
    expect(store.getState().saveState).toBe('saved')
    expect(store.getState().mappings[0]?.rules).toHaveLength(2)
  })

  it('deletes the selected mapping and clears the selection', async () => {
    const { store } = await loadedStore()
    await store.getState().select('m-cart')
    await expect(store.getState().remove('m-cart')).resolves.toBe(true)
    expect(store.getState().selectedId).toBeNull()
    expect(store.getState().mappings).toEqual([])
  })
})

describe('the open mapping changed outside the designer (a bundle merged, another window)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const theirs = { match: stored.match, fanOut: { path: 'items' }, rules: stored.rules }

  /** The cart mapping open, then changed underneath (fan-out set by someone else), after `beforeChange`. */
  async function changedOutside(beforeChange: (store: Awaited<ReturnType<typeof loadedStore>>['store']) => void) {
    const opened = await loadedStore()
    await opened.store.getState().select('m-cart')
    beforeChange(opened.store)
    await opened.api.saveMapping({ integrationId: 'we', eventId: 'e-cart', spec: theirs })
    await opened.store.getState().load()
    return opened
  }

  it('shows the new version when nothing is unsaved', async () => {
    const { store } = await changedOutside(() => undefined)
    expect(store.getState().draft).toEqual(theirs)
    expect(store.getState()).toMatchObject({ saveState: 'saved', changedOutside: false, canUndo: false })
  })

  it("holds unsaved edits until the user chooses: the user's, saved over it when asked", async () => {
    const mine = { match: stored.match, fanOut: null, rules: [] }
    const { api, store } = await changedOutside((store) => store.getState().edit(mine, 'rules'))
    expect(store.getState().changedOutside).toBe(true)
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 3)
    expect(api.saveMapping).toHaveBeenCalledTimes(1)
    await store.getState().keepMine()
    expect(api.saveMapping).toHaveBeenLastCalledWith(expect.objectContaining({ spec: mine }))
    expect(store.getState()).toMatchObject({ saveState: 'saved', changedOutside: false })
  })

  it('takes the saved version when asked, dropping the unsaved edits', async () => {
    const { api, store } = await changedOutside((store) =>
      store.getState().edit({ match: stored.match, fanOut: null, rules: [] }, 'rules')
    )
    store.getState().takeSaved()
    expect(store.getState().draft).toEqual(theirs)
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 2)
    expect(api.saveMapping).toHaveBeenCalledTimes(1)
  })
})
