import { parseArgs } from 'node:util'
import type { Studio } from '../../services/createStudio'
import { UsageError } from '../usage'

/** `capmap new <file> [--sample]`: creates a project file, empty or filled with the sample project. */
export function runNewProject(args: string[], studio: Studio, print: (line: string) => void): void {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { sample: { type: 'boolean' } } })
  const [file, ...extra] = positionals
  if (!file || extra.length > 0) throw new UsageError('capmap new takes exactly one file: capmap new <file> [--sample]')
  const state = studio.newProject(file, values.sample ?? false)
  const events = studio.events.list().length
  studio.session.close()
  print(
    `Created ${state.project?.path ?? file}${values.sample ? ` with the sample project (${events} ${events === 1 ? 'event' : 'events'})` : ''}`
  )
}
