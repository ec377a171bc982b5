import { describe, expect, it } from 'vitest'
import { compileDatePattern, type DatePattern } from '../../../../shared/capillary/datePattern'

function pattern(text: string): DatePattern {
  const compiled = compileDatePattern(text)
  if (typeof compiled === 'string') throw new Error(compiled)
  return compiled
}

const noon = { year: 2024, month: 4, day: 11, hour: 12, minute: 0, second: 0, millisecond: 0 }

describe('compileDatePattern', () => {
  it('reads and writes yyyy-MM-dd HH:mm:ss', () => {
    const format = pattern('yyyy-MM-dd HH:mm:ss')
    expect(format.parse('2024-04-11 12:00:00')).toEqual(noon)
    expect(format.format(noon)).toBe('2024-04-11 12:00:00')
  })

  it('takes exactly two digits where the pattern has two letters', () => {
    expect(pattern('yyyy-MM-dd').parse('2024-4-11')).toBeUndefined()
  })

  it('refuses impossible dates instead of rolling them over as Java does', () => {
    expect(pattern('yyyy-MM-dd').parse('2023-02-29')).toBeUndefined()
    expect(pattern('yyyy-MM-dd').parse('2024-02-29')).toEqual({ ...noon, month: 2, day: 29, hour: 0 })
    expect(pattern('yyyy-MM-dd HH:mm:ss').parse('2024-04-11 24:00:00')).toBeUndefined()
  })

  it('reads an offset with XXX, Z included, and writes Z for UTC', () => {
    const format = pattern("yyyy-MM-dd'T'HH:mm:ssXXX")
    expect(format.parse('2026-11-20T18:42:07+05:30')?.offsetMinutes).toBe(330)
    expect(format.parse('2026-11-20T18:42:07Z')?.offsetMinutes).toBe(0)
    expect(format.format({ ...noon, offsetMinutes: 0 })).toBe('2024-04-11T12:00:00Z')
    expect(format.format({ ...noon, offsetMinutes: -240 })).toBe('2024-04-11T12:00:00-04:00')
    expect(format.hasOffset).toBe(true)
  })

  it('treats S as a count of milliseconds and s without padding, as Java does', () => {
    const format = pattern("yyyy-MM-dd'T'HH:mm:s.S")
    expect(format.parse('2024-04-11T12:00:5.123')).toEqual({ ...noon, second: 5, millisecond: 123 })
    expect(format.format({ ...noon, second: 5, millisecond: 7 })).toBe('2024-04-11T12:00:5.7')
  })

  it('reads English month and day names in any case and checks the day name', () => {
    const format = pattern('EEE MMM dd HH:mm:ss z yyyy')
    expect(format.parse('Thu Apr 11 12:00:00 UTC 2024')).toEqual({ ...noon, offsetMinutes: 0 })
    expect(format.parse('thu APR 11 12:00:00 GMT+05:30 2024')?.offsetMinutes).toBe(330)
    expect(format.parse('Fri Apr 11 12:00:00 UTC 2024')).toBeUndefined()
    expect(format.format({ ...noon, offsetMinutes: 330 })).toBe('Thu Apr 11 12:00:00 GMT+05:30 2024')
  })

  it("reads the zone names Java's Date.toString() writes, and refuses one without a safe reading", () => {
    const format = pattern('EEE MMM dd HH:mm:ss z yyyy')
    expect(format.parse('Thu Apr 11 12:00:00 PST 2024')?.offsetMinutes).toBe(-480)
    expect(format.parse('Thu Apr 11 12:00:00 EDT 2024')?.offsetMinutes).toBe(-240)
    expect(format.parse('Thu Apr 11 12:00:00 CEST 2024')?.offsetMinutes).toBe(120)
    expect(format.parse('Thu Apr 11 12:00:00 SGT 2024')?.offsetMinutes).toBe(480)
    expect(format.parse('Thu Apr 11 12:00:00 BST 2024')).toBeUndefined()
    expect(format.parse('Thu Apr 11 12:00:00 CST 2024')).toBeUndefined()
  })

  it('reads two-digit years in the fixed POSIX window', () => {
    const format = pattern('dd-MMM-yy')
    expect(format.parse('11-Apr-24')?.year).toBe(2024)
    expect(format.parse('11-Apr-85')?.year).toBe(1985)
    expect(format.format({ ...noon, year: 1985 })).toBe('11-Apr-85')
  })

  it('reads full month names and defaults a missing year to 1970, as Java does', () => {
    expect(pattern('MMMM,dd,yyyy').parse('April,11,2024')).toEqual({ ...noon, hour: 0 })
    expect(pattern('MMMM,dd').parse('April,11')?.year).toBe(1970)
  })

  it('keeps quoted text literal and reads a doubled quote as one quote', () => {
    expect(pattern("yyyy-MM-dd'T'HH:mm:ss").format(noon)).toBe('2024-04-11T12:00:00')
    expect(pattern("HH'h'''").format(noon)).toBe("12h'")
  })

  it('reads the odd yyyy-dd-MM order Capillary lists', () => {
    expect(pattern('yyyy-dd-MM HH:mm:ss').parse('2024-11-04 12:00:00')).toEqual(noon)
  })

  it('explains a letter it does not support or an unclosed quote', () => {
    expect(compileDatePattern('yyyy-MM-dd hh:mm a')).toContain('"h"')
    expect(compileDatePattern("yyyy'T")).toContain('not closed')
  })
})
