import packageJson from '../../package.json'
import { StudioError } from '../errors/StudioError'
import { resolveConfigDir } from '../platform/configDir'
import { projectBusyError } from '../store/projectBusy'
import { createFileLogger, logFilePath } from '../platform/fileLogger'
import type { CliContext } from './CliCommand'
import { cliCommands } from './commands'
import { readerWentAway } from './readerGone'
import { commandHelp, exitCodes, usageText, UsageError } from './usage'

/** `capmap`: the studio's headless face. Exit codes: usage.ts (0 success, 1 the work failed, 2 bad usage, 141). */
async function main(argv: string[]): Promise<number> {
  const print = (line: string) => process.stdout.write(`${line}\n`)
  const printError = (line: string) => process.stderr.write(`${line}\n`)
  const usage = usageText(cliCommands.map((command) => command.usage))
  const [name, ...args] = argv
  if (name === undefined) {
    printError(usage)
    return exitCodes.usage
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    print(usage)
    return exitCodes.ok
  }
  if (name === '-v' || name === '--version') {
    print(packageJson.version)
    return exitCodes.ok
  }
  const command = cliCommands.find((candidate) => candidate.name === name)
  if (!command) {
    const names = cliCommands.map((candidate) => candidate.name).join(', ')
    printError(`capmap: Unknown command: ${name}. The commands are ${names}; capmap --help says what each does.`)
    return exitCodes.usage
  }
  if (asksForHelp(args)) {
    print(commandHelp(command.usage))
    return exitCodes.ok
  }
  const configDir = resolveConfigDir()
  const context: CliContext = {
    configDir,
    version: packageJson.version,
    logger: createFileLogger(configDir, logFileName(name), false),
    print,
    printError
  }
  try {
    return await command.run(args, context)
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      printError(`capmap: ${usageProblem(error as Error)}\n\n${commandHelp(command.usage)}`)
      return exitCodes.usage
    }
    const known = error instanceof StudioError ? error : projectBusyError(error)
    if (known) {
      context.logger.error(known.message)
      printError(`capmap: ${known.message}`)
      return exitCodes.failure
    }
    // Not one we can word: its message here, its stack in the log, for a bug report.
    context.logger.error(String((error as Error).stack ?? error))
    printError(
      `capmap: ${(error as Error).message ?? String(error)} (details in ${logFilePath(configDir, logFileName(name))})`
    )
    return exitCodes.failure
  }
}

const logFileName = (command: string) => (command === 'web' ? 'web.log' : 'cli.log')

/** `--help` or `-h` among a command's options (not after `--`, where it would be an argument). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--')
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')
}

/** Node's parseArgs advises `--` for any unknown option, which misleads for a mistyped one: its first sentence only. */
function usageProblem(error: Error): string {
  if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return error.message
  return error.message.replace(/\. To specify a positional argument[\s\S]*$/, '.')
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}

/** A reader that went away ends the command (readerGone.ts); any other write error is still thrown, and reported. */
function stopWhenReaderGoesAway(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    readerWentAway(() => process.exit(exitCodes.readerGone))
  })
}

stopWhenReaderGoesAway(process.stdout)
stopWhenReaderGoesAway(process.stderr)

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`capmap: ${String(error)}\n`)
    process.exitCode = exitCodes.failure
  }
)
