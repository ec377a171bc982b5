import { describe, expect, it } from 'vitest'
import { checkExpression } from '../../../../../shared/engine/expressions/checkExpression'

describe('checkExpression', () => {
  it('accepts an expression that parses', () => {
    expect(checkExpression('$sum(items.(qty * price))')).toBeUndefined()
  })

  it('names the syntax error and where it is', () => {
    expect(checkExpression('items[')).toMatch(/character \d+/)
  })
})
