import { describe, expect, it } from 'vitest'
import { first } from '../../../../../shared/engine/transforms/first'
import { runStep } from './runStep'

describe('first', () => {
  it('gives the first element, nothing for an empty list, and passes a scalar', () => {
    expect(runStep(first, ['a', 'b']).value).toBe('a')
    expect(runStep(first, []).value).toBeUndefined()
    expect(runStep(first, 'x').value).toBe('x')
  })
})
