import { ConnectionProfiles } from '../platform/ConnectionProfiles'
import type { Logger } from '../platform/logger'
import type { SecretStore } from '../secrets/SecretStore'
import { ConnectionProfileService } from './ConnectionProfileService'
import { LocalSandbox } from './LocalSandbox'

export interface CapillaryServicesOptions {
  configDir: string
  clock: { now(): Date; newId(): string }
  secrets: SecretStore
  logger: Logger
  isSampleProject: () => boolean
}

/** Everything Capillary the studio offers through its contract: connection profiles and the local sandbox. */
export function createCapillaryServices(options: CapillaryServicesOptions) {
  const profiles = new ConnectionProfiles(options.configDir, options.clock)
  return {
    profiles: new ConnectionProfileService(profiles, options.secrets, options.logger, () => options.clock.now()),
    localSandbox: new LocalSandbox({
      profiles,
      secrets: options.secrets,
      logger: options.logger,
      isSampleProject: options.isSampleProject
    })
  }
}

export type CapillaryServices = ReturnType<typeof createCapillaryServices>
