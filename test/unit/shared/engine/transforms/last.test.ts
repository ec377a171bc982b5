import { describe, expect, it } from 'vitest'
import { last } from '../../../../../shared/engine/transforms/last'
import { runStep } from './runStep'

describe('last', () => {
  it('gives the last element, nothing for an empty list, and passes a scalar', () => {
    expect(runStep(last, ['a', 'b']).value).toBe('b')
    expect(runStep(last, []).value).toBeUndefined()
    expect(runStep(last, 4).value).toBe(4)
  })
})
