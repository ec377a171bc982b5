/** The logging face every service uses; electron-log backs it in the app, web mode and the CLI. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
