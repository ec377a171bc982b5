import { describe, expect, it, vi } from 'vitest'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createListenerSettingsStore } from '../../../../renderer/features/listener/store'
import { fail, type Result } from '../../../../shared/api/result'
import { defaultRedaction } from '../../../../shared/model/listenerSettings'
import { fakeListenerSettingsApi } from './fakeListenerSettingsApi'

function storeOver(api: ReturnType<typeof fakeListenerSettingsApi>) {
  const answers = api as unknown as Record<string, (input: unknown) => Promise<Result<unknown>>>
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const errors: string[] = []
  const store = createListenerSettingsStore(createStudioApi(transport), (error) => errors.push(error.message))
  return { store, errors }
}

describe('the listener settings store', () => {
  it('saves two parts at once, each on its own, and drops a second save of a part already under way', async () => {
    const api = fakeListenerSettingsApi({ slugs: ['shop'] })
    const { store } = storeOver(api)
    await store.getState().load()
    const verification = store.getState().saveVerification('i0', { scheme: 'standard-webhooks', toleranceSeconds: 60 })
    const again = store.getState().saveVerification('i0', { scheme: 'none' })
    const redaction = store.getState().saveRedaction('i0', { ...defaultRedaction, enabled: true })
    expect(store.getState().saving).toEqual({ 'verification:i0': true, 'redaction:i0': true })
    await expect(Promise.all([verification, again, redaction])).resolves.toEqual([true, false, true])
    expect(store.getState().saving).toEqual({})
    const rules = store.getState().view?.integrations[0]
    expect(rules?.verification).toEqual({ scheme: 'standard-webhooks', toleranceSeconds: 60 })
    expect(rules?.redaction.enabled).toBe(true)
    expect(api.setIntegrationCaptureSettings).toHaveBeenCalledTimes(2)
  })

  it('keeps a refusal beside its part and reports any other failure', async () => {
    const api = fakeListenerSettingsApi({ slugs: ['shop'] })
    const { store, errors } = storeOver(api)
    await store.getState().load()
    await expect(store.getState().saveListener({ host: '10.0.0' })).resolves.toBe(false)
    expect(store.getState().refusals).toEqual({ listener: '10.0.0 is not an IP address: give one such as 127.0.0.1.' })
    expect(errors).toEqual([])
    await expect(store.getState().setSecret('gone', 'key')).resolves.toBe(false)
    expect(errors).toEqual(['There is no such integration.'])
    store.getState().clearRefusal('listener')
    expect(store.getState().refusals).toEqual({})
    expect(store.getState().view?.listener.host).toBe('127.0.0.1')
  })
})
