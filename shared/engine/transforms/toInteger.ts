import { describeValue, elementwise } from './transformStep'

/**
 * Reads a whole number from a number or text ("2", "2.0"). A fraction is not silently rounded: "2.5" is a
 * type_mismatch. Integers beyond 2^53 stay exact text, with a big_integer warning.
 */
export const toInteger = elementwise((value, report) => {
  if (value === undefined || value === null) return value
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined
  const match = text === undefined ? null : /^([+-]?\d+)(?:\.0*)?$/.exec(text)
  if (match?.[1] === undefined) {
    report('error', 'type_mismatch', `toInteger: ${describeValue(value)} is not a whole number.`)
    return undefined
  }
  const number = Number(match[1])
  if (Number.isSafeInteger(number)) return number
  const digits = match[1].replace(/^\+/, '')
  report('warning', 'big_integer', `${digits} is beyond 2^53, so it stays exact text rather than a rounded number.`)
  return digits
})
