import { describe, expect, it } from 'vitest'
import { structureProblem } from '../../../../shared/bundle/bundleStructure'

const problemIn = (text: string) => structureProblem(text.length, (index) => text.charCodeAt(index))
/** UTF-8 bytes without Node or DOM (shared code's tests have neither): what encodeURIComponent escapes, decoded. */
function utf8(text: string): number[] {
  const encoded = encodeURIComponent(text)
  const bytes: number[] = []
  for (let index = 0; index < encoded.length; index++) {
    if (encoded[index] === '%') {
      bytes.push(parseInt(encoded.slice(index + 1, index + 3), 16))
      index += 2
    } else bytes.push(encoded.charCodeAt(index))
  }
  return bytes
}
const problemInBytes = (text: string) => {
  const bytes = utf8(text)
  expect(bytes.length).toBeGreaterThanOrEqual(text.length)
  return structureProblem(bytes.length, (index) => bytes[index] ?? 0)
}

describe('the structure scan before parsing', () => {
  it('lets a well-formed bundle through, whatever its strings hold', () => {
    const text = '{"a": ["__proto__", "constructor", "a \\" quote", "ünïcødé {["], "b": {"constructor ": 1}}'
    expect(problemIn(text)).toBeUndefined()
    expect(problemInBytes(text)).toBeUndefined()
  })

  it('refuses a __proto__ key, with spaces before the colon too, and lets a constructor key through', () => {
    expect(problemIn('{"x": {"__proto__" : {}}}')).toContain('"__proto__" key')
    expect(problemInBytes('{"__proto__":1}')).toContain('"__proto__" key')
    // A valid event or field name: only a constructor holding a prototype is refused, by the parser (readBundle).
    expect(problemIn('{"constructor": {"name": "a"}}')).toBeUndefined()
  })

  it('refuses a file cut short, in a string or between brackets', () => {
    expect(problemIn('{"events": [{"name": "a"}')).toContain('truncated')
    expect(problemIn('{"events": "abc')).toContain('truncated')
  })

  it('refuses nesting deeper than 64 levels, and stops reading there', () => {
    expect(problemIn(`${'['.repeat(64)}${']'.repeat(64)}`)).toBeUndefined()
    let read = 0
    const text = '['.repeat(1_000_000)
    expect(
      structureProblem(text.length, (index) => {
        read += 1
        return text.charCodeAt(index)
      })
    ).toContain('deeper than 64 levels')
    expect(read).toBe(65)
  })
})
