import { describe, expect, it } from 'vitest'
import { countDecimals } from '../../../../shared/capillary/countDecimals'

describe('countDecimals', () => {
  it.each([
    [1299, 0],
    [1299.5, 1],
    ['499.50', 1],
    [0.1 + 0.2, 17],
    [1e-7, 7],
    ['1.25e1', 1],
    ['1.5e-3', 4],
    ['-0.000', 0]
  ])('counts the decimal places of %s as %i', (value, decimals) => {
    expect(countDecimals(value)).toBe(decimals)
  })

  it('gives undefined for text that is not a number', () => {
    expect(countDecimals('12,5')).toBeUndefined()
    expect(countDecimals('')).toBeUndefined()
  })
})
