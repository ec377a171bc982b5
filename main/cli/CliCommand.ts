import type { Logger } from '../platform/logger'

/** What every `capmap` command is given: no globals, so tests can run commands in-process too. */
export interface CliContext {
  configDir: string
  version: string
  logger: Logger
  print(line: string): void
  printError(line: string): void
}

/** One `capmap` command. `run` returns the exit code: 0 success, 1 the work failed, 2 bad usage (throw UsageError). */
export interface CliCommand {
  name: string
  /** Lines for `capmap --help`, already indented under "Commands:". */
  usage: string
  run(args: string[], context: CliContext): Promise<number>
}
