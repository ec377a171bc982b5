import { describe, expect, it } from 'vitest'
import { plural } from '../../../renderer/ui/plural'

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'attribute')).toBe('1 attribute')
  })

  it('uses the plural for zero and for more than one', () => {
    expect(plural(0, 'rule')).toBe('0 rules')
    expect(plural(2, 'rule')).toBe('2 rules')
  })

  it('takes an irregular plural when given one', () => {
    expect(plural(3, 'test case passes', 'test cases pass')).toBe('3 test cases pass')
  })
})
