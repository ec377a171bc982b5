import packageJson from '../../package.json'
import { StudioError } from '../errors/StudioError'
import { resolveConfigDir } from '../platform/configDir'
import { createFileLogger } from '../platform/fileLogger'
import { createStudio } from '../services/createStudio'
import { runNewProject } from './commands/newProject'
import { runWeb } from './commands/web'
import { exitCodes, usage, UsageError } from './usage'

/** `capmap`: the studio's headless face. Exit codes: 0 success, 1 the work failed, 2 bad usage. */
async function main(argv: string[]): Promise<number> {
  const print = (line: string) => process.stdout.write(`${line}\n`)
  const [command, ...args] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    print(usage)
    return command === undefined ? exitCodes.usage : exitCodes.ok
  }
  if (command === '-v' || command === '--version') {
    print(packageJson.version)
    return exitCodes.ok
  }
  const configDir = resolveConfigDir()
  const logger = createFileLogger(configDir, command === 'web' ? 'web.log' : 'cli.log', false)
  try {
    switch (command) {
      case 'new':
        runNewProject(args, createStudio({ configDir, mode: 'cli', version: packageJson.version, logger }), print)
        return exitCodes.ok
      case 'web':
        await runWeb(args, { configDir, version: packageJson.version, logger, print })
        return exitCodes.ok
      default:
        throw new UsageError(`Unknown command: ${command}`)
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      process.stderr.write(`capmap: ${(error as Error).message}\n\n${usage}\n`)
      return exitCodes.usage
    }
    const message = error instanceof StudioError ? error.message : String((error as Error).stack ?? error)
    logger.error(message)
    process.stderr.write(`capmap: ${message}\n`)
    return exitCodes.failure
  }
}

function isParseArgsError(error: unknown): boolean {
  return (
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('ERR_PARSE_ARGS')
  )
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`capmap: ${String(error)}\n`)
    process.exitCode = exitCodes.failure
  }
)
