import { join } from 'node:path'
import type { AppInfo } from '../../shared/api/types'
import { AppState } from '../platform/AppState'
import type { Logger } from '../platform/logger'
import { systemClock, type Clock } from './Clock'
import { EventService } from './EventService'
import { noFileDialogs, type FileDialogs } from './FileDialogs'
import { IntegrationService } from './IntegrationService'
import { MappingService } from './MappingService'
import { ProjectSession } from './ProjectSession'
import { seedSampleProject } from './sampleProject'
import { ServerEventBus } from './ServerEventBus'

export interface StudioOptions {
  configDir: string
  mode: AppInfo['mode']
  version: string
  logger: Logger
  clock?: Clock
  fileDialogs?: FileDialogs
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
    backupsDir: join(options.configDir, 'backups')
  })
  const appInfo: AppInfo = {
    name: 'Capillary Mapping Studio',
    version: options.version,
    mode: options.mode,
    platform: process.platform,
    configDir: options.configDir
  }
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
