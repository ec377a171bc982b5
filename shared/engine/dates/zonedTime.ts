import { tzOffset } from '@date-fns/tz'
import type { DateFields } from '../../capillary/datePattern'

const offsetCache = new Map<string, Map<number, number>>()
const bucketMs = 15 * 60_000

/**
 * The UTC offset of an IANA zone at an instant, in minutes (NaN for an unknown zone). Zone rules change offsets
 * only on quarter hours, so offsets are cached per zone and quarter hour.
 */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0
  let zone = offsetCache.get(timeZone)
  if (zone === undefined) {
    if (offsetCache.size > 100) offsetCache.clear()
    zone = new Map()
    offsetCache.set(timeZone, zone)
  }
  const bucket = Math.floor(epochMs / bucketMs)
  const cached = zone.get(bucket)
  if (cached !== undefined) return cached
  const offset = tzOffset(timeZone, new Date(epochMs))
  if (zone.size > 5_000) zone.clear()
  zone.set(bucket, offset)
  return offset
}

export const isKnownTimeZone = (timeZone: string): boolean => !Number.isNaN(zoneOffsetMinutes(timeZone, 0))

const wallMs = (fields: DateFields): number => {
  const { year, month, day, hour, minute, second, millisecond } = fields
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millisecond)
  // Date.UTC reads years 0-99 as 1900-1999.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, millisecond)
  return date.getTime()
}

/** The instant fields name: with their own offset when they carry one, else as a wall time in `timeZone`. */
export function instantOf(fields: DateFields, timeZone: string): number {
  const wall = wallMs(fields)
  if (fields.offsetMinutes !== undefined) return wall - fields.offsetMinutes * 60_000
  const first = wall - zoneOffsetMinutes(timeZone, wall) * 60_000
  const second = zoneOffsetMinutes(timeZone, first)
  return wall - second * 60_000
}

/** The wall time of an instant in `timeZone`, with that zone's offset then. */
export function fieldsAt(epochMs: number, timeZone: string): DateFields {
  const offsetMinutes = zoneOffsetMinutes(timeZone, epochMs)
  const wall = new Date(epochMs + offsetMinutes * 60_000)
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    offsetMinutes
  }
}

/** `+05:30`, `-04:00`, `+00:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`
}
