import { closingQuote } from '../engine/decode/jsonNesting'
import { indexStep, keyStep, spelledPath } from '../model/spelledPath'

const quote = 34
const newline = 10
const isNumberStart = (code: number) => code === 45 || (code >= 48 && code <= 57)
const isNumberPart = (code: number) => isNumberStart(code) || code === 43 || code === 46 || code === 69 || code === 101
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13

/** A place in the text: its path as messages spell it (`events[0].name`), and its line (from 1). */
export interface JsonTextPlace {
  path(): string
  line: number
}

/** What `walkJsonText` tells, in the order of the text. Each returns true to stop the walk. */
export interface JsonTextVisitor {
  /** A key of an object; `repeated` when the same object already had it. The place is the key's value. */
  key?(key: string, repeated: boolean, place: JsonTextPlace): boolean | void
  /** The first character of an item of a list. */
  item?(place: JsonTextPlace): boolean | void
  /** A number, as written. */
  number?(literal: string, place: JsonTextPlace): boolean | void
}

type Frame =
  { kind: 'object'; keys: Set<string>; key: string | undefined; expectsKey: boolean } | { kind: 'array'; index: number }

/**
 * Walks JSON text the parser has already accepted, in one pass, telling the places of its keys, list items and
 * numbers: what JSON.parse forgets (a key written twice, a number written too large, the line a value is on).
 */
export function walkJsonText(text: string, visitor: JsonTextVisitor): void {
  const stack: Frame[] = []
  let line = 1
  const place: JsonTextPlace = {
    path: () =>
      spelledPath(
        stack.flatMap((frame) =>
          frame.kind === 'array' ? [indexStep(frame.index)] : frame.key === undefined ? [] : [keyStep(frame.key)]
        )
      ),
    get line() {
      return line
    }
  }
  /** A list's item begins at the next character that is not a space, unless the list ends there. */
  let itemDue = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === newline) line++
    if (isSpace(code)) continue
    const frame = stack.at(-1)
    if (itemDue) {
      itemDue = false
      if (code !== 93 && visitor.item?.(place)) return
    }
    if (code === quote) {
      const start = index
      // JSON strings hold no raw line break: the line count stays right across them.
      index = closingQuote(text, start)
      if (frame?.kind !== 'object' || !frame.expectsKey) continue
      const raw = text.slice(start + 1, index)
      const key = raw.includes('\\') ? (JSON.parse(text.slice(start, index + 1)) as string) : raw
      frame.expectsKey = false
      frame.key = key
      const repeated = frame.keys.has(key)
      frame.keys.add(key)
      if (visitor.key?.(key, repeated, place)) return
    } else if (code === 123) stack.push({ kind: 'object', keys: new Set(), key: undefined, expectsKey: true })
    else if (code === 91) {
      stack.push({ kind: 'array', index: 0 })
      itemDue = true
    } else if (code === 125 || code === 93) stack.pop()
    else if (code === 44) {
      if (frame?.kind === 'array') {
        frame.index++
        itemDue = true
      } else if (frame?.kind === 'object') frame.expectsKey = true
    } else if (isNumberStart(code)) {
      const start = index
      while (index + 1 < text.length && isNumberPart(text.charCodeAt(index + 1))) index++
      if (visitor.number?.(text.slice(start, index + 1), place)) return
    }
  }
}
