import type { ConnectionProfileDraft, LocalSandboxState } from '../../shared/model/connectionProfile'
import type { ConnectionProfiles } from '../platform/ConnectionProfiles'
import type { Logger } from '../platform/logger'
import { capillarySecretName, type SecretStore } from '../secrets/SecretStore'
import { defaultSandboxCredentials, startSandbox, type RunningSandbox } from './sandbox/startSandbox'

/** The port the studio's own sandbox tries first, so its profile keeps working from one start to the next. */
export const localSandboxPort = 4870

export const localSandboxProfileName = 'Local sandbox'

export interface LocalSandboxOptions {
  profiles: ConnectionProfiles
  secrets: SecretStore
  logger: Logger
  /** True while the open project is the sample project (the first start). */
  isSampleProject: () => boolean
}

/**
 * The studio's local Capillary sandbox, run inside the studio's process (it ends with it): started on request, with
 * a connection profile made for it (till `sandbox.till`, its password in the secret store).
 */
export class LocalSandbox {
  private running: RunningSandbox | undefined
  private starting: Promise<RunningSandbox> | undefined

  constructor(private readonly options: LocalSandboxOptions) {}

  state(): LocalSandboxState {
    const running = { running: this.running !== undefined, baseUrl: this.running?.baseUrl ?? null }
    const { profiles } = this.options
    try {
      const offer =
        !this.running &&
        !profiles.sandboxOfferDismissed &&
        profiles.list().length === 0 &&
        this.options.isSampleProject()
      return { ...running, profileId: profiles.localSandboxProfileId, offer }
    } catch {
      // An unreadable profiles file is reported where profiles are listed; the sandbox itself still runs and stops.
      return { ...running, profileId: null, offer: false }
    }
  }

  /** Starts the sandbox (on `port`, by default the studio's own, else any free one) and adopts its profile. */
  async start(options: { port?: number } = {}): Promise<LocalSandboxState> {
    if (!this.running) {
      this.starting ??= this.listen(options.port ?? localSandboxPort).finally(() => {
        this.starting = undefined
      })
      this.running = await this.starting
      this.adoptProfile(this.running)
    }
    return this.state()
  }

  async stop(): Promise<LocalSandboxState> {
    const running = this.running
    this.running = undefined
    await running?.close()
    return this.state()
  }

  dismissOffer(): LocalSandboxState {
    this.options.profiles.dismissSandboxOffer()
    return this.state()
  }

  private async listen(port: number): Promise<RunningSandbox> {
    const start = (chosen: number) => startSandbox({ port: chosen, unref: true, logger: this.options.logger })
    try {
      return await start(port)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error
      return start(0)
    }
  }

  /** Creates the sandbox's profile, or points it at the sandbox's address again. */
  private adoptProfile(sandbox: RunningSandbox): void {
    const { profiles, secrets, logger } = this.options
    const till = sandbox.credentials.basic[0] ?? defaultSandboxCredentials.basic[0]
    if (!till) return
    const draft: ConnectionProfileDraft = {
      name: localSandboxProfileName,
      cluster: 'custom',
      customBaseUrl: sandbox.baseUrl,
      orgId: String(sandbox.orgId),
      auth: 'basic',
      tillCode: till.tillCode,
      oauthKey: '',
      proxyUrl: '',
      caCertificatesFile: '',
      timeoutSeconds: 30
    }
    const existing = profiles.localSandboxProfileId
    const sameName = profiles.list().find((profile) => profile.name === localSandboxProfileName)
    const profile = profiles.save(existing ?? sameName?.id, draft)
    profiles.rememberLocalSandboxProfile(profile.id)
    try {
      secrets.set(capillarySecretName(profile.id, 'password'), till.password)
    } catch (error) {
      logger.warn(`the local sandbox's password could not be kept: ${(error as Error).message}`)
    }
    logger.info(`local sandbox running at ${sandbox.baseUrl}, profile ${profile.name}`)
  }
}
