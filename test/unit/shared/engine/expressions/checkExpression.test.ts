import { describe, expect, it } from 'vitest'
import { checkExpression, expressionReadingPayload } from '../../../../../shared/engine/expressions/checkExpression'

describe('checkExpression', () => {
  it('accepts an expression that parses', () => {
    expect(checkExpression('$sum(items.(qty * price))')).toBeUndefined()
  })

  it('names the syntax error and where it is', () => {
    expect(checkExpression('items[')).toMatch(/character \d+/)
  })
})

describe('expressionReadingPayload', () => {
  it('evaluates an expression on the payload, unless it is one path from the payload root already', () => {
    expect(expressionReadingPayload('$string(a) & user.id')).toBe('$$.($string(a) & user.id)')
    expect(expressionReadingPayload('$.user.id')).toBe('$$.($.user.id)')
    expect(expressionReadingPayload('$$.user.id')).toBe('$$.user.id')
    expect(expressionReadingPayload('$$')).toBe('$$')
    expect(expressionReadingPayload('$$.a + b')).toBe('$$.($$.a + b)')
  })

  it('leaves an expression that does not parse as it is', () => {
    expect(expressionReadingPayload('a +')).toBe('a +')
  })
})
