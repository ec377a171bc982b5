import { describe, expect, it } from 'vitest'
import { DateValue } from '../../../../../shared/engine/dates/dateValue'
import { parseDate } from '../../../../../shared/engine/transforms/parseDate'
import { compiled, runStep } from './runStep'

const reading = (formats: string[], timeZone = 'UTC') => compiled(parseDate({ kind: 'parseDate', formats, timeZone }))

const iso = (value: unknown) => (value instanceof DateValue ? new Date(value.epochMs).toISOString() : value)

describe('parseDate', () => {
  it('reads epoch milliseconds and seconds, as numbers or text', () => {
    expect(iso(runStep(reading(['epochMillis']), 1764320527123).value)).toBe('2025-11-28T09:02:07.123Z')
    expect(iso(runStep(reading(['epochSeconds']), '1712836800').value)).toBe('2024-04-11T12:00:00.000Z')
  })

  it('reads ISO 8601 with its offset', () => {
    const { value, reports } = runStep(reading(['iso8601']), '2026-11-20T18:42:07+05:30')
    expect(iso(value)).toBe('2026-11-20T13:12:07.000Z')
    expect(reports).toEqual([])
  })

  it('reads a time without an offset in the given zone, and says so', () => {
    const { value, reports } = runStep(reading(['yyyy-MM-dd HH:mm:ss'], 'Asia/Kolkata'), '2024-04-11 12:00:00')
    expect(iso(value)).toBe('2024-04-11T06:30:00.000Z')
    expect(reports).toEqual([expect.objectContaining({ code: 'naive_datetime', severity: 'info' })])
  })

  it('tries formats in order', () => {
    const step = reading(['dd-MM-yyyy', 'yyyy-MM-dd', 'epochSeconds'])
    expect(iso(runStep(step, '11-04-2024').value)).toBe('2024-04-11T00:00:00.000Z')
    expect(iso(runStep(step, '2024-04-11').value)).toBe('2024-04-11T00:00:00.000Z')
    expect(iso(runStep(step, 1712836800).value)).toBe('2024-04-11T12:00:00.000Z')
  })

  it('says which formats it tried when none reads the value', () => {
    expect(runStep(reading(['iso8601', 'epochMillis']), 'tomorrow')).toEqual({
      value: undefined,
      reports: [
        expect.objectContaining({ code: 'invalid_date', message: expect.stringContaining('iso8601, epochMillis') })
      ]
    })
  })

  it('refuses an unknown zone or an invalid pattern when compiled', () => {
    expect(parseDate({ kind: 'parseDate', formats: ['iso8601'], timeZone: 'Mars/Olympus' }).ok).toBe(false)
    expect(parseDate({ kind: 'parseDate', formats: ['yyyy-MM-dd hh'], timeZone: 'UTC' }).ok).toBe(false)
  })

  it('passes nothing, null and a moment already read', () => {
    const moment = new DateValue(0, undefined)
    expect(runStep(reading(['iso8601']), moment).value).toBe(moment)
    expect(runStep(reading(['iso8601']), null).value).toBeNull()
  })
})
