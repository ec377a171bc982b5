import { describe, expect, it } from 'vitest'
import { sum } from '../../../../../shared/engine/transforms/sum'
import { runStep } from './runStep'

describe('sum', () => {
  it('adds numbers and numeric text, skipping nulls', () => {
    expect(runStep(sum, [2, '1', null]).value).toBe(3)
  })

  it('rounds to the most decimals among the terms', () => {
    expect(runStep(sum, [0.1, 0.2]).value).toBe(0.3)
    expect(runStep(sum, ['499.50', '299']).value).toBe(798.5)
  })

  it('gives 0 for an empty list and passes nothing', () => {
    expect(runStep(sum, []).value).toBe(0)
    expect(runStep(sum, undefined).value).toBeUndefined()
  })

  it('refuses a term that is not a number', () => {
    expect(runStep(sum, [1, 'two'])).toEqual({
      value: undefined,
      reports: [expect.objectContaining({ code: 'type_mismatch' })]
    })
  })
})
