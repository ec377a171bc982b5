import { describe, expect, it } from 'vitest'
import { lowerCase } from '../../../../../shared/engine/transforms/lowerCase'
import { runStep } from './runStep'

describe('lowerCase', () => {
  it('lower-cases text and each element of a list', () => {
    expect(runStep(lowerCase, 'Asha.Rao@Example.com').value).toBe('asha.rao@example.com')
    expect(runStep(lowerCase, ['A', 'B']).value).toEqual(['a', 'b'])
  })

  it('passes other values unchanged', () => {
    expect(runStep(lowerCase, 12).value).toBe(12)
    expect(runStep(lowerCase, null).value).toBeNull()
  })
})
