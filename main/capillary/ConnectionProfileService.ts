import { readFileSync } from 'node:fs'
import { clusterBaseUrl } from '../../shared/capillary/clusters'
import type {
  ConnectionProfile,
  ConnectionProfileDraft,
  ConnectionProfileView,
  ConnectionVerdict,
  SecretAvailability
} from '../../shared/model/connectionProfile'
import { StudioError } from '../errors/StudioError'
import type { ConnectionProfiles } from '../platform/ConnectionProfiles'
import type { Logger } from '../platform/logger'
import { capillarySecretName, environmentVariableFor, type SecretStore } from '../secrets/SecretStore'
import { CapillaryClient, type CapillaryClientOptions } from './client/CapillaryClient'
import type { CapillaryCredentials } from './client/credentialSources'
import { testConnection } from './testConnection'
import { notARegularFile } from '../platform/fileReadProblem'

const availability = { encrypted: 'stored', memory: 'session', environment: 'environment' } as const

/**
 * Connection profiles with their secrets: the profile in the config folder, its password or OAuth secret in the one
 * secret store (safeStorage in the app; memory or CAPMAP_PASSWORD / CAPMAP_OAUTH_KEY / CAPMAP_OAUTH_SECRET
 * elsewhere), and a ready client for a profile.
 */
export class ConnectionProfileService {
  constructor(
    private readonly profiles: ConnectionProfiles,
    private readonly secrets: SecretStore,
    private readonly logger: Logger,
    private readonly now: () => Date
  ) {}

  list(): ConnectionProfileView[] {
    return this.profiles.list().map((profile) => this.view(profile))
  }

  get(id: string): ConnectionProfileView {
    return this.view(this.require(id))
  }

  /** Creates or replaces a profile; a secret given is kept in the secret store, never in the profile. */
  save(id: string | undefined, draft: ConnectionProfileDraft, secret?: string): ConnectionProfileView {
    const profile = this.profiles.save(id, draft)
    if (secret !== undefined && secret !== '') this.secrets.set(this.secretName(profile), secret)
    // The other scheme's secret has no use any more.
    this.secrets.delete(capillarySecretName(profile.id, profile.auth === 'basic' ? 'oauthSecret' : 'password'))
    this.logger.info(`connection profile saved: ${profile.name} (${profile.id})`)
    return this.view(profile)
  }

  delete(id: string): { id: string } {
    if (!this.profiles.delete(id)) throw new StudioError('not_found', 'That connection profile no longer exists.')
    for (const credential of ['password', 'oauthKey', 'oauthSecret'] as const) {
      this.secrets.delete(capillarySecretName(id, credential))
    }
    return { id }
  }

  /** A client for the profile, with its secret; the caller closes it. */
  clientFor(id: string, options: Pick<CapillaryClientOptions, 'retry'> = {}): CapillaryClient {
    const profile = this.require(id)
    return new CapillaryClient({
      baseUrl: clusterBaseUrl(profile.cluster, profile.customBaseUrl),
      credentials: this.credentials(profile),
      timeoutMs: profile.timeoutSeconds * 1000,
      ...(profile.proxyUrl ? { proxyUrl: profile.proxyUrl } : {}),
      ...(profile.caCertificatesFile ? { caCertificates: [readCaFile(profile.caCertificatesFile)] } : {}),
      logger: this.logger,
      ...options
    })
  }

  /** "Test connection": signs in, reads the org's events and checks the org id; a plain verdict either way. */
  async test(id: string): Promise<ConnectionVerdict> {
    const profile = this.require(id)
    const checkedAt = this.now().toISOString()
    let client: CapillaryClient
    try {
      client = this.clientFor(id, { retry: { maxAttempts: 2 } })
    } catch (error) {
      const detail =
        error instanceof StudioError ? error.message : `The profile cannot be used: ${(error as Error).message}`
      const summary =
        profile.auth === 'basic' ? 'Not connected: no password yet.' : 'Not connected: no OAuth credentials yet.'
      return {
        ok: false,
        summary: error instanceof StudioError && error.code === 'invalid_input' ? summary : 'Not connected.',
        detail,
        steps: [{ label: 'Credentials', ok: false, detail }],
        checkedAt
      }
    }
    try {
      const verdict = await testConnection(client, profile, checkedAt)
      this.logger.info(`connection test of ${profile.name}: ${verdict.ok ? 'connected' : 'failed'}`)
      return verdict
    } finally {
      await client.close()
    }
  }

  private require(id: string): ConnectionProfile {
    const profile = this.profiles.get(id)
    if (!profile) throw new StudioError('not_found', 'That connection profile no longer exists.')
    return profile
  }

  private secretName(profile: ConnectionProfile) {
    return capillarySecretName(profile.id, profile.auth === 'basic' ? 'password' : 'oauthSecret')
  }

  private view(profile: ConnectionProfile): ConnectionProfileView {
    const source = this.secrets.source(this.secretName(profile))
    const secret: SecretAvailability = source === undefined ? 'missing' : availability[source]
    return { ...profile, secret }
  }

  private credentials(profile: ConnectionProfile): CapillaryCredentials {
    const name = this.secretName(profile)
    const secret = this.secrets.get(name)
    if (profile.auth === 'basic') {
      // The local sandbox's password lives as long as the sandbox, which stops with the studio that ran it.
      if (secret === undefined && profile.id === this.profiles.localSandboxProfileId) {
        throw new StudioError(
          'invalid_input',
          'The local sandbox is not running (it stops with the studio): start it in Settings › Connection profiles, ' +
            'then try again.'
        )
      }
      if (secret === undefined) {
        throw new StudioError(
          'invalid_input',
          `No password for till ${profile.tillCode} yet: enter it in the profile` +
            (this.secrets.backend === 'environment'
              ? ` (kept for this session), or set ${environmentVariableFor(name)}.`
              : '.')
        )
      }
      return { scheme: 'basic', tillCode: profile.tillCode, password: secret }
    }
    const keyName = capillarySecretName(profile.id, 'oauthKey')
    const key = profile.oauthKey !== '' ? profile.oauthKey : this.secrets.get(keyName)
    if (key === undefined) {
      throw new StudioError(
        'invalid_input',
        `No OAuth key: enter it in the profile, or set ${environmentVariableFor(keyName)}.`
      )
    }
    if (secret === undefined) {
      throw new StudioError(
        'invalid_input',
        'No OAuth secret yet: enter it in the profile' +
          (this.secrets.backend === 'environment'
            ? ` (kept for this session), or set ${environmentVariableFor(name)}.`
            : '.')
      )
    }
    return { scheme: 'oauth', key, secret }
  }
}

function readCaFile(path: string): string {
  const notAFile = notARegularFile(path)
  if (notAFile) throw new StudioError('file_error', `Cannot read the CA certificates file: ${notAFile}`)
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new StudioError(
      'file_error',
      `Cannot read the CA certificates file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check its path in the profile.`
    )
  }
}
