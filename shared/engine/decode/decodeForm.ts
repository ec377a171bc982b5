import { type EngineDiagnostic, jsonPointer } from '../diagnostics'
import { setOwn } from './setOwn'
import { percentDecode } from './textDecoding'

/**
 * Decodes `application/x-www-form-urlencoded` text (WHATWG URL §5.1): `+` is a space, `%XX` are UTF-8 bytes, a key
 * without `=` has the value "", a repeated key becomes an array of its values in order; values stay strings and keys
 * are kept literally (`items[0][sku]` is one key, not a nested path).
 */
export function decodeForm(text: string): { value: Record<string, unknown>; diagnostics: EngineDiagnostic[] } {
  const value: Record<string, unknown> = {}
  const diagnostics: EngineDiagnostic[] = []
  for (const part of text.split('&')) {
    if (part === '') continue
    const equals = part.indexOf('=')
    const rawKey = equals === -1 ? part : part.slice(0, equals)
    const rawValue = equals === -1 ? '' : part.slice(equals + 1)
    const key = percentDecode(rawKey.replace(/\+/g, ' '))
    const field = percentDecode(rawValue.replace(/\+/g, ' '))
    if (key.malformed || field.malformed) {
      diagnostics.push({
        severity: 'warning',
        code: 'decode_error',
        message: `The form field "${rawKey}" has a malformed %-escape; it was kept as written.`,
        inputPointer: jsonPointer([key.text])
      })
    }
    if (!Object.hasOwn(value, key.text)) setOwn(value, key.text, field.text)
    else {
      const existing = value[key.text]
      if (Array.isArray(existing)) existing.push(field.text)
      else setOwn(value, key.text, [existing, field.text])
    }
  }
  return { value, diagnostics }
}
