import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openInBrowser } from '../../platform/openInBrowser'
import type { Logger } from '../../platform/logger'
import { defaultWebPort, startWebMode } from '../../web/startWebMode'
import { UsageError } from '../usage'

export interface WebCommandContext {
  configDir: string
  version: string
  logger: Logger
  print: (line: string) => void
}

/** `capmap web`: runs web mode until interrupted, printing the URL (token included) on one line. */
export async function runWeb(args: string[], context: WebCommandContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: 'string' }, open: { type: 'boolean', default: true }, project: { type: 'string' } },
    allowNegative: true
  })
  if (positionals.length > 0) throw new UsageError(`capmap web takes no arguments (got ${positionals.join(' ')})`)
  const port = values.port === undefined ? defaultWebPort : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number (got ${values.port})`)

  const { studio, server } = await startWebMode({
    configDir: context.configDir,
    version: context.version,
    logger: context.logger,
    staticDir: join(__dirname, '../renderer'),
    port,
    projectPath: values.project
  })
  context.print(`Capillary Mapping Studio is running at ${server.launchUrl}`)
  if (values.open) openInBrowser(server.launchUrl)

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  studio.session.close()
  await server.close()
}
