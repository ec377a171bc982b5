import { describe, expect, it } from 'vitest'
import { toInteger } from '../../../../../shared/engine/transforms/toInteger'
import { runStep } from './runStep'

describe('toInteger', () => {
  it('reads whole numbers from numbers and text', () => {
    expect(runStep(toInteger, '2').value).toBe(2)
    expect(runStep(toInteger, '2.00').value).toBe(2)
    expect(runStep(toInteger, 3).value).toBe(3)
  })

  it('does not round a fraction', () => {
    expect(runStep(toInteger, '2.5')).toEqual({
      value: undefined,
      reports: [expect.objectContaining({ code: 'type_mismatch' })]
    })
  })

  it('keeps integers beyond 2^53 as exact text', () => {
    expect(runStep(toInteger, '+12345678901234567890')).toEqual({
      value: '12345678901234567890',
      reports: [expect.objectContaining({ code: 'big_integer' })]
    })
  })
})
