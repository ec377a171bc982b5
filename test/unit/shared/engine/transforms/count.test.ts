import { describe, expect, it } from 'vitest'
import { count } from '../../../../../shared/engine/transforms/count'
import { runStep } from './runStep'

describe('count', () => {
  it('counts list elements, 0 for nothing or null, 1 for a single value', () => {
    expect([['a', 'b'], [], undefined, null, 'x'].map((value) => runStep(count, value).value)).toEqual([2, 0, 0, 0, 1])
  })
})
