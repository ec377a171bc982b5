/** How deep a bundle's JSON may nest, and how many values it may hold: beyond, it is refused before it is parsed. */
export const bundleMaxDepth = 64
export const bundleMaxValues = 2_000_000

const quote = 34
const backslash = 92
const colon = 58
const comma = 44
const isOpening = (code: number) => code === 123 || code === 91
const isClosing = (code: number) => code === 125 || code === 93
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13
/**
 * The key no bundle has, refused because it poisons prototypes when a parser assigns it. (`constructor` is a valid
 * event, attribute or payload field name: the parser refuses only a `constructor` that holds a `prototype`.)
 */
const protoKey = Array.from('__proto__', (char) => char.charCodeAt(0))

/**
 * One pass over a bundle's text (as UTF-16 code units or UTF-8 bytes: the structural characters are ASCII in both)
 * before it is parsed, so hostile files cost little: nesting too deep, too many values, a prototype key, brackets
 * that never close (a truncated file). Says what is wrong, or nothing. The parser still checks everything after.
 */
export function structureProblem(length: number, codeAt: (index: number) => number): string | undefined {
  let depth = 0
  let deepest = 0
  let values = 0
  let inString = false
  let stringStart = 0
  for (let index = 0; index < length; index++) {
    const code = codeAt(index)
    if (inString) {
      if (code === backslash) index++
      else if (code === quote) {
        inString = false
        if (matches(protoKey, stringStart, index, codeAt) && nextSignificant(index + 1, length, codeAt) === colon) {
          return 'The file holds a "__proto__" key: refused, as no bundle has one.'
        }
      }
      continue
    }
    if (code === quote) {
      inString = true
      stringStart = index + 1
    } else if (isOpening(code)) {
      deepest = Math.max(deepest, ++depth)
      if (deepest > bundleMaxDepth) return `The JSON nests deeper than ${bundleMaxDepth} levels.`
    } else if (isClosing(code)) depth--
    else if (code === comma && ++values > bundleMaxValues) {
      return `The JSON holds more than ${bundleMaxValues.toLocaleString('en')} values.`
    }
  }
  if (inString || depth > 0) return 'The file ends in the middle of its JSON: it is truncated.'
  return undefined
}

function matches(key: readonly number[], start: number, end: number, codeAt: (index: number) => number): boolean {
  if (end - start !== key.length) return false
  for (let offset = 0; offset < key.length; offset++) if (codeAt(start + offset) !== key[offset]) return false
  return true
}

function nextSignificant(from: number, length: number, codeAt: (index: number) => number): number | undefined {
  for (let index = from; index < length; index++) if (!isSpace(codeAt(index))) return codeAt(index)
  return undefined
}
