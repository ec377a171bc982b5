import { describe, expect, it } from 'vitest'
import { capillaryDatePatterns, findCapillaryDateFormat } from '../../../../shared/capillary/findCapillaryDateFormat'
import { capillaryDateFormats } from '../../../../shared/capillary/implicitAttributes'

describe('findCapillaryDateFormat', () => {
  it('compiles every documented format', () => {
    expect(capillaryDatePatterns.map((pattern) => pattern.pattern)).toEqual([...capillaryDateFormats])
  })

  it.each([
    ['2024-04-11 12:00:00', 'yyyy-MM-dd HH:mm:ss'],
    ['2026-11-20T18:42:07+05:30', "yyyy-MM-dd'T'HH:mm:ssXXX"],
    ['2024-04-11', 'yyyy-MM-dd'],
    ['11-04-2024 12:00:00', 'dd-MM-yyyy HH:mm:ss'],
    ['04/11/2024', 'MM/dd/yyyy'],
    ['20240411 12:00:00', 'yyyyMMdd HH:mm:ss'],
    ['11-Apr-24', 'dd-MMM-yy'],
    ['2024-04-11T12:00:00', "yyyy-MM-dd'T'HH:mm:ss"]
  ])('finds the format of %s', (text, format) => {
    expect(findCapillaryDateFormat(text)).toBe(format)
  })

  it('finds none for ISO text with milliseconds and a Z, which no listed format has', () => {
    expect(findCapillaryDateFormat('2024-04-11T12:00:00.000Z')).toBeUndefined()
  })

  it('finds none for an epoch number written as text', () => {
    expect(findCapillaryDateFormat('1712836800')).toBeUndefined()
  })
})
