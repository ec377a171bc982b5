import type { TransformKind } from '../model/mapping'
import type { EngineDiagnostic } from './diagnostics'

/** Capillary's wire shape (notes §6.3): `event_name` plus one key per attribute, the customer key holding the id. */
export type CapillaryPayload = { event_name: string } & Record<string, unknown>

/** Where one output key came from and what happened on the way. */
export interface FieldProvenance {
  target: string
  source: 'path' | 'constant' | 'expression'
  /** The rule's path as written (paths only). */
  path?: string
  /** JSON pointers into the decoded input that fed the value (empty for constants and expressions). */
  inputPointers: string[]
  transforms: TransformKind[]
  /** The value the source gave, before any transform (undefined when there was none). */
  raw: unknown
  /** The value sent, or undefined when the key was left out. */
  value: unknown
}

export interface MappingOutput {
  payload: CapillaryPayload
  provenance: FieldProvenance[]
  /** No error diagnostic concerns this output (nor the mapping itself). */
  valid: boolean
  /** Under fan-out, the JSON pointer of the item this output was made from. */
  itemPointer?: string
}

export interface MappingResult {
  /** The payload is one this mapping applies to (its match held). */
  matched: boolean
  outputs: MappingOutput[]
  diagnostics: EngineDiagnostic[]
  /** At least one output, and no error anywhere. */
  valid: boolean
}
