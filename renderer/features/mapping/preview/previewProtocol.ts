import type { DiagnosticSeverity, EngineDiagnostic } from '../../../../shared/engine/diagnostics'
import type { MappingEvent } from '../../../../shared/engine/compileMapping'
import type { IntegrationMatch } from '../../../../shared/engine/resolveMatch'
import type { MappingSpec } from '../../../../shared/model/mapping'

/** What the designer asks the preview worker: run this mapping on this payload text. */
export interface PreviewRequest {
  id: number
  spec: MappingSpec
  event: MappingEvent
  /** For an `integration` match: the integration's event-name field and the source names of this event. */
  integration?: IntegrationMatch
  payloadText: string
}

/** A diagnostic placed in one of the two editors, by offsets into its text. */
export interface TextMarker {
  side: 'input' | 'output'
  start: number
  end: number
  severity: DiagnosticSeverity
  code: string
  message: string
}

/** What is behind one output value: shown on hover over the value in the output, and over its source in the input. */
export interface ValueOrigin {
  target: string
  source: 'path' | 'constant' | 'expression'
  path?: string
  transforms: string[]
  raw: unknown
  value: unknown
  output: { start: number; end: number } | null
  inputs: { start: number; end: number }[]
}

export interface PreviewResult {
  id: number
  /** The output payload as posted (one object), or the list of them under fan-out. */
  outputText: string
  matched: boolean
  valid: boolean
  outputCount: number
  markers: TextMarker[]
  origins: ValueOrigin[]
  diagnostics: EngineDiagnostic[]
  /** The payload text is not JSON: why (the output is then empty). */
  payloadError?: string
}

/** The newest preview result, as the designer holds it. */
export interface PreviewResults {
  result: PreviewResult | null
}
