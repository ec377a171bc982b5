import type { DateFields } from '../../capillary/datePattern'

const iso =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (monthDays[month - 1] ?? 0)

/**
 * Reads ISO 8601 / RFC 3339 date-times in their extended form: a date, optionally a time (T or space) with optional
 * seconds and fraction, optionally Z or an offset. Undefined for anything else or an impossible date.
 */
export function parseIsoDateTime(text: string): DateFields | undefined {
  const match = iso.exec(text.trim())
  if (!match) return undefined
  const [, year, month, day, hour, minute, second, fraction, offset] = match
  const fields: DateFields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: Math.floor(Number(`0.${fraction ?? '0'}`) * 1000)
  }
  if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.day > daysInMonth(fields.year, fields.month))
    return undefined
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 59) return undefined
  if (offset !== undefined) {
    if (offset === 'Z' || offset === 'z') fields.offsetMinutes = 0
    else {
      const digits = offset.replace(':', '')
      const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0')
      if (Number(digits.slice(3, 5) || '0') > 59) return undefined
      fields.offsetMinutes = offset.startsWith('-') ? -minutes : minutes
    }
  }
  return fields
}
