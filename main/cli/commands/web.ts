import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openInBrowser } from '../../platform/openInBrowser'
import { defaultWebPort, startWebMode } from '../../web/startWebMode'
import type { CliCommand } from '../CliCommand'
import { UsageError } from '../usage'
import { portOption } from '../wholeNumberOption'
import { untilInterrupted } from '../untilInterrupted'

/** `capmap web`: runs web mode until interrupted, printing the URL (token included) on one line. */
export const webCommand: CliCommand = {
  name: 'web',
  usage: `  web [options]              Serve the studio to your browser on 127.0.0.1 (web mode)
      --port <n>             First port to try (default 4817; the next free one is taken if busy)
      --no-open              Do not open the browser, just print the URL
      --project <file>       Open this project (created if missing) instead of the most recent one`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      allowNegative: true,
      options: { port: { type: 'string' }, open: { type: 'boolean', default: true }, project: { type: 'string' } }
    })
    if (positionals.length > 0) throw new UsageError(`capmap web takes no arguments (got ${positionals.join(' ')})`)
    const port = portOption(values.port) ?? defaultWebPort
    const { studio, server } = await startWebMode({
      configDir: context.configDir,
      version: context.version,
      logger: context.logger,
      staticDir: join(__dirname, '../renderer'),
      port,
      // Relative to where the command runs: the studio takes full paths only.
      projectPath: values.project === undefined ? undefined : resolve(values.project)
    })
    const interrupted = untilInterrupted()
    context.print(`Capillary Mapping Studio is running at ${server.launchUrl}`)
    if (values.open) openInBrowser(server.launchUrl)
    await interrupted
    studio.session.close()
    await server.close()
    return 0
  }
}
