import { describe, expect, it } from 'vitest'
import { trim } from '../../../../../shared/engine/transforms/trim'
import { runStep } from './runStep'

describe('trim', () => {
  it('trims text, saying nothing (provenance shows before and after)', () => {
    expect(runStep(trim, ' FESTIVE10 ')).toEqual({ value: 'FESTIVE10', reports: [] })
  })

  it('trims each element of a list and passes other values', () => {
    expect(runStep(trim, [' a', 'b ']).value).toEqual(['a', 'b'])
    expect(runStep(trim, 3).value).toBe(3)
    expect(runStep(trim, undefined).value).toBeUndefined()
  })
})
