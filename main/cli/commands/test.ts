import { parseArgs } from 'node:util'
import { createStudio } from '../../services/createStudio'
import { describeFailure } from '../../testCases/describeFailure'
import type { CliCommand } from '../CliCommand'
import { resolveProjectFile } from '../resolveProjectFile'
import { UsageError } from '../usage'

/**
 * `capmap test --project <file> [--event name]`: runs the project's test cases through the same service as the
 * studio, so runs and the Tested gate are recorded in the project as the studio records them.
 */
export const testCommand: CliCommand = {
  name: 'test',
  usage: `  test --project <file> [--event name]
                             Run the project's test cases (or one event's) and record the outcome; one line per
                             failure, then "N passed, N failed"; exit 1 on any failure`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { project: { type: 'string' }, event: { type: 'string' } }
    })
    if (positionals.length > 0) throw new UsageError(`capmap test takes no arguments (got ${positionals.join(' ')})`)
    if (!values.project) throw new UsageError('capmap test needs the project: --project <file>')
    const studio = createStudio({
      configDir: context.configDir,
      mode: 'cli',
      version: context.version,
      logger: context.logger
    })
    studio.session.open(resolveProjectFile(values.project))
    try {
      const events = studio.events.list()
      const event = values.event === undefined ? undefined : events.find((candidate) => candidate.name === values.event)
      if (values.event !== undefined && !event) {
        const names = events.map((candidate) => candidate.name).join(', ') || 'none'
        throw new UsageError(`The project has no event ${values.event} (its events: ${names}).`)
      }
      const { testCases } = studio.testCases.list()
      if (testCases.length === 0 || (event && !studio.testCases.list({ eventId: event.id }).testCases.length)) {
        context.print('0 passed, 0 failed')
        context.printError(
          `No test cases${event ? ` for ${event.name}` : ''}: save payloads with their expected outputs in the studio.`
        )
        return 1
      }
      const { testCases: ran, statuses } = await studio.testCases.run(event ? { eventId: event.id } : { all: true })
      const nameOf = new Map(statuses.map((status) => [status.eventId, status.eventName]))
      const project = studio.session.require()
      for (const testCase of ran.filter((candidate) => !candidate.lastRun?.passed)) {
        const mapping = project.mappings.get(testCase.mappingId)
        const integration = mapping && project.integrations.get(mapping.integrationId)
        const where = `${nameOf.get(mapping?.eventId ?? '') ?? '?'} from ${integration?.slug ?? '?'}`
        context.print(`FAIL ${where}: ${testCase.name}: ${describeFailure(testCase)}`)
      }
      for (const status of statuses) {
        context.print(
          `${status.eventName}: ${status.status === 'tested' ? 'Tested' : `Draft (${status.missing.join(' ')})`}`
        )
      }
      const passed = ran.filter((testCase) => testCase.lastRun?.passed).length
      context.print(`${passed} passed, ${ran.length - passed} failed`)
      return passed === ran.length ? 0 : 1
    } finally {
      studio.session.close()
    }
  }
}
