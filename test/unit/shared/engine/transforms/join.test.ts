import { describe, expect, it } from 'vitest'
import { join } from '../../../../../shared/engine/transforms/join'
import { runStep } from './runStep'

describe('join', () => {
  const slash = join({ kind: 'join', separator: '/' })

  it('joins a list, leaving out nulls', () => {
    expect(runStep(slash, ['Men', null, 'Shirts', 3]).value).toBe('Men/Shirts/3')
  })

  it('writes objects as JSON and passes a scalar', () => {
    expect(runStep(slash, [{ a: 1 }]).value).toBe('{"a":1}')
    expect(runStep(slash, 'x').value).toBe('x')
  })
})
