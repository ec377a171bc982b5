import { compileDatePattern, type DateFields } from '../../capillary/datePattern'
import type { Transform } from '../../model/mapping'
import { DateValue } from '../dates/dateValue'
import { parseIsoDateTime } from '../dates/parseIsoDateTime'
import { formatOffset, instantOf, isKnownTimeZone, zoneOffsetMinutes } from '../dates/zonedTime'
import { type CompiledTransform, describeValue, elementwise, type Report } from './transformStep'

type Reader = (value: unknown) => DateFields | number | undefined

// Beyond ±8.64e15 ms a JavaScript date is invalid (ECMA-262 §21.4.1.1).
const maxEpochMs = 8.64e15

function epochReader(unitMs: number): Reader {
  return (value) => {
    const number =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())
          ? Number(value)
          : NaN
    const epochMs = Math.round(number * unitMs)
    return Number.isFinite(epochMs) && Math.abs(epochMs) <= maxEpochMs ? epochMs : undefined
  }
}

/**
 * Reads a moment from text or a number, trying `formats` in order: `iso8601`, `epochSeconds`, `epochMillis`, or a
 * date pattern (Capillary's Java style, e.g. `dd-MM-yyyy HH:mm:ss`). A value without an offset is read in `timeZone`
 * (a naive_datetime note says so). Gives a moment for formatDate; a value no format reads is an invalid_date error.
 */
export function parseDate(transform: Extract<Transform, { kind: 'parseDate' }>): CompiledTransform {
  const timeZone = transform.timeZone ?? 'UTC'
  if (!isKnownTimeZone(timeZone)) return { ok: false, error: `parseDate: unknown time zone "${timeZone}".` }
  const readers: Reader[] = []
  for (const format of transform.formats) {
    if (format === 'epochSeconds') readers.push(epochReader(1000))
    else if (format === 'epochMillis') readers.push(epochReader(1))
    else if (format === 'iso8601')
      readers.push((value) => (typeof value === 'string' ? parseIsoDateTime(value) : undefined))
    else {
      const pattern = compileDatePattern(format)
      if (typeof pattern === 'string')
        return { ok: false, error: `parseDate: the format "${format}" is invalid: ${pattern}` }
      readers.push((value) =>
        typeof value === 'string'
          ? pattern.parse(value.trim())
          : typeof value === 'number'
            ? pattern.parse(String(value))
            : undefined
      )
    }
  }
  const formats = transform.formats.join(', ')
  const read = (value: unknown, report: Report): unknown => {
    if (value === undefined || value === null || value instanceof DateValue) return value
    for (const reader of readers) {
      const read = reader(value)
      if (read === undefined) continue
      if (typeof read === 'number') return new DateValue(read, undefined)
      const epochMs = instantOf(read, timeZone)
      if (!Number.isFinite(epochMs)) continue
      if (read.offsetMinutes !== undefined) return new DateValue(epochMs, read.offsetMinutes)
      const offset = zoneOffsetMinutes(timeZone, epochMs)
      report(
        'info',
        'naive_datetime',
        `${describeValue(value)} has no time zone; it was read as ${timeZone} time (${formatOffset(offset)}).`
      )
      return new DateValue(epochMs, offset)
    }
    report('error', 'invalid_date', `parseDate: ${describeValue(value)} is not a date in any of: ${formats}.`)
    return undefined
  }
  return { ok: true, step: elementwise(read) }
}
