import { parseArgs } from 'node:util'
import { createStudio } from '../../services/createStudio'
import { describeFailure } from '../../testCases/describeFailure'
import { testBundle } from '../../bundles/testBundle'
import { createWorkerExpressionEvaluator } from '../../engine/createWorkerExpressionEvaluator'
import type { CliCommand, CliContext } from '../CliCommand'
import { readBundleFile } from '../readBundleFile'
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
                             failure, then "N passed, N failed"; exit 1 on any failure
  test <bundle.capmap.json> [--event name]
                             The same for a bundle's test cases, in memory (for CI)`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { project: { type: 'string' }, event: { type: 'string' } }
    })
    if (positionals.length > 1)
      throw new UsageError(`capmap test takes one bundle at most (got ${positionals.join(' ')})`)
    const [bundleFile] = positionals
    if (bundleFile !== undefined) {
      if (values.project) throw new UsageError('capmap test takes a bundle or --project, not both')
      return testBundleFile(bundleFile, values.event, context)
    }
    if (!values.project) throw new UsageError('capmap test needs a bundle file or the project: --project <file>')
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
        context.printError(noTestCases(event?.name))
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

/** Nothing to run is a failure (a CI gate that tests nothing passes nothing): said, with what to do. */
const noTestCases = (eventName: string | undefined) =>
  `No test cases${eventName === undefined ? '' : ` for ${eventName}`}: save payloads with their expected outputs in the studio.`

async function testBundleFile(file: string, eventName: string | undefined, context: CliContext): Promise<number> {
  const read = readBundleFile(file, context)
  if ('exitCode' in read) return read.exitCode
  const { bundle } = read
  if (eventName !== undefined && !bundle.events.some((event) => event.name === eventName)) {
    throw new UsageError(`The bundle has no event ${eventName}.`)
  }
  const chosen =
    eventName === undefined
      ? bundle
      : { ...bundle, mappings: bundle.mappings.filter((mapping) => mapping.event === eventName) }
  const evaluator = createWorkerExpressionEvaluator()
  try {
    const { passed, failures } = await testBundle(chosen, evaluator)
    for (const line of failures) context.print(line)
    context.print(`${passed} passed, ${failures.length} failed`)
    if (passed + failures.length === 0) context.printError(noTestCases(eventName))
    return failures.length === 0 && passed > 0 ? 0 : 1
  } finally {
    await evaluator.close()
  }
}
