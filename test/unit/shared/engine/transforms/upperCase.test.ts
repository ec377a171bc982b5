import { describe, expect, it } from 'vitest'
import { upperCase } from '../../../../../shared/engine/transforms/upperCase'
import { runStep } from './runStep'

describe('upperCase', () => {
  it('upper-cases text', () => {
    expect(runStep(upperCase, 'inr').value).toBe('INR')
  })

  it('passes other values unchanged', () => {
    expect(runStep(upperCase, true).value).toBe(true)
  })
})
