import { describe, expect, it } from 'vitest'
import { DateValue } from '../../../../../shared/engine/dates/dateValue'
import { formatDate } from '../../../../../shared/engine/transforms/formatDate'
import { compiled, runStep } from './runStep'

const writing = (format: string, timeZone = 'UTC') => compiled(formatDate({ kind: 'formatDate', format, timeZone }))
const noonUtc = new DateValue(Date.UTC(2024, 3, 11, 12), undefined)

describe('formatDate', () => {
  it('writes a moment in a Capillary format and zone', () => {
    expect(runStep(writing('yyyy-MM-dd HH:mm:ss'), noonUtc)).toEqual({ value: '2024-04-11 12:00:00', reports: [] })
    expect(runStep(writing("yyyy-MM-dd'T'HH:mm:ssXXX", 'Asia/Kolkata'), noonUtc).value).toBe(
      '2024-04-11T17:30:00+05:30'
    )
  })

  it('notes a change of offset from the one the source had', () => {
    const fromIndia = new DateValue(Date.UTC(2024, 3, 11, 12), 330)
    expect(runStep(writing('yyyy-MM-dd HH:mm:ss'), fromIndia).reports).toEqual([
      expect.objectContaining({ code: 'timezone_converted', message: expect.stringContaining('+05:30 to UTC') })
    ])
  })

  it('reads ISO or Capillary-format text itself', () => {
    expect(runStep(writing('dd-MM-yyyy'), '2024-04-11T23:30:00Z').value).toBe('11-04-2024')
    expect(runStep(writing('yyyy-MM-dd'), '04/11/2024 10:00:00').value).toBe('2024-04-11')
  })

  it('needs parseDate for numbers', () => {
    expect(runStep(writing('yyyy-MM-dd'), 1712836800)).toEqual({
      value: undefined,
      reports: [expect.objectContaining({ code: 'invalid_date', message: expect.stringContaining('parseDate') })]
    })
  })

  it('refuses, when compiled, a format Capillary does not accept', () => {
    expect(formatDate({ kind: 'formatDate', format: 'dd/MM/yyyy', timeZone: 'UTC' })).toEqual({
      ok: false,
      error: expect.stringContaining('not a format Capillary accepts')
    })
  })
})
