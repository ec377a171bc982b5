import type { SecretSource } from '../../shared/model/listenerSettings'

/**
 * A secret's name: the signing key of an integration (by slug), or a Capillary credential of a connection profile
 * (`capillary/<profileId>/password`, `…/oauthKey`, `…/oauthSecret`).
 */
export type SecretName = `signing/${string}` | `capillary/${string}`

/**
 * The one place secrets live (ARCHITECTURE §4): never in a project file, a bundle, a log or a capture. Two backends:
 * Electron's safeStorage in the app; environment variables or a prompt, held in memory, in web mode and the CLI.
 */
export interface SecretStore {
  readonly backend: 'safeStorage' | 'environment'
  get(name: SecretName): string | undefined
  /** Where the secret comes from, without revealing it. */
  source(name: SecretName): SecretSource | undefined
  set(name: SecretName, value: string): void
  delete(name: SecretName): void
}

export const signingSecretName = (slug: string): SecretName => `signing/${slug}`

/** What of a connection profile is secret: the till's password, or the OAuth client's key and secret. */
export type CapillaryCredential = 'password' | 'oauthKey' | 'oauthSecret'

export const capillarySecretName = (profileId: string, credential: CapillaryCredential): SecretName =>
  `capillary/${profileId}/${credential}`

// ARCHITECTURE §4: one variable per credential, whatever the profile.
const capillaryVariables: Record<CapillaryCredential, string> = {
  password: 'CAPMAP_PASSWORD',
  oauthKey: 'CAPMAP_OAUTH_KEY',
  oauthSecret: 'CAPMAP_OAUTH_SECRET'
}

/**
 * `signing/booking-app` → `CAPMAP_SIGNING_SECRET_BOOKING_APP`: upper-cased slug, `_` for `-`;
 * `capillary/<profile>/password` → `CAPMAP_PASSWORD` (and `CAPMAP_OAUTH_KEY`, `CAPMAP_OAUTH_SECRET`).
 */
export function environmentVariableFor(name: SecretName): string {
  if (name.startsWith('capillary/')) {
    const credential = name.slice(name.lastIndexOf('/') + 1) as CapillaryCredential
    return capillaryVariables[credential] ?? 'CAPMAP_PASSWORD'
  }
  const slug = name.slice('signing/'.length)
  return `CAPMAP_SIGNING_SECRET_${slug.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`
}
