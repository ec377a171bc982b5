import { basicAuthorization, md5Hex } from './basicAuthorization'
import type { CredentialSource } from './CapillaryHttp'
import type { ClientTiming } from './ClientTiming'

export type CapillaryCredentials =
  { scheme: 'basic'; tillCode: string; password: string } | { scheme: 'oauth'; key: string; secret: string }

/** Basic auth: the same header on every call (notes §8). */
export function basicCredentials(tillCode: string, password: string): CredentialSource {
  const header = basicAuthorization(tillCode, password)
  return {
    scheme: 'basic',
    headers: async () => ({ Authorization: header }),
    renewAfterRejection: () => false,
    secrets: () => [password, md5Hex(password), header, header.slice('Basic '.length)]
  }
}

export interface IssuedToken {
  accessToken: string
  ttlSeconds: number
}

/**
 * An OAuth token kept for its lifetime (notes §8: `ttlSeconds`, 300 in the sample) and renewed before it expires:
 * within a fifth of its life of the end (at most a minute), so a call never leaves with a token about to die.
 * Concurrent calls share one token request.
 */
export class OAuthTokenCache {
  private current: { token: string; expiresAt: number; renewAt: number } | undefined
  private pending: Promise<string> | undefined
  private readonly issued: string[] = []

  constructor(
    private readonly generate: () => Promise<IssuedToken>,
    private readonly timing: Pick<ClientTiming, 'now'>
  ) {}

  async token(): Promise<string> {
    const now = this.timing.now()
    if (this.current && now < this.current.renewAt) return this.current.token
    this.pending ??= this.renew().finally(() => {
      this.pending = undefined
    })
    return this.pending
  }

  /** Forgets the token, so the next call asks for a new one. */
  invalidate(): void {
    this.current = undefined
  }

  /** Every token issued so far (for redaction). */
  tokens(): readonly string[] {
    return this.issued
  }

  private async renew(): Promise<string> {
    const requestedAt = this.timing.now()
    const { accessToken, ttlSeconds } = await this.generate()
    const lifeMs = Math.max(0, ttlSeconds) * 1000
    const margin = Math.min(60_000, lifeMs / 5)
    this.current = { token: accessToken, expiresAt: requestedAt + lifeMs, renewAt: requestedAt + lifeMs - margin }
    this.issued.push(accessToken)
    return accessToken
  }
}

/** OAuth: `X-CAP-API-OAUTH-TOKEN: <JWT>` from the cache; a 401 renews the token once (notes §8). */
export function oauthCredentials(secret: string, cache: OAuthTokenCache): CredentialSource {
  return {
    scheme: 'oauth',
    headers: async () => ({ 'X-CAP-API-OAUTH-TOKEN': await cache.token() }),
    renewAfterRejection: () => {
      cache.invalidate()
      return true
    },
    secrets: () => [secret, ...cache.tokens()]
  }
}
