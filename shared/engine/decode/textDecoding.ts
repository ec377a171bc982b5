// TextDecoder is a WHATWG global in every runtime shared/ runs in (Node, browsers, workers), but shared/'s tsconfig
// has neither DOM nor Node types: declare the little we use. It is a pure function of the bytes.
interface TextDecoderInstance {
  decode(bytes: Uint8Array): string
}
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => TextDecoderInstance

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const lenientUtf8 = new TextDecoder('utf-8')

export interface DecodedText {
  text: string
  /** Set when bytes were not valid in the charset and were replaced by U+FFFD, or the charset is unknown. */
  problem?: string
}

/** Decodes bytes as text in `charset` (UTF-8 when absent or unknown); a UTF-8 byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array, charset?: string): DecodedText {
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    try {
      return { text: new TextDecoder(charset).decode(bytes) }
    } catch {
      const { text } = decodeText(bytes)
      return { text, problem: `The charset "${charset}" is unknown here; the body was read as UTF-8.` }
    }
  }
  try {
    return { text: strictUtf8.decode(bytes) }
  } catch {
    return {
      text: lenientUtf8.decode(bytes),
      problem: 'The body is not valid UTF-8; the invalid bytes were replaced by U+FFFD.'
    }
  }
}

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8; a byte-order mark is dropped. */
export function strictUtf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** Decodes percent-escaped text (`%XX` as UTF-8 bytes); a `%` not followed by two hex digits stays as it is. */
export function percentDecode(text: string): { text: string; malformed: boolean } {
  if (!text.includes('%')) return { text, malformed: false }
  const bytes: number[] = []
  let malformed = false
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 0x25 && /^[0-9a-fA-F]{2}$/.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16))
      index += 2
      continue
    }
    if (char === 0x25) malformed = true
    const codePoint = text.codePointAt(index) ?? char
    if (codePoint > 0xffff) index++
    for (const byte of utf8Bytes(codePoint)) bytes.push(byte)
  }
  const decoded = decodeText(Uint8Array.from(bytes))
  return { text: decoded.text, malformed: malformed || decoded.problem !== undefined }
}

function utf8Bytes(codePoint: number): number[] {
  if (codePoint < 0x80) return [codePoint]
  if (codePoint < 0x800) return [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f)]
  if (codePoint < 0x10000)
    return [0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)]
  return [
    0xf0 | (codePoint >> 18),
    0x80 | ((codePoint >> 12) & 0x3f),
    0x80 | ((codePoint >> 6) & 0x3f),
    0x80 | (codePoint & 0x3f)
  ]
}

/** 1-based line and column of a character offset, for messages that say where a body is wrong. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(Math.max(offset, 0), text.length)
  for (let index = 0; index < end; index++) {
    if (text.charCodeAt(index) === 0x0a) {
      line++
      lineStart = index + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}
