import { describe, expect, it } from 'vitest'
import { decodeXml } from '../../../../../shared/engine/decode/decodeXml'
import { orderXml } from '../fixtures/bodies'

describe('decodeXml', () => {
  it('makes the root element the top-level key, attributes @_name and repeated elements arrays', () => {
    const decoded = decodeXml(orderXml)
    expect(decoded.ok && decoded.value).toEqual({
      order: {
        '@_id': 'SO-100482',
        '@_placedAt': '2025-11-28T14:32:07+05:30',
        customer: { '@_mobile': '+91 98450 12345', email: 'Asha.Rao@Example.com' },
        note: 'Leave at the door & ring',
        item: [
          { '@_sku': 'TSHIRT-BLK-M', '@_qty': '2', price: { '@_currency': 'INR', '#text': '499.50' } },
          { '@_sku': 'CAP-RED', '@_qty': '1', price: { '@_currency': 'INR', '#text': '299' } }
        ]
      }
    })
  })

  it('keeps values strings, numbers included', () => {
    expect(decodeXml('<a><n>007</n><b>true</b></a>')).toEqual({ ok: true, value: { a: { n: '007', b: 'true' } } })
  })

  it('gives an element that occurs once as an object, not a list', () => {
    expect(decodeXml('<o><item sku="A"/></o>')).toEqual({ ok: true, value: { o: { item: { '@_sku': 'A' } } } })
  })

  it('decodes entities', () => {
    expect(decodeXml('<a>R&amp;D &lt;1&gt;</a>')).toEqual({ ok: true, value: { a: 'R&D <1>' } })
  })

  it('says why in a clause without the parser’s closing full stop, for the caller to end its own sentence', () => {
    expect(decodeXml('<a')).toEqual({ ok: false, error: "Invalid XML at line 1, column 1: Unclosed tag 'a'" })
  })

  it("says in words which tags a truncated body leaves open, not the validator's own list", () => {
    expect(decodeXml('<order><item>1')).toEqual({
      ok: false,
      error: 'Invalid XML at line 1, column 1: the body ends before these tags close: order, item (is it truncated?)'
    })
  })

  it('refuses malformed XML, saying where', () => {
    expect(decodeXml('<a>\n<b></a>')).toEqual({
      ok: false,
      error: expect.stringMatching(/^Invalid XML at line 2, column/)
    })
  })
})
