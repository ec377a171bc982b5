import type { TransformKind } from './mapping'

/** Each transform as the designer's picker names it, and as messages about a mapping name it to its user. */
export const transformLabels: Record<TransformKind, string> = {
  trim: 'Trim white space',
  lowerCase: 'Lower case',
  upperCase: 'Upper case',
  toNumber: 'To number',
  toInteger: 'To integer',
  toBoolean: 'To boolean',
  parseDate: 'Parse date',
  formatDate: 'Format date',
  lookup: 'Lookup table',
  default: 'Default value',
  template: 'Template',
  split: 'Split',
  join: 'Join',
  first: 'First of a list',
  last: 'Last of a list',
  sum: 'Sum of a list',
  count: 'Count of a list',
  sha256: 'SHA-256 hash',
  mask: 'Mask'
}
