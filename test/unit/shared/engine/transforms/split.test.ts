import { describe, expect, it } from 'vitest'
import { split } from '../../../../../shared/engine/transforms/split'
import { runStep } from './runStep'

describe('split', () => {
  const comma = split({ kind: 'split', separator: ',' })

  it('splits text into a list', () => {
    expect(runStep(comma, 'a,b,,c').value).toEqual(['a', 'b', '', 'c'])
  })

  it('splits a number written as text, and passes a list', () => {
    expect(runStep(split({ kind: 'split', separator: '.' }), 1.5).value).toEqual(['1', '5'])
    expect(runStep(comma, ['x']).value).toEqual(['x'])
  })
})
