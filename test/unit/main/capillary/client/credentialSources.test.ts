import { describe, expect, it } from 'vitest'
import {
  basicCredentials,
  OAuthTokenCache,
  oauthCredentials
} from '../../../../../main/capillary/client/credentialSources'

function tokens(ttlSeconds = 300) {
  let now = 0
  let issued = 0
  const cache = new OAuthTokenCache(async () => ({ accessToken: `token-${++issued}`, ttlSeconds }), { now: () => now })
  return { cache, advance: (ms: number) => (now += ms), issued: () => issued }
}

describe('OAuthTokenCache', () => {
  it('keeps a token for most of its life', async () => {
    const { cache, advance, issued } = tokens()
    expect(await cache.token()).toBe('token-1')
    advance(239_999)
    expect(await cache.token()).toBe('token-1')
    expect(issued()).toBe(1)
  })

  it('renews within a fifth of its life of the end', async () => {
    const { cache, advance } = tokens()
    await cache.token()
    advance(240_000)
    expect(await cache.token()).toBe('token-2')
  })

  it('renews at most a minute early for long-lived tokens', async () => {
    const { cache, advance } = tokens(3600)
    await cache.token()
    advance(3_539_000)
    expect(await cache.token()).toBe('token-1')
    advance(1_000)
    expect(await cache.token()).toBe('token-2')
  })

  it('asks once for concurrent callers', async () => {
    const { cache, issued } = tokens()
    const all = await Promise.all([cache.token(), cache.token(), cache.token()])
    expect(all).toEqual(['token-1', 'token-1', 'token-1'])
    expect(issued()).toBe(1)
  })

  it('asks again after being invalidated, and remembers every token for redaction', async () => {
    const { cache } = tokens()
    await cache.token()
    cache.invalidate()
    expect(await cache.token()).toBe('token-2')
    expect(cache.tokens()).toEqual(['token-1', 'token-2'])
  })

  it('asks again after a failed request', async () => {
    let calls = 0
    const cache = new OAuthTokenCache(
      async () => {
        calls += 1
        if (calls === 1) throw new Error('refused')
        return { accessToken: 'ok', ttlSeconds: 300 }
      },
      { now: () => 0 }
    )
    await expect(cache.token()).rejects.toThrow('refused')
    await expect(cache.token()).resolves.toBe('ok')
  })
})

describe('credential sources', () => {
  it('Basic: one header, never renewed, with the password, its hash and the header as secrets', async () => {
    const source = basicCredentials('store123', 'pw-1234')
    const headers = await source.headers()
    expect(headers.Authorization).toMatch(/^Basic /)
    expect(source.renewAfterRejection()).toBe(false)
    expect(source.secrets()).toContain('pw-1234')
    expect(source.secrets()).toContain(headers.Authorization)
  })

  it('OAuth: the token in X-CAP-API-OAUTH-TOKEN, renewed once after a rejection', async () => {
    const { cache } = tokens()
    const source = oauthCredentials('secret-9', cache)
    expect(await source.headers()).toEqual({ 'X-CAP-API-OAUTH-TOKEN': 'token-1' })
    expect(source.renewAfterRejection()).toBe(true)
    expect(await source.headers()).toEqual({ 'X-CAP-API-OAUTH-TOKEN': 'token-2' })
    expect(source.secrets()).toEqual(['secret-9', 'token-1', 'token-2'])
  })
})
