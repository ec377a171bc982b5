import { describe, expect, it } from 'vitest'
import { toNumber } from '../../../../../shared/engine/transforms/toNumber'
import { runStep } from './runStep'

describe('toNumber', () => {
  it.each([
    ['499.50', 499.5],
    [' 12 ', 12],
    ['-3', -3],
    ['1e3', 1000],
    ['.5', 0.5],
    [7, 7]
  ])('reads %j as %d', (input, output) => {
    expect(runStep(toNumber, input)).toEqual({ value: output, reports: [] })
  })

  it('refuses thousands separators and words, giving no value', () => {
    expect(runStep(toNumber, '1,299')).toEqual({
      value: undefined,
      reports: [expect.objectContaining({ code: 'type_mismatch' })]
    })
    expect(runStep(toNumber, true).value).toBeUndefined()
  })

  it('warns when the text has more digits than a double holds', () => {
    expect(runStep(toNumber, '12345678901234567890').reports[0]?.code).toBe('imprecise_number')
  })

  it('passes nothing and null, and converts each element of a list', () => {
    expect(runStep(toNumber, undefined).value).toBeUndefined()
    expect(runStep(toNumber, null).value).toBeNull()
    expect(runStep(toNumber, ['1', '2']).value).toEqual([1, 2])
  })
})
