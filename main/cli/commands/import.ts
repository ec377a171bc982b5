import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { seedFromBundle } from '../../bundles/projectBundle'
import { createStudio } from '../../services/createStudio'
import type { CliCommand } from '../CliCommand'
import { readBundleFile } from '../readBundleFile'
import { UsageError } from '../usage'

/** `capmap import <bundle> --project <file> --new`: a new project made from a bundle, all of it or nothing. */
export const importCommand: CliCommand = {
  name: 'import',
  usage: `  import <bundle.capmap.json> --project <file> --new
                             Make a new project from a bundle (checked first; nothing is written on a problem)`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { project: { type: 'string' }, new: { type: 'boolean' } }
    })
    const [file, ...extra] = positionals
    if (!file || extra.length > 0) throw new UsageError('capmap import takes one bundle file')
    if (!values.project) throw new UsageError('capmap import needs the project: --project <file>')
    if (!values.new) {
      throw new UsageError('capmap import makes a new project: add --new (merging into a project is not here yet)')
    }
    const read = readBundleFile(file, context)
    if ('exitCode' in read) return read.exitCode
    const path = resolve(/\.capmap$/i.test(values.project) ? values.project : `${values.project}.capmap`)
    if (existsSync(path)) {
      context.printError(`capmap: ${path} already exists: import into a new file, or remove it first`)
      return 1
    }
    const studio = createStudio({
      configDir: context.configDir,
      mode: 'cli',
      version: context.version,
      logger: context.logger
    })
    studio.session.create(path, (project) =>
      seedFromBundle(project, read.bundle, studio.clock.now().toISOString(), studio.clock.newId)
    )
    studio.session.close()
    const { events, testCases } = read.bundle
    context.print(`Created ${path} from ${file} (${events.length} events, ${testCases.length} test cases)`)
    return 0
  }
}
