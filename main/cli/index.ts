import packageJson from '../../package.json'
import { StudioError } from '../errors/StudioError'
import { resolveConfigDir } from '../platform/configDir'
import { createFileLogger } from '../platform/fileLogger'
import type { CliContext } from './CliCommand'
import { cliCommands } from './commands'
import { readerWentAway } from './readerGone'
import { exitCodes, usageText, UsageError } from './usage'

/** `capmap`: the studio's headless face. Exit codes: 0 success, 1 the work failed, 2 bad usage. */
async function main(argv: string[]): Promise<number> {
  const print = (line: string) => process.stdout.write(`${line}\n`)
  const printError = (line: string) => process.stderr.write(`${line}\n`)
  const usage = usageText(cliCommands.map((command) => command.usage))
  const [name, ...args] = argv
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    print(usage)
    return name === undefined ? exitCodes.usage : exitCodes.ok
  }
  if (name === '-v' || name === '--version') {
    print(packageJson.version)
    return exitCodes.ok
  }
  const command = cliCommands.find((candidate) => candidate.name === name)
  if (!command) {
    printError(`capmap: Unknown command: ${name}\n\n${usage}`)
    return exitCodes.usage
  }
  const configDir = resolveConfigDir()
  const context: CliContext = {
    configDir,
    version: packageJson.version,
    logger: createFileLogger(configDir, name === 'web' ? 'web.log' : 'cli.log', false),
    print,
    printError
  }
  try {
    return await command.run(args, context)
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      printError(`capmap: ${(error as Error).message}\n\n${usage}`)
      return exitCodes.usage
    }
    const message = error instanceof StudioError ? error.message : String((error as Error).stack ?? error)
    context.logger.error(message)
    printError(`capmap: ${message}`)
    return exitCodes.failure
  }
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
