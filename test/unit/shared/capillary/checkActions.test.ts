import { describe, expect, it } from 'vitest'
import { checkActions } from '../../../../shared/capillary/checkActions'

describe('checkActions', () => {
  it('accepts Essential Insights alone', () => {
    expect(checkActions(['EIConsumer'])).toEqual([])
  })

  it('accepts EMF alone, as in the Create Custom Event sample', () => {
    expect(checkActions(['EMFConsumer'])).toEqual([])
  })

  it('accepts both destinations', () => {
    expect(checkActions(['EIConsumer', 'EMFConsumer'])).toEqual([])
  })

  it('rejects an event without a destination', () => {
    expect(checkActions([])).toEqual([
      expect.objectContaining({ path: 'actions', code: 'actions_missing', severity: 'error' })
    ])
  })

  it('rejects a destination chosen twice, at its second position', () => {
    expect(checkActions(['EIConsumer', 'EIConsumer'])).toEqual([
      expect.objectContaining({ path: 'actions/1', code: 'action_duplicate' })
    ])
  })
})
