import { describe, expect, it } from 'vitest'
import { printable, printableJson } from '../../../../main/cli/printable'

/** Every character a terminal may act on: C0, DEL, C1 and the bidi controls. */
const actedOn = /[\p{Cc}\p{Bidi_Control}]/u

describe('printable', () => {
  it('shows escape sequences that would clear the screen and set the title as text', () => {
    const line = printable('/\u001b[2J\u001b]0;owned\u0007')
    expect(line).toBe('/\\x1b[2J\\x1b]0;owned\\x07')
    expect(line).not.toMatch(actedOn)
  })

  it('shows every C0 control, DEL and C1 control as a \\x escape, tab and line breaks included', () => {
    expect(printable('a\u0000b\tc\nd\r\ne\u007ff\u0085g\u009b2Jh\u009d0;x\u009c')).toBe(
      'a\\x00b\\x09c\\x0ad\\x0d\\x0ae\\x7ff\\x85g\\x9b2Jh\\x9d0;x\\x9c'
    )
  })

  it('shows bidi controls as \\u escapes, so a line reads in the order it was sent', () => {
    const line = printable('/hooks/\u202egnp.exe\u202c \u2066a\u2069 \u202ab\u202b \u200f\u061c')
    expect(line).toBe('/hooks/\\u202egnp.exe\\u202c \\u2066a\\u2069 \\u202ab\\u202b \\u200f\\u061c')
    expect(line).not.toMatch(actedOn)
  })

  it('leaves ordinary text alone, non-Latin scripts and backslashes included', () => {
    const text = 'POST /hooks/café?q=日本語 \\x1b — עברית “quoted”'
    expect(printable(text)).toBe(text)
  })

  it('keeps line breaks and tabs as text layout, but not a lone carriage return', () => {
    expect(printable('{\n\t"a": "\u001b[31mred"\r\n}\rover', 'text')).toBe('{\n\t"a": "\\x1b[31mred"\r\n}\\x0dover')
  })

  it('shows other controls in text as on one line', () => {
    const text = printable('\u0007\u0008\u000b\u000c\u009b\u202e', 'text')
    expect(text).toBe('\\x07\\x08\\x0b\\x0c\\x9b\\u202e')
    expect(text).not.toMatch(actedOn)
  })
})

describe('printableJson', () => {
  it('escapes the C1 controls and bidi characters JSON.stringify leaves raw', () => {
    const value = { path: '/\u009b2J\u202e\u2066', type: 'text/plain\u001b[31m', del: '\u007f' }
    const json = printableJson(value)
    expect(JSON.stringify(value)).toMatch(actedOn)
    expect(json).toBe('{"path":"/\\u009b2J\\u202e\\u2066","type":"text/plain\\u001b[31m","del":"\\u007f"}')
    expect(json).not.toMatch(actedOn)
  })

  it('is the same JSON to a parser', () => {
    const value = { path: '/\u009b2J\u202e\u2069', nested: [{ text: 'a\u0085b \\u202e' }] }
    expect(JSON.parse(printableJson(value, 2))).toEqual(value)
  })

  it('indents as JSON.stringify does', () => {
    expect(printableJson({ a: [1] }, 2)).toBe(JSON.stringify({ a: [1] }, null, 2))
  })
})
