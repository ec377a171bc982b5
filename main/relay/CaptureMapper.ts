import type { CompiledMapping } from '../../shared/engine/compileMapping'
import type { EngineDiagnostic } from '../../shared/engine/diagnostics'
import type { ExpressionEvaluator } from '../../shared/engine/expressions/expressionEvaluator'
import type { Delivery } from '../../shared/model/relay'
import { compileProjectMapping } from '../engine/compileProjectMapping'
import { decodeCapturedBody } from '../engine/decodeCapturedBody'
import type { ProjectDatabase } from '../store/database'
import { EventRepository } from '../store/EventRepository'
import { IntegrationRepository } from '../store/IntegrationRepository'
import { MappingRepository } from '../store/MappingRepository'
import type { CaptureToRelay, NewOutboxRow } from '../store/OutboxRepository'
import { externalEventIds } from './externalEventId'

interface CompiledForIntegration {
  version: string
  mappings: { eventName: string; run: CompiledMapping }[]
}

/**
 * Matches, maps and validates a capture with its integration's mappings, as `capmap transform` does: every output
 * becomes an outbox row (pending when valid, invalid with its diagnostics otherwise). Mappings are compiled once and
 * recompiled when the mapping, its event or the integration changed.
 */
export class CaptureMapper {
  private readonly compiled = new Map<string, CompiledForIntegration>()
  /** Integrations whose mappings were checked for changes since `refresh` (once per batch, not per capture). */
  private readonly checked = new Set<string>()
  private readonly integrations: IntegrationRepository
  private readonly events: EventRepository
  private readonly mappings: MappingRepository

  constructor(
    db: ProjectDatabase,
    private readonly evaluator: ExpressionEvaluator
  ) {
    this.integrations = new IntegrationRepository(db)
    this.events = new EventRepository(db)
    this.mappings = new MappingRepository(db)
  }

  /** A new batch: mappings, events and integrations are read again on first use, in case they changed. */
  refresh(): void {
    this.checked.clear()
  }

  async outputsOf(capture: CaptureToRelay): Promise<NewOutboxRow[]> {
    const integrationId = capture.integrationId
    if (integrationId === null || capture.status !== 'ok') return []
    const base = { captureSeq: capture.seq, integrationId }
    // A redacted body no longer holds what the sender sent: relaying it would send "[redacted]" to Capillary.
    if (capture.redacted) return [invalid(base, 0, 'The capture was redacted: turn redaction off to relay it.')]
    const compiled = this.compiledFor(integrationId)
    const decoded = decodeCapturedBody(
      capture.body ?? new Uint8Array(),
      capture.contentType ?? undefined,
      capture.headers
    )
    if (decoded.error !== undefined) return [invalid(base, 0, `The body could not be read: ${decoded.error}`)]
    const idOf = externalEventIds(capture.headers, capture.body)
    const rows: NewOutboxRow[] = []
    for (const mapping of compiled.mappings) {
      const result = await mapping.run(decoded.value)
      if (!result.matched) continue
      const diagnosticsOf = diagnosticsByOutput(result.diagnostics)
      result.outputs.forEach((output, index) => {
        const outputIndex = rows.length
        const id =
          typeof output.payload.external_event_id === 'string' && output.payload.external_event_id !== ''
            ? output.payload.external_event_id
            : idOf(outputIndex)
        const diagnostics = diagnosticsOf(index)
        rows.push({
          ...base,
          outputIndex,
          eventName: output.payload.event_name || mapping.eventName,
          externalEventId: id,
          payload: { ...output.payload, external_event_id: id },
          diagnostics: diagnostics.map(toRowDiagnostic),
          status: output.valid ? 'pending' : 'invalid'
        })
      })
    }
    if (rows.length === 0 && compiled.mappings.length === 0) {
      return [invalid(base, 0, 'The integration has no mapping: map its payloads onto an event to relay them.')]
    }
    if (rows.length === 0) return [invalid(base, 0, 'No mapping of the integration matches this payload.')]
    return rows
  }

  private compiledFor(integrationId: string): CompiledForIntegration {
    const known = this.compiled.get(integrationId)
    if (known && this.checked.has(integrationId)) return known
    this.checked.add(integrationId)
    const integration = this.integrations.get(integrationId)
    const mappings = this.mappings
      .list()
      .filter((mapping) => mapping.integrationId === integrationId)
      .sort((a, b) => a.id.localeCompare(b.id))
    const withEvents = mappings.flatMap((mapping) => {
      const event = this.events.get(mapping.eventId)
      return event ? [{ mapping, event }] : []
    })
    const version = [
      integration?.updatedAt ?? '',
      ...withEvents.map(({ mapping, event }) => `${mapping.id}@${mapping.updatedAt}/${event.updatedAt}`)
    ].join('|')
    const cached = this.compiled.get(integrationId)
    if (cached?.version === version) return cached
    const fresh: CompiledForIntegration = {
      version,
      mappings: integration
        ? withEvents.map(({ mapping, event }) => ({
            eventName: event.name,
            run: compileProjectMapping({ mapping, event, integration }, this.evaluator)
          }))
        : []
    }
    this.compiled.set(integrationId, fresh)
    return fresh
  }
}

function invalid(base: { captureSeq: number; integrationId: string }, outputIndex: number, message: string) {
  return {
    ...base,
    outputIndex,
    eventName: '',
    externalEventId: '',
    payload: {},
    diagnostics: [{ severity: 'error', message }],
    status: 'invalid'
  } satisfies NewOutboxRow
}

function toRowDiagnostic(diagnostic: EngineDiagnostic): Delivery['diagnostics'][number] {
  return {
    severity: diagnostic.severity,
    message: diagnostic.message,
    ...(diagnostic.attribute !== undefined ? { attribute: diagnostic.attribute } : {})
  }
}

/**
 * An output's diagnostics: those about the whole run (no output pointer) and those pointing into that output
 * (`/<index>/…`), grouped in one pass, so a fan-out of thousands of outputs does not scan every diagnostic for each.
 */
function diagnosticsByOutput(diagnostics: readonly EngineDiagnostic[]): (index: number) => EngineDiagnostic[] {
  const general: EngineDiagnostic[] = []
  const byIndex = new Map<number, EngineDiagnostic[]>()
  for (const diagnostic of diagnostics) {
    if (diagnostic.outputPointer === undefined) {
      general.push(diagnostic)
      continue
    }
    const index = /^\/(\d+)\//.exec(diagnostic.outputPointer)?.[1]
    if (index === undefined) continue
    const group = byIndex.get(Number(index)) ?? []
    group.push(diagnostic)
    byIndex.set(Number(index), group)
  }
  return (index) => {
    const own = byIndex.get(index)
    return own ? [...general, ...own] : general
  }
}
