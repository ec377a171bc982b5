import { isSafeNumber } from 'lossless-json'
import { describeValue, elementwise } from './transformStep'

const numberText = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * Reads a number from a number or numeric text ("499.50", " 12 ", "1e3"; no thousands separators, which are
 * ambiguous across locales). Anything else is a type_mismatch and gives no value.
 */
export const toNumber = elementwise((value, report) => {
  if (value === undefined || value === null) return value
  if (typeof value === 'number') return value
  if (typeof value === 'string' && numberText.test(value.trim())) {
    const text = value.trim()
    // Up to 15 significant digits always survive a double; only longer texts need the exact check.
    if (text.length > 15 && !isSafeNumber(text))
      report('warning', 'imprecise_number', `${text} has more digits than a double holds.`)
    return Number(text)
  }
  report('error', 'type_mismatch', `toNumber: ${describeValue(value)} is not a number.`)
  return undefined
})
