import type { ValueIssueCode } from '../capillary/valueIssue'

/**
 * What the engine says about a payload, a value or a rule. Codes are stable: tests, the designer, the CLI's stderr
 * and the README's table ("## Mapping engine") all use them, so a code is never renamed, only added.
 */
export const diagnosticCodes = [
  'missing_customer',
  'missing_required',
  'missing_value',
  'null_value',
  'empty_value',
  'type_mismatch',
  'invalid_enum',
  'invalid_date',
  'regex_mismatch',
  'too_many_decimals',
  'too_many_attributes',
  'big_integer',
  'imprecise_number',
  'numeric_string',
  'whitespace_trimmed',
  'timezone_converted',
  'naive_datetime',
  'identifier_normalised',
  'invalid_identifier',
  'lookup_miss',
  'unknown_target',
  'invalid_rule',
  'fan_out_not_array',
  'fan_out_empty',
  'no_match',
  'expression_error',
  'expression_timeout',
  'decode_error',
  'engine_error'
] as const
export type DiagnosticCode = (typeof diagnosticCodes)[number]

/** Each code in a few words, for where diagnostics are counted by code (a batch run's summary). */
export const diagnosticTitles: Record<DiagnosticCode, string> = {
  missing_customer: 'No customer identifier',
  missing_required: 'A required attribute is missing',
  missing_value: 'A value is missing',
  null_value: 'A value is null',
  empty_value: 'A value is empty',
  type_mismatch: 'A value has the wrong type',
  invalid_enum: 'A value is not one of the allowed values',
  invalid_date: 'A date cannot be read',
  regex_mismatch: "A value does not match its attribute's pattern",
  too_many_decimals: 'A number has too many decimals',
  too_many_attributes: 'Too many attributes',
  big_integer: 'An integer too large for a number',
  imprecise_number: 'A number with more digits than a double keeps',
  numeric_string: 'A number sent as text',
  whitespace_trimmed: 'Spaces trimmed',
  timezone_converted: 'A time converted to another time zone',
  naive_datetime: 'A time without a time zone',
  identifier_normalised: 'An identifier normalised',
  invalid_identifier: 'An identifier Capillary refuses',
  lookup_miss: 'A value not in the lookup table',
  unknown_target: 'A rule for an attribute the event lacks',
  invalid_rule: 'A rule that cannot run',
  fan_out_not_array: 'A fan-out source that is not a list',
  fan_out_empty: 'A fan-out over an empty list',
  no_match: 'Not this event',
  expression_error: 'A JSONata expression failed',
  expression_timeout: 'A JSONata expression ran too long',
  decode_error: 'The payload cannot be read',
  engine_error: 'The engine failed'
}

// Capillary's value rules (shared/capillary) report under the same codes: this fails to compile until a new rule
// code is added above.
type Covered<Code extends DiagnosticCode> = Code
export type ValueRuleDiagnosticCode = Covered<ValueIssueCode>

/** error: the output is not valid for Capillary (or there is none); warning: valid, but look; info: how it was read. */
export type DiagnosticSeverity = 'error' | 'warning' | 'info'

export interface EngineDiagnostic {
  severity: DiagnosticSeverity
  code: DiagnosticCode
  /** One sentence a consultant can act on. */
  message: string
  /** The target attribute (or extra key such as eventDateTime) the diagnostic is about. */
  attribute?: string
  /** JSON pointer (RFC 6901) into the decoded input payload. */
  inputPointer?: string
  /** JSON pointer into the output payloads: `/<output index>/<key>`. */
  outputPointer?: string
}

/** Escapes one reference token of a JSON pointer (RFC 6901 §3). */
export function pointerToken(segment: string | number): string {
  return typeof segment === 'number' ? String(segment) : segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Builds a JSON pointer from its segments (`[]` is the whole document, `""`). */
export function jsonPointer(segments: readonly (string | number)[]): string {
  let pointer = ''
  for (const segment of segments) pointer += '/' + pointerToken(segment)
  return pointer
}

/** Reads a JSON pointer back into its segments (numbers stay strings: the document decides what they index). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
}
