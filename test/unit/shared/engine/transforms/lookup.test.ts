import { describe, expect, it } from 'vitest'
import { lookup } from '../../../../../shared/engine/transforms/lookup'
import { runStep } from './runStep'

const tiers = lookup({ kind: 'lookup', table: { G: 'Gold', S: 'Silver', '1': 'One' } })

describe('lookup', () => {
  it('replaces a value by its entry', () => {
    expect(runStep(tiers, 'G')).toEqual({ value: 'Gold', reports: [] })
  })

  it('compares keys as text', () => {
    expect(runStep(tiers, 1).value).toBe('One')
  })

  it('keeps an unknown value, with a warning, when there is no fallback', () => {
    expect(runStep(tiers, 'P')).toEqual({
      value: 'P',
      reports: [expect.objectContaining({ code: 'lookup_miss', severity: 'warning' })]
    })
  })

  it('gives the fallback for an unknown value', () => {
    expect(runStep(lookup({ kind: 'lookup', table: { G: 'Gold' }, fallback: 'Base' }), 'P')).toEqual({
      value: 'Base',
      reports: []
    })
  })

  it('reads own entries only', () => {
    expect(runStep(lookup({ kind: 'lookup', table: {}, fallback: 'x' }), 'constructor').value).toBe('x')
  })
})
