import { capillaryDatePattern, capillaryDatePatterns } from '../../capillary/findCapillaryDateFormat'
import { capillaryDateFormats } from '../../capillary/implicitAttributes'
import type { DatePattern } from '../../capillary/datePattern'
import type { Transform } from '../../model/mapping'
import { DateValue } from '../dates/dateValue'
import { parseIsoDateTime } from '../dates/parseIsoDateTime'
import { fieldsAt, formatOffset, instantOf, isKnownTimeZone, zoneOffsetMinutes } from '../dates/zonedTime'
import { type CompiledTransform, describeValue, elementwise, type Report } from './transformStep'

/** Writes a moment in `pattern` as wall time in `timeZone`, noting a change of offset (timezone_converted). */
export function writeDate(date: DateValue, pattern: DatePattern, timeZone: string, report: Report): string {
  const fields = fieldsAt(date.epochMs, timeZone)
  if (date.sourceOffsetMinutes !== undefined && fields.offsetMinutes !== date.sourceOffsetMinutes) {
    report(
      'info',
      'timezone_converted',
      `The time was converted from ${formatOffset(date.sourceOffsetMinutes)} to ${timeZone} (${formatOffset(fields.offsetMinutes ?? 0)}).`
    )
  }
  return pattern.format(fields)
}

/**
 * Writes a moment (from parseDate) in one of Capillary's accepted formats, as wall time in `timeZone`. Text that is
 * already an ISO 8601 or Capillary date is read first (without an offset, in `timeZone`); numbers need parseDate.
 */
export function formatDate(transform: Extract<Transform, { kind: 'formatDate' }>): CompiledTransform {
  const timeZone = transform.timeZone ?? 'UTC'
  const pattern = capillaryDatePattern(transform.format)
  if (pattern === undefined) {
    return {
      ok: false,
      error: `formatDate: "${transform.format}" is not a format Capillary accepts (${capillaryDateFormats.join(' | ')}).`
    }
  }
  if (!isKnownTimeZone(timeZone)) return { ok: false, error: `formatDate: unknown time zone "${timeZone}".` }
  const write = (value: unknown, report: Report): unknown => {
    if (value === undefined || value === null) return value
    if (value instanceof DateValue) return writeDate(value, pattern, timeZone, report)
    if (typeof value === 'string') {
      const fields = parseIsoDateTime(value) ?? firstCapillaryReading(value.trim())
      if (fields !== undefined) {
        const epochMs = instantOf(fields, timeZone)
        const offset = fields.offsetMinutes ?? zoneOffsetMinutes(timeZone, epochMs)
        return writeDate(new DateValue(epochMs, offset), pattern, timeZone, report)
      }
    }
    report(
      'error',
      'invalid_date',
      `formatDate: ${describeValue(value)} is not a date it can read; put a parseDate with its format before it.`
    )
    return undefined
  }
  return { ok: true, step: elementwise(write) }
}

function firstCapillaryReading(text: string) {
  for (const candidate of capillaryDatePatterns) {
    const fields = candidate.parse(text)
    if (fields !== undefined) return fields
  }
  return undefined
}
