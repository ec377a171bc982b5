/** The codes of Capillary's value rules; shared/engine reports them as its diagnostics under the same names. */
export const valueIssueCodes = [
  'type_mismatch',
  'invalid_enum',
  'invalid_date',
  'regex_mismatch',
  'too_many_decimals',
  'big_integer',
  'imprecise_number',
  'numeric_string',
  'identifier_normalised',
  'whitespace_trimmed',
  'invalid_identifier'
] as const
export type ValueIssueCode = (typeof valueIssueCodes)[number]

/** One finding about a value sent for an attribute: error (Capillary would reject it), warning, or info. */
export interface ValueIssue {
  severity: 'error' | 'warning' | 'info'
  code: ValueIssueCode
  message: string
}
