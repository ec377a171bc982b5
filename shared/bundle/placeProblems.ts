import { walkJsonText, type JsonTextPlace } from './walkJsonText'

const step = String.raw`(?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\])`

/**
 * The place a problem starts with, as messages spell it (`mappings[0].spec.rules[1].transforms`), up to the colon
 * that follows it; a shortened deep path (with an ellipsis) or "(the bundle)" is no place to look up.
 */
const leadingPlace = new RegExp(String.raw`^(?:[A-Za-z_$][\w$]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\])${step}*(?=: )`)
const steps = new RegExp(String.raw`^[A-Za-z_$][\w$]*|${step}`, 'g')

/** The place and the places it is in, innermost first, as messages spell them. */
function placeAndOuter(place: string): string[] {
  const prefixes: string[] = []
  let path = ''
  for (const [found] of place.matchAll(steps)) {
    path += found
    prefixes.unshift(path.startsWith('.') ? path.slice(1) : path)
  }
  return prefixes
}

/**
 * Problems that name a place in the bundle (`events[0].name: …`) with the line it is on in the file
 * (`events[0].name (line 12): …`), for someone with the file open in an editor or a diff. A place the file does not
 * have (a key that is missing) gets the line of the nearest one around it. One pass over the text, looking up only
 * the places named.
 */
export function placeProblems(text: string, problems: readonly string[]): string[] {
  const placeOf = (problem: string) => leadingPlace.exec(problem)?.[0]
  const wanted = new Set(problems.flatMap((problem) => placeAndOuter(placeOf(problem) ?? '')))
  if (wanted.size === 0) return [...problems]
  const lines = new Map<string, number>()
  const note = (place: JsonTextPlace) => {
    const path = place.path()
    if (wanted.has(path) && !lines.has(path)) lines.set(path, place.line)
  }
  walkJsonText(text, { key: (_key, _repeated, place) => note(place), item: note })
  return problems.map((problem) => {
    const place = placeOf(problem)
    const line =
      place &&
      placeAndOuter(place)
        .map((path) => lines.get(path))
        .find((found) => found !== undefined)
    return place && line ? `${place} (line ${line})${problem.slice(place.length)}` : problem
  })
}
