import { join } from 'node:path'
import type { AppInfo } from '../../shared/api/types'
import { createCapillaryServices } from '../capillary/createCapillaryServices'
import { AppState } from '../platform/AppState'
import type { Logger } from '../platform/logger'
import { EnvironmentSecretStore } from '../secrets/EnvironmentSecretStore'
import type { SecretStore } from '../secrets/SecretStore'
import { CaptureService } from './CaptureService'
import { systemClock, type Clock } from './Clock'
import { EventService } from './EventService'
import { noFileDialogs, type FileDialogs } from './FileDialogs'
import { IntegrationService } from './IntegrationService'
import { ListenerService, type ListenerServiceOptions } from './ListenerService'
import { MappingService } from './MappingService'
import { ProjectSession } from './ProjectSession'
import { PublishService, type PublishServiceOptions } from './PublishService'
import { RelayService, type RelayServiceOptions } from './RelayService'
import { seedSampleProject } from './sampleProject'
import { ServerEventBus } from './ServerEventBus'
import { TestCaseService } from './TestCaseService'
import { BatchRunService } from './BatchRunService'
import { BundleService } from './BundleService'

export interface StudioOptions {
  configDir: string
  mode: AppInfo['mode']
  version: string
  logger: Logger
  clock?: Clock
  fileDialogs?: FileDialogs
  /** Where secrets live: the app passes Electron's safeStorage; elsewhere, the environment and memory. */
  secrets?: SecretStore
  /** The listener follows the open project in the app and web mode (not in one-shot CLI commands) unless told. */
  listener?: ListenerServiceOptions
  /** The relay follows the open project in the app and web mode (not in one-shot CLI commands) unless told. */
  relay?: RelayServiceOptions
  /** Publish's polling (interval, logs timeout, tries); tests shorten it. */
  publish?: PublishServiceOptions
}

/** Everything behind the contract, wired once; the app, web mode and the tests all build the studio here. */
export function createStudio(options: StudioOptions) {
  const clock = options.clock ?? systemClock
  const bus = new ServerEventBus()
  const appState = new AppState(options.configDir)
  const session = new ProjectSession({
    appState,
    bus,
    clock,
    logger: options.logger,
    backupsDir: join(options.configDir, 'backups'),
    ...(options.mode === 'cli'
      ? { lockedAdvice: 'Close it there, then run this command again.', remembersOpened: false }
      : {})
  })
  const secrets = options.secrets ?? new EnvironmentSecretStore(process.env)
  const listenerOptions = options.listener ?? { autoStart: options.mode !== 'cli' }
  const capillary = createCapillaryServices({
    configDir: options.configDir,
    clock,
    secrets,
    logger: options.logger,
    isSampleProject: () => session.state().project !== null && session.require().meta.get('origin') === 'sample'
  })
  const appInfo: AppInfo = {
    name: 'Capillary Mapping Studio',
    version: options.version,
    mode: options.mode,
    platform: process.platform,
    configDir: options.configDir
  }
  const listener = new ListenerService(session, bus, clock, secrets, options.logger, listenerOptions)
  return {
    appInfo,
    appState,
    bus,
    clock,
    session,
    logger: options.logger,
    fileDialogs: options.fileDialogs ?? noFileDialogs,
    events: new EventService(session, bus, clock),
    integrations: new IntegrationService(session, bus, clock),
    mappings: new MappingService(session, bus, clock),
    secrets,
    listener,
    captures: new CaptureService(session, bus, {
      clock,
      secrets,
      listenerStatus: () => listener.status(),
      receivedPerMinute: (from, minutes) => listener.receivedPerMinute(from, minutes)
    }),
    /** Connection profiles (config folder + secret store) and the studio's local Capillary sandbox. */
    capillary,
    relay: new RelayService(session, bus, clock, capillary, options.logger, {
      autoStart: options.mode !== 'cli',
      ...options.relay
    }),
    /** Test cases, runs and the Tested gate. */
    testCases: new TestCaseService(session, bus, clock),
    batchRuns: new BatchRunService(session, bus, clock),
    /** Bundles: export after a scan, import as a new project or merged into the open one, diff. */
    bundles: new BundleService(session, bus, clock, options.version),
    /** Publish to Capillary per connection profile (dry run, run, locks) and pull from an org. */
    publish: new PublishService(session, bus, clock, capillary, options.logger, options.publish),
    /** Creates a project, optionally filled with the sample. */
    newProject(path: string, sample: boolean) {
      return session.create(
        path,
        sample ? (project) => seedSampleProject(project, clock.now().toISOString(), clock.newId) : undefined
      )
    }
  }
}

export type Studio = ReturnType<typeof createStudio>
