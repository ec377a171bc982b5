import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { createDispatcher } from '../api/dispatcher'
import { createHandlers } from '../api/handlers'
import { startWebServer, type WebServer } from '../api/http'
import type { Logger } from '../platform/logger'
import { createStudio, type Studio } from '../services/createStudio'
import { openStartupProject } from '../services/openStartupProject'

export const defaultWebPort = 4817

export interface WebModeOptions {
  configDir: string
  version: string
  logger: Logger
  staticDir: string
  port: number
  projectPath?: string
}

/** The studio without Electron: the same services and contract, served to a browser on 127.0.0.1. */
export async function startWebMode(options: WebModeOptions): Promise<{ studio: Studio; server: WebServer }> {
  const studio = createStudio({
    configDir: options.configDir,
    mode: 'web',
    version: options.version,
    logger: options.logger
  })
  openStartupProject(studio, join(options.configDir, 'projects'), options.projectPath)
  const server = await startWebServer({
    dispatch: createDispatcher(createHandlers(studio), options.logger),
    bus: studio.bus,
    staticDir: options.staticDir,
    token: randomBytes(24).toString('base64url'),
    port: options.port
  })
  options.logger.info(`web mode listening on ${server.url}`)
  return { studio, server }
}
