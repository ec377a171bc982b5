import { describe, expect, it } from 'vitest'
import { decodeJson } from '../../../../../shared/engine/decode/decodeJson'
import { maxJsonDepth } from '../../../../../shared/engine/decode/jsonNesting'

describe('decodeJson', () => {
  it('parses ordinary JSON as JSON.parse does', () => {
    expect(decodeJson('{"a":[1,2.5,"x",true,null]}')).toEqual({
      ok: true,
      value: { a: [1, 2.5, 'x', true, null] },
      diagnostics: []
    })
  })

  it('keeps every digit of an integer beyond 2^53, as text, with a big_integer warning at its pointer', () => {
    expect(decodeJson('{"order":{"id":12345678901234567890}}')).toEqual({
      ok: true,
      value: { order: { id: '12345678901234567890' } },
      diagnostics: [expect.objectContaining({ code: 'big_integer', severity: 'warning', inputPointer: '/order/id' })]
    })
  })

  it('keeps 2^53 - 1 as a number', () => {
    expect(decodeJson('9007199254740991')).toMatchObject({ value: 9007199254740991, diagnostics: [] })
  })

  it('keeps a decimal with more digits than a double holds as text', () => {
    expect(decodeJson('[0.12345678901234567891]')).toMatchObject({
      value: ['0.12345678901234567891'],
      diagnostics: [expect.objectContaining({ code: 'imprecise_number', inputPointer: '/0' })]
    })
  })

  it('leaves a payload object shaped like its placeholder alone', () => {
    expect(decodeJson('{"a":{"exact":"1"},"b":12345678901234567890}')).toMatchObject({
      value: { a: { exact: '1' }, b: '12345678901234567890' }
    })
  })

  it('keeps a __proto__ key as data', () => {
    const decoded = decodeJson('{"__proto__":{"polluted":1},"n":12345678901234567890}')
    expect(decoded.ok && Object.keys(decoded.value as object)).toEqual(['__proto__', 'n'])
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it('refuses duplicate keys with different values: such a payload is ambiguous', () => {
    expect(decodeJson('{"a":1,"a":2}')).toEqual({ ok: false, error: expect.stringContaining("Duplicate key 'a'") })
  })

  it('says why in a clause without a closing full stop, for the caller to end its own sentence', () => {
    expect(decodeJson('{"event_name": "room_reserved", broken')).toEqual({
      ok: false,
      error: "Invalid JSON at line 1, column 33: Quoted object key expected but got 'b'"
    })
  })

  it('says that JSON nested thousands of levels deep is too deep to read, not that the stack overflowed', () => {
    const depth = 100_000
    expect(decodeJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)).toEqual({
      ok: false,
      error: 'Invalid JSON: it nests deeper than 2,000 levels, too deep to be read'
    })
  })

  it('reads JSON nested as deep as its limit, counting no bracket inside a string', () => {
    const nested = (depth: number, inside = '1') => `${'{"a":'.repeat(depth)}${inside}${'}'.repeat(depth)}`
    expect(decodeJson(nested(maxJsonDepth)).ok).toBe(true)
    expect(decodeJson(nested(maxJsonDepth + 1)).ok).toBe(false)
    expect(decodeJson(nested(maxJsonDepth, JSON.stringify(`\\"${'['.repeat(5000)}`))).ok).toBe(true)
  })

  it('says where invalid JSON is wrong, by line and column', () => {
    expect(decodeJson('{\n  "a": tru\n}')).toEqual({
      ok: false,
      error: expect.stringMatching(/^Invalid JSON at line 2, column 8/)
    })
  })
})
