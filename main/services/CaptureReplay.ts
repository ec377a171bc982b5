import type { NameValue } from '../../shared/model/capture'
import type { CaptureReplay, MappingReplay } from '../../shared/model/captureInbox'
import { compileProjectMapping } from '../engine/compileProjectMapping'
import { createWorkerExpressionEvaluator } from '../engine/createWorkerExpressionEvaluator'
import { decodeCapturedBody } from '../engine/decodeCapturedBody'
import type { OpenedProject } from './ProjectSession'

export interface ReplayRequest {
  captureId: string
  integrationId: string | null
  /** The slug of the integration that received it, kept when that integration is deleted. */
  integrationSlug: string | null
  contentType: string | null
  /** The headers its body is read by (Content-Encoding); none for a body typed in, which is plain content. */
  headers: readonly NameValue[]
  body: Uint8Array
}

/**
 * Runs a capture's body through every mapping of its integration, exactly as the relay would: decoded by the
 * engine's decoders (its content coding removed first), each mapping's `integration` match resolved from the
 * integration's event-name map, JSONata rules in a worker that a runaway expression cannot hang. Nothing is stored
 * or sent.
 */
export async function replayCapture(project: OpenedProject, request: ReplayRequest): Promise<CaptureReplay> {
  const integration = request.integrationId === null ? undefined : project.integrations.get(request.integrationId)
  const base = {
    captureId: request.captureId,
    integration: integration ? { id: integration.id, name: integration.name } : null,
    decodeError: null,
    mappings: []
  }
  if (!integration) {
    const who =
      request.integrationSlug === null
        ? 'No integration received this capture'
        : `The integration that received this capture (${request.integrationSlug}) was deleted`
    return { ...base, message: `${who}: send it to /hooks/<slug> of an integration to map it.` }
  }
  const mappings = project.mappings.list().filter((mapping) => mapping.integrationId === integration.id)
  if (mappings.length === 0) {
    return {
      ...base,
      message: `${integration.name} has no mapping yet: open this capture in the mapping designer to make one.`
    }
  }
  const decoded = decodeCapturedBody(request.body, request.contentType ?? undefined, request.headers)
  if (decoded.error !== undefined) return { ...base, decodeError: decoded.error, message: null }

  const evaluator = createWorkerExpressionEvaluator()
  try {
    const results: MappingReplay[] = []
    for (const mapping of mappings) {
      const event = project.events.get(mapping.eventId)
      if (!event) continue
      const compiled = compileProjectMapping({ mapping, event, integration }, evaluator)
      const result = await compiled(decoded.value)
      results.push({
        mappingId: mapping.id,
        eventId: event.id,
        eventName: event.name,
        matched: result.matched,
        valid: result.valid,
        outputs: result.outputs.map((output) => ({ payload: output.payload, valid: output.valid })),
        diagnostics: [...decoded.diagnostics, ...result.diagnostics]
      })
    }
    return { ...base, mappings: results, message: null }
  } finally {
    await evaluator.close()
  }
}
