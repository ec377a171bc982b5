import { describeValue, elementwise } from './transformStep'

const truthy = new Set(['true', 'yes', 'y', '1', 'on'])
const falsy = new Set(['false', 'no', 'n', '0', 'off'])

/** Reads true/false from booleans, 1/0 and the words true/false, yes/no, y/n, on/off (any case). */
export const toBoolean = elementwise((value, report) => {
  if (value === undefined || value === null || typeof value === 'boolean') return value
  const word = typeof value === 'number' || typeof value === 'string' ? String(value).trim().toLowerCase() : undefined
  if (word !== undefined && truthy.has(word)) return true
  if (word !== undefined && falsy.has(word)) return false
  report('error', 'type_mismatch', `toBoolean: ${describeValue(value)} is not a yes/no value.`)
  return undefined
})
