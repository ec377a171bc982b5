import { describe, expect, it } from 'vitest'
import { EnvironmentSecretStore } from '../../../../main/secrets/EnvironmentSecretStore'
import { signingSecretName } from '../../../../main/secrets/SecretStore'

const shop = signingSecretName('shop-eu')

describe('EnvironmentSecretStore', () => {
  it('reads a signing key from CAPMAP_SIGNING_SECRET_<SLUG>', () => {
    const store = new EnvironmentSecretStore({ CAPMAP_SIGNING_SECRET_SHOP_EU: 'from-env' })
    expect(store.get(shop)).toBe('from-env')
    expect(store.source(shop)).toBe('environment')
  })

  it('has nothing for an integration without one, and an empty variable counts as none', () => {
    const store = new EnvironmentSecretStore({ CAPMAP_SIGNING_SECRET_SHOP_EU: '' })
    expect(store.get(shop)).toBeUndefined()
    expect(store.source(shop)).toBeUndefined()
  })

  it('holds what the user typed in memory, ahead of the environment', () => {
    const store = new EnvironmentSecretStore({ CAPMAP_SIGNING_SECRET_SHOP_EU: 'from-env' })
    store.set(shop, 'typed')
    expect(store.get(shop)).toBe('typed')
    expect(store.source(shop)).toBe('memory')
  })

  it('forgets what was typed, falling back to the environment', () => {
    const store = new EnvironmentSecretStore({ CAPMAP_SIGNING_SECRET_SHOP_EU: 'from-env' })
    store.set(shop, 'typed')
    store.delete(shop)
    expect(store.get(shop)).toBe('from-env')
  })

  it('keeps what was typed to itself: another store (another process) never sees it', () => {
    const environment = {}
    new EnvironmentSecretStore(environment).set(shop, 'typed')
    expect(new EnvironmentSecretStore(environment).get(shop)).toBeUndefined()
    expect(environment).toEqual({})
  })

  it('says its backend is the environment', () => {
    expect(new EnvironmentSecretStore({}).backend).toBe('environment')
  })
})
