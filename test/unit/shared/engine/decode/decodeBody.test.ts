import { describe, expect, it } from 'vitest'
import { decodeBody, decodeBodyForFile } from '../../../../../shared/engine/decode/decodeBody'
import { bytes, orderXml, reservationForm } from '../fixtures/bodies'

describe('decodeBody', () => {
  it('decodes application/json', () => {
    expect(decodeBody(bytes('{"a":1}'), 'application/json')).toEqual({ kind: 'json', value: { a: 1 }, diagnostics: [] })
  })

  it('decodes any +json type and ignores case and parameters', () => {
    expect(decodeBody(bytes('[1]'), 'Application/Vnd.Api+JSON; charset=UTF-8').kind).toBe('json')
  })

  it('decodes application/x-www-form-urlencoded', () => {
    const decoded = decodeBody(bytes(reservationForm), 'application/x-www-form-urlencoded')
    expect(decoded.kind).toBe('form')
    expect(decoded.value).toMatchObject({ customer_id: '+91 99337 72255', amenities: ['wifi', 'breakfast'] })
  })

  it('decodes application/xml, text/xml and +xml', () => {
    for (const type of ['application/xml', 'text/xml', 'application/atom+xml']) {
      expect(decodeBody(bytes(orderXml), type).kind).toBe('xml')
    }
  })

  it('gives other text/* bodies as text', () => {
    expect(decodeBody(bytes('hello'), 'text/plain')).toEqual({ kind: 'text', value: 'hello', diagnostics: [] })
  })

  it('gives unknown or absent types as UTF-8 text', () => {
    expect(decodeBody(bytes('{"a":1}'), 'application/octet-stream')).toMatchObject({ kind: 'text', value: '{"a":1}' })
    expect(decodeBody(bytes('café'), undefined)).toMatchObject({ kind: 'text', value: 'café' })
  })

  it('gives an empty body as empty, whatever its type', () => {
    expect(decodeBody(new Uint8Array(), 'application/json')).toEqual({ kind: 'empty', value: null, diagnostics: [] })
  })

  it('gives a JSON body of only white space as empty, as an empty one, and other kinds as what they are', () => {
    expect(decodeBody(bytes(' \r\n\t '), 'application/json')).toEqual({ kind: 'empty', value: null, diagnostics: [] })
    expect(decodeBody(bytes('  '), 'text/plain')).toMatchObject({ kind: 'text', value: '  ' })
  })

  it('keeps invalid JSON as its text, saying what and where is wrong', () => {
    const decoded = decodeBody(bytes('{"a":1,\n "b": }'), 'application/json')
    expect(decoded.kind).toBe('json')
    expect(decoded.value).toBe('{"a":1,\n "b": }')
    expect(decoded.error).toMatch(/^Invalid JSON at line 2, column 7: /)
    expect(decoded.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'decode_error', message: decoded.error, inputPointer: '' })
    ])
  })

  it('keeps invalid XML as its text with an error', () => {
    const decoded = decodeBody(bytes('<a><b></a>'), 'application/xml')
    expect(decoded).toMatchObject({ kind: 'xml', value: '<a><b></a>', error: expect.stringMatching(/line 1, column/) })
  })

  it('reads a declared charset', () => {
    expect(decodeBody(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), 'text/plain; charset=ISO-8859-1').value).toBe('café')
  })

  it('replaces invalid UTF-8 and says so', () => {
    const decoded = decodeBody(Uint8Array.from([0x22, 0xff, 0x22]), 'application/json')
    expect(decoded.value).toBe('\ufffd')
    expect(decoded.diagnostics).toEqual([expect.objectContaining({ code: 'decode_error', severity: 'warning' })])
  })

  it('reads an unknown charset as UTF-8 and says so', () => {
    const decoded = decodeBody(bytes('x'), 'text/plain; charset=x-klingon')
    expect(decoded.value).toBe('x')
    expect(decoded.diagnostics[0]?.message).toContain('x-klingon')
  })

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeBody(Uint8Array.from([0xef, 0xbb, 0xbf, 0x31]), 'application/json').value).toBe(1)
  })
})

describe('decodeBodyForFile', () => {
  it.each([
    ['payload.json', 'json'],
    ['order.XML', 'xml'],
    ['booking.form', 'form'],
    ['note.txt', 'text'],
    ['payload', 'json'],
    ['payload.bin', 'json']
  ])('decodes %s as %s', (file, kind) => {
    const text = kind === 'xml' ? '<a/>' : kind === 'form' ? 'a=1' : '1'
    expect(decodeBodyForFile(bytes(text), file).kind).toBe(kind)
  })
})
