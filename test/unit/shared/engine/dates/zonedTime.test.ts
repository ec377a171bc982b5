import { describe, expect, it } from 'vitest'
import {
  fieldsAt,
  formatOffset,
  instantOf,
  isKnownTimeZone,
  zoneOffsetMinutes
} from '../../../../../shared/engine/dates/zonedTime'

const fields = { year: 2024, month: 4, day: 11, hour: 12, minute: 0, second: 0, millisecond: 0 }

describe('zonedTime', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isKnownTimeZone('Asia/Kolkata')).toBe(true)
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false)
  })

  it('reads a wall time in a zone', () => {
    expect(new Date(instantOf(fields, 'Asia/Kolkata')).toISOString()).toBe('2024-04-11T06:30:00.000Z')
  })

  it('prefers the offset the fields carry', () => {
    expect(new Date(instantOf({ ...fields, offsetMinutes: -240 }, 'Asia/Kolkata')).toISOString()).toBe(
      '2024-04-11T16:00:00.000Z'
    )
  })

  it('follows daylight saving time', () => {
    expect(zoneOffsetMinutes('Europe/London', Date.UTC(2024, 0, 1))).toBe(0)
    expect(zoneOffsetMinutes('Europe/London', Date.UTC(2024, 6, 1))).toBe(60)
    expect(new Date(instantOf({ ...fields, month: 7 }, 'Europe/London')).toISOString()).toBe('2024-07-11T11:00:00.000Z')
  })

  it('gives the wall time of an instant in a zone', () => {
    expect(fieldsAt(Date.UTC(2024, 3, 11, 6, 30), 'Asia/Kolkata')).toEqual({ ...fields, offsetMinutes: 330 })
  })

  it('writes offsets as ±hh:mm', () => {
    expect([330, -240, 0].map(formatOffset)).toEqual(['+05:30', '-04:00', '+00:00'])
  })
})
