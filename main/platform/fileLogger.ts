import log from 'electron-log/node'
import { join } from 'node:path'
import type { Logger } from './logger'

/** Bytes before the log file rotates (electron-log keeps one previous file as `main.old.log`). */
const maxLogBytes = 5 * 1024 * 1024

/** Where a log of web mode or the CLI is written. */
export const logFilePath = (configDir: string, fileName: string): string => join(configDir, 'logs', fileName)

/** Logs of web mode and the CLI: a rotated file in the config folder's `logs/`, like the app's. */
export function createFileLogger(configDir: string, fileName: string, echoToConsole: boolean): Logger {
  const logger = log.create({ logId: fileName })
  logger.transports.file.resolvePathFn = () => logFilePath(configDir, fileName)
  logger.transports.file.maxSize = maxLogBytes
  logger.transports.console.level = echoToConsole ? 'info' : false
  return {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message) => logger.error(message)
  }
}
