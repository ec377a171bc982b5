/** Where one JSON value sits in its text (offsets into the string, end exclusive), and its key when it has one. */
export interface JsonTextRange {
  start: number
  end: number
  /** The quoted key of an object member (absent for array elements and the root). */
  keyStart?: number
  keyEnd?: number
}

/**
 * Every JSON pointer of a JSON text with the place of its value, so that diagnostics and provenance (which speak in
 * pointers) can be shown where they apply in an editor. One pass over the text; a text that is not JSON gives
 * whatever was found before the first error (the editor then shows the parse error, not these).
 */
export function jsonTextRanges(text: string): Map<string, JsonTextRange> {
  const ranges = new Map<string, JsonTextRange>()
  let index = 0

  const skipSpace = () => {
    while (index < text.length) {
      const code = text.charCodeAt(index)
      if (code === 32 || code === 9 || code === 10 || code === 13) index++
      else break
    }
  }

  const readString = (): string => {
    const start = index
    index++
    let escaped = false
    while (index < text.length) {
      const char = text[index]
      if (char === '\\') escaped = true
      else if (char === '"') {
        index++
        const raw = text.slice(start, index)
        if (!escaped) return raw.slice(1, -1)
        try {
          return JSON.parse(raw) as string
        } catch {
          return raw.slice(1, -1)
        }
      }
      if (char === '\\') index++
      index++
    }
    throw new Error('unterminated string')
  }

  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')

  const readValue = (pointer: string, key?: { start: number; end: number }): void => {
    skipSpace()
    const start = index
    const char = text[index]
    if (char === '{') {
      index++
      skipSpace()
      if (text[index] === '}') index++
      else {
        for (;;) {
          skipSpace()
          if (text[index] !== '"') throw new Error('expected a key')
          const keyStart = index
          const name = readString()
          const keyEnd = index
          skipSpace()
          if (text[index] !== ':') throw new Error('expected a colon')
          index++
          readValue(`${pointer}/${escape(name)}`, { start: keyStart, end: keyEnd })
          skipSpace()
          if (text[index] === ',') index++
          else if (text[index] === '}') {
            index++
            break
          } else throw new Error('expected , or }')
        }
      }
    } else if (char === '[') {
      index++
      skipSpace()
      if (text[index] === ']') index++
      else {
        for (let element = 0; ; element++) {
          readValue(`${pointer}/${element}`)
          skipSpace()
          if (text[index] === ',') index++
          else if (text[index] === ']') {
            index++
            break
          } else throw new Error('expected , or ]')
        }
      }
    } else if (char === '"') readString()
    else {
      while (index < text.length && !/[\s,\]}]/.test(text[index] as string)) index++
      if (index === start) throw new Error('expected a value')
    }
    const range: JsonTextRange = { start, end: index }
    if (key) {
      range.keyStart = key.start
      range.keyEnd = key.end
    }
    ranges.set(pointer, range)
  }

  try {
    readValue('')
  } catch {
    // Partial ranges are still useful while the text is being edited.
  }
  return ranges
}
