import { describe, expect, it } from 'vitest'
import { parseIsoDateTime } from '../../../../../shared/engine/dates/parseIsoDateTime'

describe('parseIsoDateTime', () => {
  it('reads a date-time with an offset', () => {
    expect(parseIsoDateTime('2026-11-20T18:42:07+05:30')).toEqual({
      year: 2026,
      month: 11,
      day: 20,
      hour: 18,
      minute: 42,
      second: 7,
      millisecond: 0,
      offsetMinutes: 330
    })
  })

  it('reads Z, fractions and a space separator', () => {
    expect(parseIsoDateTime('2024-04-11 12:00:00.5Z')).toMatchObject({ millisecond: 500, offsetMinutes: 0 })
  })

  it('reads a date alone or a time without seconds, without an offset', () => {
    expect(parseIsoDateTime('2024-04-11')).toEqual({
      year: 2024,
      month: 4,
      day: 11,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0
    })
    expect(parseIsoDateTime('2024-04-11T09:30')).toMatchObject({ hour: 9, minute: 30 })
  })

  it('refuses impossible or other text', () => {
    expect(parseIsoDateTime('2024-13-01')).toBeUndefined()
    expect(parseIsoDateTime('2024-02-30T00:00:00Z')).toBeUndefined()
    expect(parseIsoDateTime('11/04/2024')).toBeUndefined()
  })
})
