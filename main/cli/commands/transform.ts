import { parseArgs } from 'node:util'
import { eventDraftFromDefinition } from '../../../shared/capillary/eventDraftFromDefinition'
import { compileMapping, type MappingEvent } from '../../../shared/engine/compileMapping'
import { decodeBody } from '../../../shared/engine/decode/decodeBody'
import { contentTypeForFile } from '../../../shared/engine/decode/mediaType'
import type { EngineDiagnostic } from '../../../shared/engine/diagnostics'
import { maxBodyLimitBytes } from '../../../shared/model/listenerSettings'
import { MappingSpec } from '../../../shared/model/mapping'
import { bundleMaxBytes } from '../../../shared/bundle/readBundle'
import { bundleMapping } from '../../bundles/bundleMapping'
import { createWorkerExpressionEvaluator } from '../../engine/createWorkerExpressionEvaluator'
import { readFileWithin, readStdinWithin } from '../../platform/readBoundedInput'
import type { CliCommand, CliContext } from '../CliCommand'
import { readBundleFile } from '../readBundleFile'
import { exitCodes, UsageError } from '../usage'
import { mainEngineOptions } from '../../engine/compileProjectMapping'

const synopsis =
  'capmap transform (--mapping <mapping.json> --event-def <event.json> | --bundle <b.capmap.json> [--event name] ' +
  '[--integration slug]) [--content-type T] [payload|-]'

/**
 * `capmap transform`: runs one mapping over one payload, exactly as the relay would. Prints a JSON array of the
 * output payloads on stdout (`[]` when none) and one diagnostic per line, as JSON, on stderr. Exit 0 when every
 * output is valid, 1 when there is an error or no output, 2 on bad usage (options, unreadable or invalid files).
 */
export const transformCommand: CliCommand = {
  name: 'transform',
  usage: `  transform --mapping <file> --event-def <file> [--content-type <type>] [payload|-]
  transform --bundle <file> [--event name] [--integration slug] [--content-type <type>] [payload|-]
                             Map a payload (a file, or stdin) to Capillary events, with a mapping file and
                             an event definition, or one mapping of a bundle: payloads as JSON on stdout,
                             diagnostics as JSON lines on stderr. The content type comes from
                             --content-type, else the payload's extension (.json .xml .form .txt), else JSON`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        mapping: { type: 'string' },
        'event-def': { type: 'string' },
        'content-type': { type: 'string' },
        bundle: { type: 'string' },
        event: { type: 'string' },
        integration: { type: 'string' }
      }
    })
    if (positionals.length > 1)
      throw new UsageError(`capmap transform takes one payload (got ${positionals.length}): ${synopsis}`)
    const payloadFile = positionals[0] ?? '-'
    const mapping = values.bundle === undefined ? mappingFromFiles(values, context) : mappingFromBundle(values, context)
    if (typeof mapping === 'number') return mapping
    const { spec, event } = mapping

    const payload =
      payloadFile === '-'
        ? readStdinWithin(maxBodyLimitBytes, 'payload')
        : readFileWithin(payloadFile, maxBodyLimitBytes, 'payload')
    if (!payload.ok) {
      context.printError(`capmap: ${payload.problem}`)
      return exitCodes.usage
    }
    const bytes = payload.bytes
    const contentType =
      values['content-type'] ?? (payloadFile === '-' ? 'application/json' : contentTypeForFile(payloadFile))
    const decoded = decodeBody(bytes, contentType)

    const diagnostics: EngineDiagnostic[] = [...decoded.diagnostics]
    let payloads: unknown[] = []
    let valid = false
    if (decoded.error === undefined) {
      const evaluator = createWorkerExpressionEvaluator()
      try {
        const compiled = compileMapping(spec, event, mainEngineOptions(evaluator))
        const result = await compiled(decoded.value)
        diagnostics.push(...result.diagnostics)
        payloads = result.outputs.map((output) => output.payload)
        valid = result.valid && diagnostics.every((diagnostic) => diagnostic.severity !== 'error')
      } finally {
        await evaluator.close()
      }
    }
    context.print(JSON.stringify(payloads, null, 2))
    for (const diagnostic of diagnostics) context.printError(JSON.stringify(diagnostic))
    return valid ? exitCodes.ok : exitCodes.failure
  }
}

function readJsonFile(path: string, what: string, context: CliContext): unknown {
  const read = readFileWithin(path, bundleMaxBytes, `${what} file`)
  if (!read.ok) {
    context.printError(`capmap: ${read.problem}`)
    return undefined
  }
  try {
    return JSON.parse(read.bytes.toString('utf8')) as unknown
  } catch (error) {
    context.printError(`capmap: the ${what} file ${path} is not JSON: ${(error as Error).message}`)
    return undefined
  }
}

type MappingToRun = { spec: MappingSpec; event: MappingEvent }

function mappingFromFiles(
  values: { mapping?: string | undefined; 'event-def'?: string | undefined },
  context: CliContext
): MappingToRun | number {
  if (values.mapping === undefined || values['event-def'] === undefined) {
    throw new UsageError(`capmap transform needs --mapping and --event-def, or --bundle: ${synopsis}`)
  }
  const mappingJson = readJsonFile(values.mapping, 'mapping', context)
  const eventJson = readJsonFile(values['event-def'], 'event definition', context)
  if (mappingJson === undefined || eventJson === undefined) return exitCodes.usage
  const spec = MappingSpec.safeParse(mappingJson)
  if (!spec.success) {
    for (const issue of spec.error.issues) {
      context.printError(`capmap: ${values.mapping}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    }
    return exitCodes.usage
  }
  const event = eventDraftFromDefinition(eventJson)
  if (!event.ok) {
    context.printError(`capmap: ${values['event-def']}: ${event.error}`)
    return exitCodes.usage
  }
  return { spec: spec.data, event: event.draft }
}

function mappingFromBundle(
  values: {
    bundle?: string | undefined
    event?: string | undefined
    integration?: string | undefined
    mapping?: string | undefined
  },
  context: CliContext
): MappingToRun | number {
  if (values.mapping !== undefined) throw new UsageError('capmap transform takes --bundle or --mapping, not both')
  const read = readBundleFile(values.bundle ?? '', context)
  if ('exitCode' in read) return exitCodes.usage
  const chosen = bundleMapping(read.bundle, { event: values.event, integration: values.integration })
  if (!chosen.ok) throw new UsageError(chosen.error)
  return chosen
}
