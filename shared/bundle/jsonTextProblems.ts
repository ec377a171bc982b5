import { walkJsonText, type JsonTextPlace } from './walkJsonText'

/** At most this many are told: a file with thousands of them needs the first few fixed to see the pattern. */
const mostTold = 20

/**
 * What JSON.parse takes without a word but a bundle must not hold, each at its place and line: a key written twice in
 * one object (the parser keeps the last, silently dropping the other), and a number too large for a double (1e400
 * reads as Infinity, and is written back as null). Reads text the parser has already accepted, in one pass.
 */
export function jsonTextProblems(text: string): string[] {
  const problems: string[] = []
  const tell = (place: JsonTextPlace, message: string) => {
    problems.push(`${place.path() || '(the bundle)'} (line ${place.line}): ${message}`)
    return problems.length >= mostTold
  }
  walkJsonText(text, {
    key: (key, repeated, place) =>
      repeated && tell(place, `the key "${key}" is written twice in one object (JSON keeps only the last).`),
    number: (literal, place) =>
      !Number.isFinite(Number(literal)) &&
      tell(place, `the number ${literal} is too large to be read as one (it would become null).`)
  })
  return problems
}
