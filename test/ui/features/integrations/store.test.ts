import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../../shared/api/result'
import type { Integration } from '../../../../shared/model/integration'
import { newIntegrationDraft } from '../../../../renderer/features/integrations/newIntegrationDraft'
import { autosaveDelayMs } from '../../../../renderer/app/autosave'
import { createIntegrationsStore } from '../../../../renderer/features/integrations/store'
import { fakeIntegrationsApi, integration } from './fakeIntegrationsApi'

const webEngage = integration('we', { name: 'WebEngage storefront', slug: 'webengage' })
const booking = integration('bk', { name: 'Hotel booking app', slug: 'booking-app', kind: 'custom' })

async function loadedStore(initial: Integration[] = [webEngage, booking]) {
  const api = fakeIntegrationsApi(initial)
  const onError = vi.fn()
  const withdraw = vi.fn()
  const store = createIntegrationsStore(api, onError, withdraw)
  await store.getState().load()
  return { api, onError, withdraw, store }
}

describe('the integrations store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('loads the integrations sorted by name, and the webhook settings of both transformers', async () => {
    const { store } = await loadedStore()
    expect(store.getState().loaded).toBe(true)
    expect(store.getState().integrations.map((item) => item.name)).toEqual([
      'Hotel booking app',
      'WebEngage storefront'
    ])
    expect(store.getState().webhooks.map((settings) => settings.transformer)).toEqual([
      'webEngageTransformer',
      'defaultTransformer'
    ])
  })

  it('reports a failed load, but not the absence of a project', async () => {
    const { api, onError, store } = await loadedStore()
    api.listIntegrations.mockResolvedValueOnce(fail('no_project', 'Open a project first.'))
    await store.getState().load()
    expect(onError).not.toHaveBeenCalled()
    expect(store.getState().integrations).toEqual([])
    api.listIntegrations.mockResolvedValueOnce(fail('internal', 'The project file could not be read.'))
    await store.getState().load()
    expect(onError).toHaveBeenCalledWith({ code: 'internal', message: 'The project file could not be read.' })
  })

  it('selects a newly created integration, whose slug follows its name', async () => {
    const { store } = await loadedStore()
    const created = await store.getState().create(newIntegrationDraft(store.getState().integrations))
    expect(store.getState().selectedId).toBe(created?.id)
    expect(store.getState().draft).toMatchObject({ name: 'New integration', slug: 'new-integration' })
    expect(store.getState().isNew).toBe(true)
    store.getState().edit({ name: 'WebEngage (EU)' })
    expect(store.getState().draft?.slug).toBe('webengage-eu')
  })

  it('suggests a slug no other integration uses', async () => {
    const { store } = await loadedStore()
    await store.getState().create(newIntegrationDraft(store.getState().integrations))
    store.getState().edit({ name: 'WebEngage' })
    expect(store.getState().draft?.slug).toBe('webengage-2')
  })

  it('keeps the slug of an integration once its slug is edited by hand', async () => {
    const { store } = await loadedStore()
    await store.getState().create(newIntegrationDraft(store.getState().integrations))
    store.getState().edit({ slug: 'storefront-eu' })
    store.getState().edit({ name: 'Storefront (EU)' })
    expect(store.getState().draft?.slug).toBe('storefront-eu')
  })

  it('keeps the slug of an existing integration when it is renamed', async () => {
    const { store } = await loadedStore()
    await store.getState().select(webEngage.id)
    store.getState().edit({ name: 'WebEngage (EU)' })
    expect(store.getState().draft?.slug).toBe('webengage')
    expect(store.getState().isNew).toBe(false)
  })

  it('saves a pending edit when showing the webhooks, and keeps the new integration as it was on coming back', async () => {
    const { api, store } = await loadedStore()
    const created = await store.getState().create(newIntegrationDraft(store.getState().integrations))
    store.getState().edit({ name: 'Storefront' })
    await store.getState().showWebhooks()
    expect(store.getState().panel).toBe('webhooks')
    expect(api.updateIntegration).toHaveBeenCalledTimes(1)
    await store.getState().select(created!.id)
    expect(store.getState().panel).toBe('integration')
    expect(store.getState().isNew).toBe(true)
    store.getState().edit({ name: 'Storefront EU' })
    expect(store.getState().draft?.slug).toBe('storefront-eu')
  })

  it('coalesces quick edits into one save after the autosave delay', async () => {
    const { api, store } = await loadedStore()
    await store.getState().select(webEngage.id)
    store.getState().edit({ eventNameField: 'e' })
    store.getState().edit({ eventNameField: 'ev' })
    store.getState().edit({ eventNameField: 'event' })
    expect(store.getState().saveState).toBe('pending')
    await vi.advanceTimersByTimeAsync(autosaveDelayMs - 1)
    expect(api.updateIntegration).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(api.updateIntegration).toHaveBeenCalledTimes(1)
    expect(api.updateIntegration.mock.calls[0]?.[0]).toMatchObject({ id: 'we', draft: { eventNameField: 'event' } })
    expect(store.getState().saveState).toBe('saved')
    expect(store.getState().integrations.find((item) => item.id === 'we')?.eventNameField).toBe('event')
  })

  it('does not send a draft that breaks a rule, and saves it once fixed', async () => {
    const { api, store } = await loadedStore()
    await store.getState().select(webEngage.id)
    store.getState().edit({ slug: 'booking-app' })
    expect(store.getState().saveState).toBe('invalid')
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 2)
    expect(api.updateIntegration).not.toHaveBeenCalled()
    store.getState().edit({ slug: 'webengage-eu' })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.updateIntegration).toHaveBeenCalledTimes(1)
    expect(store.getState().integrations.find((item) => item.id === 'we')?.slug).toBe('webengage-eu')
  })

  it('saves a pending edit before switching to another integration', async () => {
    const { api, store } = await loadedStore()
    await store.getState().select(webEngage.id)
    store.getState().edit({ eventNameMap: [{ sourceName: 'Product Viewed', eventName: 'ProductViewed' }] })
    await store.getState().select(booking.id)
    expect(api.updateIntegration).toHaveBeenCalledWith(expect.objectContaining({ id: webEngage.id }))
    expect(store.getState().integrations.find((item) => item.id === 'we')?.eventNameMap).toEqual([
      { sourceName: 'Product Viewed', eventName: 'ProductViewed' }
    ])
    expect(store.getState().draft?.name).toBe('Hotel booking app')
  })

  it('keeps changes that break a rule when the user switches away, says so, and gives them back', async () => {
    const { api, onError, withdraw, store } = await loadedStore()
    await store.getState().select(webEngage.id)
    store.getState().edit({ name: '' })
    store.getState().edit({ eventNameField: 'name' })
    await store.getState().select(booking.id)
    expect(api.updateIntegration).not.toHaveBeenCalled()
    expect(onError).toHaveBeenCalledWith({
      code: 'invalid_input',
      key: `kept-draft:${webEngage.id}`,
      message: `Your changes to ${webEngage.name} are kept but not saved: Give the integration a name. Open ${webEngage.name} to fix them.`
    })
    expect(withdraw).not.toHaveBeenCalled()
    // The status bar counts it from here.
    expect(store.getState().keptDrafts).toEqual([{ id: webEngage.id, name: webEngage.name }])
    await store.getState().select(webEngage.id)
    expect(withdraw).toHaveBeenCalledWith(`kept-draft:${webEngage.id}`)
    expect(store.getState().keptDrafts).toEqual([])
    expect(store.getState().draft).toMatchObject({ name: '', eventNameField: 'name' })
    expect(store.getState().saveState).toBe('invalid')
  })

  it('reports a failed save and keeps the edit to retry', async () => {
    const { api, onError, store } = await loadedStore()
    await store.getState().select(webEngage.id)
    api.updateIntegration.mockResolvedValueOnce(fail('read_only', 'This project is open read-only.'))
    store.getState().edit({ eventNameField: 'name' })
    await store.getState().flush()
    expect(store.getState().saveState).toBe('failed')
    expect(onError).toHaveBeenCalledWith({ code: 'read_only', message: 'This project is open read-only.' })
    expect(store.getState().draft?.eventNameField).toBe('name')
    await store.getState().flush()
    expect(store.getState().saveState).toBe('saved')
  })

  it('reports a refused creation and keeps the selection', async () => {
    const { api, onError, store } = await loadedStore()
    await store.getState().select(booking.id)
    api.createIntegration.mockResolvedValueOnce(fail('read_only', 'This project is open read-only.'))
    const created = await store.getState().create(newIntegrationDraft(store.getState().integrations))
    expect(created).toBeNull()
    expect(onError).toHaveBeenCalledWith({ code: 'read_only', message: 'This project is open read-only.' })
    expect(store.getState().selectedId).toBe(booking.id)
  })

  it('keeps its own newer state when a list that left main before a write arrives after it', async () => {
    const { api, store } = await loadedStore([])
    let answerList: (value: Awaited<ReturnType<typeof api.listIntegrations>>) => void = () => undefined
    api.listIntegrations.mockImplementationOnce(() => new Promise((resolve) => (answerList = resolve)))
    const loading = store.getState().load()
    const created = await store.getState().create(newIntegrationDraft([]))
    answerList(ok([]))
    await loading
    expect(store.getState().selectedId).toBe(created?.id)
    expect(store.getState().integrations).toHaveLength(1)
  })

  it('deletes an integration, forgets its selection and does not save its pending edits', async () => {
    const { api, store } = await loadedStore()
    await store.getState().select(webEngage.id)
    store.getState().edit({ name: 'Renamed' })
    expect(await store.getState().remove(webEngage.id)).toBe(true)
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.updateIntegration).not.toHaveBeenCalled()
    expect(store.getState().selectedId).toBeNull()
    expect(store.getState().integrations.map((item) => item.id)).toEqual([booking.id])
  })

  it('reports a refused deletion and keeps the integration', async () => {
    const { api, onError, store } = await loadedStore()
    api.deleteIntegration.mockResolvedValueOnce(fail('not_found', 'That integration no longer exists.'))
    expect(await store.getState().remove(booking.id)).toBe(false)
    expect(onError).toHaveBeenCalledWith({ code: 'not_found', message: 'That integration no longer exists.' })
    expect(store.getState().integrations).toHaveLength(2)
  })

  it("autosaves a webhook's settings once typing pauses", async () => {
    const { api, store } = await loadedStore()
    const settings = store.getState().webhooks[0]!
    store.getState().editWebhook({ ...settings, tillCode: 'demo' })
    store.getState().editWebhook({ ...settings, tillCode: 'demo.till1' })
    expect(store.getState().webhookSaveStates.webEngageTransformer).toBe('pending')
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.saveWebhookSettings).toHaveBeenCalledTimes(1)
    expect(api.saveWebhookSettings.mock.calls[0]?.[0].settings.tillCode).toBe('demo.till1')
    expect(store.getState().webhooks[0]?.tillCode).toBe('demo.till1')
    expect(store.getState().webhookDrafts.webEngageTransformer).toBeUndefined()
    expect(store.getState().webhookSaveStates.webEngageTransformer).toBe('saved')
  })

  it('shows why the uniqueness check cannot be turned off, and keeps it on', async () => {
    const { onError, store } = await loadedStore()
    const settings = store.getState().webhooks[1]!
    store.getState().editWebhook({ ...settings, uniquenessCheckEnabled: true })
    await store.getState().flushWebhooks()
    store.getState().editWebhook({ ...settings, uniquenessCheckEnabled: false })
    await store.getState().flushWebhooks()
    const message = 'The uniqueness check cannot be turned off once enabled: Capillary makes it irreversible.'
    expect(onError).toHaveBeenCalledWith({ code: 'conflict', message })
    expect(store.getState().webhookErrors.defaultTransformer).toBe(message)
    expect(store.getState().webhookDrafts.defaultTransformer).toBeUndefined()
    expect(store.getState().webhooks[1]?.uniquenessCheckEnabled).toBe(true)
  })

  it('undoes and redoes edits of the selected integration, and autosaves the restored draft', async () => {
    const { api, store } = await loadedStore()
    await store.getState().select('we')
    store.getState().edit({ name: 'WebEngage EU' })
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    store.getState().edit({ eventNameField: 'eventName' })
    store.getState().undo()
    expect(store.getState().draft?.eventNameField).toBe('event_name')
    store.getState().undo()
    expect(store.getState().draft?.name).toBe('WebEngage storefront')
    expect(store.getState().canUndo).toBe(false)
    store.getState().redo()
    expect(store.getState().draft?.name).toBe('WebEngage EU')
    await vi.advanceTimersByTimeAsync(autosaveDelayMs)
    expect(api.updateIntegration).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: 'we', draft: store.getState().draft })
    )
  })
})

describe('the open integration changed outside its editor (a bundle merged, another window)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  /** WebEngage open, then renamed underneath, after `beforeChange`. */
  async function changedOutside(beforeChange: (store: Awaited<ReturnType<typeof loadedStore>>['store']) => void) {
    const opened = await loadedStore()
    await opened.store.getState().select('we')
    beforeChange(opened.store)
    const saved = opened.store.getState().original!
    await opened.api.updateIntegration({ id: 'we', draft: { ...saved, name: 'Theirs' } })
    await opened.store.getState().load()
    return opened
  }

  it('shows the new version when nothing is unsaved', async () => {
    const { store } = await changedOutside(() => undefined)
    expect(store.getState().draft?.name).toBe('Theirs')
    expect(store.getState()).toMatchObject({ saveState: 'saved', changedOutside: false })
  })

  it("holds unsaved edits until the user chooses: the user's, saved over it when asked", async () => {
    const { api, store } = await changedOutside((store) => store.getState().edit({ eventNameField: 'mine_field' }))
    expect(store.getState().changedOutside).toBe(true)
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 3)
    expect(api.updateIntegration).toHaveBeenCalledTimes(1)
    await store.getState().keepMine()
    expect(api.updateIntegration).toHaveBeenLastCalledWith({
      id: 'we',
      draft: expect.objectContaining({ name: 'WebEngage storefront', eventNameField: 'mine_field' })
    })
  })

  it('takes the saved version when asked, dropping the unsaved edits', async () => {
    const { api, store } = await changedOutside((store) => store.getState().edit({ eventNameField: 'mine_field' }))
    store.getState().takeSaved()
    expect(store.getState().draft).toMatchObject({ name: 'Theirs' })
    expect(store.getState().draft?.eventNameField).not.toBe('mine_field')
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 2)
    expect(api.updateIntegration).toHaveBeenCalledTimes(1)
  })
})
