import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createStudio } from '../../services/createStudio'
import type { CliCommand } from '../CliCommand'
import { UsageError } from '../usage'

/** `capmap new <file> [--sample]`: creates a project file, empty or filled with the sample project. */
export const newProjectCommand: CliCommand = {
  name: 'new',
  usage: '  new <file> [--sample]      Create a project file (*.capmap); --sample fills it with the sample project',
  async run(args, context) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { sample: { type: 'boolean' } }
    })
    const [file, ...extra] = positionals
    if (!file || extra.length > 0)
      throw new UsageError('capmap new takes exactly one file: capmap new <file> [--sample]')
    const studio = createStudio({
      configDir: context.configDir,
      mode: 'cli',
      version: context.version,
      logger: context.logger
    })
    // A path on the command line is relative to where the command runs; the studio takes full paths only.
    const state = studio.newProject(resolve(file), values.sample ?? false)
    const events = studio.events.list().length
    studio.session.close()
    const what = values.sample ? ` with the sample project (${events} ${events === 1 ? 'event' : 'events'})` : ''
    context.print(`Created ${state.project?.path ?? file}${what}`)
    return 0
  }
}
