import { describe, expect, it, vi } from 'vitest'
import { createConnectionProfilesStore, visibleProblems } from '../../../../renderer/features/settings/store'
import { fakeProfilesApi, profile } from './fakeProfilesApi'

const setup = (options: Parameters<typeof fakeProfilesApi>[0] = {}) => {
  const api = fakeProfilesApi(options)
  const onError = vi.fn()
  const store = createConnectionProfilesStore(api as never, onError)
  return { api, onError, store }
}

describe('the connection profiles store', () => {
  it('loads the profiles and the local sandbox state', async () => {
    const { store } = setup({ profiles: [profile('a')], offer: true })
    await store.getState().load()
    expect(store.getState()).toMatchObject({ loaded: true, profiles: [{ id: 'a' }], sandbox: { offer: true } })
  })

  it('shows a problem only for fields edited, then all of them after a save attempt', async () => {
    const { store, api } = setup()
    store.getState().openNew()
    store.getState().edit({ name: 'Brand' })
    const form = () => store.getState().form!
    expect(visibleProblems(form(), [])).toEqual({})
    store.getState().edit({ orgId: 'x' })
    expect(Object.keys(visibleProblems(form(), []))).toEqual(['orgId'])
    await expect(store.getState().save()).resolves.toBeNull()
    expect(form().submitted).toBe(true)
    expect(Object.keys(visibleProblems(form(), []))).toEqual(['orgId', 'tillCode'])
    expect(api.saveConnectionProfile).not.toHaveBeenCalled()
  })

  it('sends the typed secret once, then forgets it with the form', async () => {
    const { store, api } = setup()
    store.getState().openNew()
    store.getState().edit({ name: 'Brand', orgId: '100737', tillCode: 'store123.till' })
    store.getState().editSecret('Pa55-word')
    const saved = await store.getState().save()
    expect(saved?.secret).toBe('session')
    expect(api.saveConnectionProfile).toHaveBeenCalledWith(expect.objectContaining({ secret: 'Pa55-word' }))
    expect(store.getState().form).toBeNull()
    expect(JSON.stringify(store.getState())).not.toContain('Pa55-word')
  })

  it('keeps the secret when editing without typing a new one', async () => {
    const { store, api } = setup({ profiles: [profile('a')] })
    await store.getState().load()
    store.getState().openEdit('a')
    store.getState().edit({ orgId: '42' })
    await store.getState().save()
    expect(api.saveConnectionProfile).toHaveBeenCalledWith({ id: 'a', draft: expect.objectContaining({ orgId: '42' }) })
  })

  it('shows main’s refusal in the form', async () => {
    const { store, api } = setup()
    api.saveConnectionProfile.mockResolvedValueOnce({
      ok: false,
      error: { code: 'file_error', message: 'The profiles file cannot be read.' }
    })
    store.getState().openNew()
    store.getState().edit({ name: 'Brand', orgId: '1', tillCode: 't' })
    await store.getState().save()
    expect(store.getState().form?.refusal).toBe('The profiles file cannot be read.')
  })

  it('keeps each profile’s last verdict, and drops it when the profile changes', async () => {
    const { store } = setup({ profiles: [profile('a')] })
    await store.getState().load()
    const verdict = await store.getState().test('a')
    expect(store.getState().verdicts.a).toEqual(verdict)
    store.getState().openEdit('a')
    await store.getState().save()
    expect(store.getState().verdicts.a).toBeUndefined()
  })

  it('starts the local sandbox and lists the profile made for it', async () => {
    const { store } = setup({ offer: true })
    await store.getState().load()
    await store.getState().startSandbox()
    expect(store.getState().sandbox).toMatchObject({ running: true, offer: false })
    expect(store.getState().profiles.map((candidate) => candidate.name)).toEqual(['Local sandbox'])
  })
})
