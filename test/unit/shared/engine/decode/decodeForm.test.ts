import { describe, expect, it } from 'vitest'
import { decodeForm } from '../../../../../shared/engine/decode/decodeForm'

describe('decodeForm', () => {
  it('reads + as a space and %XX as UTF-8', () => {
    expect(decodeForm('name=Asha+Rao&city=Bengal%C3%BCru&plus=%2B91').value).toEqual({
      name: 'Asha Rao',
      city: 'Bengalüru',
      plus: '+91'
    })
  })

  it('makes a repeated key an array of its values, in order', () => {
    expect(decodeForm('tag=a&tag=b&tag=c').value).toEqual({ tag: ['a', 'b', 'c'] })
  })

  it('keeps every value a string, and a key without = as ""', () => {
    expect(decodeForm('qty=2&flag').value).toEqual({ qty: '2', flag: '' })
  })

  it('keeps bracketed keys literal', () => {
    expect(decodeForm('items%5B0%5D%5Bsku%5D=A').value).toEqual({ 'items[0][sku]': 'A' })
  })

  it('skips empty parts', () => {
    expect(decodeForm('&a=1&&').value).toEqual({ a: '1' })
  })

  it('keeps a malformed escape as written, with a warning', () => {
    expect(decodeForm('a=100%&b=%zz')).toEqual({
      value: { a: '100%', b: '%zz' },
      diagnostics: [
        expect.objectContaining({ code: 'decode_error', inputPointer: '/a' }),
        expect.objectContaining({ code: 'decode_error', inputPointer: '/b' })
      ]
    })
  })

  it('keeps a __proto__ key as data', () => {
    const { value } = decodeForm('__proto__=x')
    expect(Object.keys(value)).toEqual(['__proto__'])
  })
})
