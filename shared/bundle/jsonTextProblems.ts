import { indexStep, keyStep, spelledPath } from '../model/spelledPath'

const quote = 34
const backslash = 92
const isNumberStart = (code: number) => code === 45 || (code >= 48 && code <= 57)
const isNumberPart = (code: number) => isNumberStart(code) || code === 43 || code === 46 || code === 69 || code === 101

/** Where the string opened at `start` closes (a quote after an even run of backslashes), by indexOf: strings are most of a bundle's text. */
function closingQuote(text: string, start: number): number {
  let end = text.indexOf('"', start + 1)
  while (end !== -1) {
    let backslashes = 0
    while (text.charCodeAt(end - 1 - backslashes) === backslash) backslashes++
    if (backslashes % 2 === 0) return end
    end = text.indexOf('"', end + 1)
  }
  return text.length
}

/** At most this many are told: a file with thousands of them needs the first few fixed to see the pattern. */
const mostTold = 20

type Frame =
  { kind: 'object'; keys: Set<string>; key: string | undefined; expectsKey: boolean } | { kind: 'array'; index: number }

/**
 * What JSON.parse takes without a word but a bundle must not hold, each at its place: a key written twice in one
 * object (the parser keeps the last, silently dropping the other), and a number too large for a double (1e400 reads
 * as Infinity, and is written back as null). Reads text the parser has already accepted, in one pass.
 */
export function jsonTextProblems(text: string): string[] {
  const problems: string[] = []
  const stack: Frame[] = []
  const here = () =>
    spelledPath(
      stack.flatMap((frame) =>
        frame.kind === 'array' ? [indexStep(frame.index)] : frame.key === undefined ? [] : [keyStep(frame.key)]
      )
    ) || '(the bundle)'
  for (let index = 0; index < text.length && problems.length < mostTold; index++) {
    const code = text.charCodeAt(index)
    const frame = stack.at(-1)
    if (code === quote) {
      const start = index
      index = closingQuote(text, start)
      if (frame?.kind !== 'object' || !frame.expectsKey) continue
      const raw = text.slice(start + 1, index)
      const key = raw.includes('\\') ? (JSON.parse(text.slice(start, index + 1)) as string) : raw
      frame.expectsKey = false
      frame.key = key
      if (frame.keys.has(key))
        problems.push(`${here()}: the key "${key}" is written twice in one object (JSON keeps only the last).`)
      frame.keys.add(key)
    } else if (code === 123) stack.push({ kind: 'object', keys: new Set(), key: undefined, expectsKey: true })
    else if (code === 91) stack.push({ kind: 'array', index: 0 })
    else if (code === 125 || code === 93) stack.pop()
    else if (code === 44) {
      if (frame?.kind === 'array') frame.index++
      else if (frame?.kind === 'object') frame.expectsKey = true
    } else if (isNumberStart(code)) {
      const start = index
      while (index + 1 < text.length && isNumberPart(text.charCodeAt(index + 1))) index++
      const number = text.slice(start, index + 1)
      if (!Number.isFinite(Number(number))) {
        problems.push(`${here()}: the number ${number} is too large to be read as one (it would become null).`)
      }
    }
  }
  return problems
}
