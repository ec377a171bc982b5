import { existsSync, renameSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { exportProjectBundle } from '../../bundles/projectBundle'
import { createStudio } from '../../services/createStudio'
import type { CliCommand } from '../CliCommand'
import { resolveProjectFile } from '../resolveProjectFile'
import { UsageError } from '../usage'

/** `capmap export`: the project (or some events) as a bundle file, canonical bytes, written whole or not at all. */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: `  export --project <file> --out <bundle.capmap.json> [--event name]...
                             Write the project (or the named events) as a bundle to review in git`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { project: { type: 'string' }, out: { type: 'string' }, event: { type: 'string', multiple: true } }
    })
    if (positionals.length > 0) throw new UsageError(`capmap export takes no arguments (got ${positionals.join(' ')})`)
    if (!values.project || !values.out) throw new UsageError('capmap export needs --project <file> and --out <file>')
    const studio = createStudio({
      configDir: context.configDir,
      mode: 'cli',
      version: context.version,
      logger: context.logger
    })
    studio.session.open(resolveProjectFile(values.project), { readOnly: true })
    try {
      const text = exportProjectBundle(studio.session.require(), context.version, values.event ?? [])
      // Written beside, then renamed over: a reader never sees half a bundle.
      const partial = `${values.out}.partial`
      writeFileSync(partial, text)
      const replaced = existsSync(values.out)
      renameSync(partial, values.out)
      context.print(`${replaced ? 'Replaced' : 'Wrote'} ${values.out} (${Buffer.byteLength(text)} bytes)`)
      return 0
    } finally {
      studio.session.close()
    }
  }
}
