import { startProjectListener, type ProjectListener } from '../../../main/listener/ProjectListener'
import { silentLogger } from '../../../main/platform/logger'
import { EnvironmentSecretStore } from '../../../main/secrets/EnvironmentSecretStore'
import { systemClock } from '../../../main/services/Clock'
import type { ProjectDatabase } from '../../../main/store/database'

/** A project's listener as the studio runs it, on 127.0.0.1 and a port of the system's choosing, logging nothing. */
export function startBenchListener(db: ProjectDatabase, onCaptures?: () => void): Promise<ProjectListener> {
  return startProjectListener({
    db,
    secrets: new EnvironmentSecretStore({}),
    clock: systemClock,
    logger: silentLogger,
    host: '127.0.0.1',
    port: 0,
    scanPorts: 1,
    bodyLimitBytes: 5 * 1024 * 1024,
    ...(onCaptures ? { onCaptures } : {})
  })
}
