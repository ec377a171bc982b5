/** One step of a source path: an object key, an array index (negative counts from the end), or every element. */
export type PathSegment = { key: string } | { index: number } | { every: true }

export interface ParsedPath {
  /** `$.a.b` reads the whole payload even under fan-out; any other path reads the current item. */
  fromPayloadRoot: boolean
  segments: PathSegment[]
}

export type PathParse = { ok: true; path: ParsedPath } | { ok: false; error: string }

const bareKeyEnd = /[.[\]"']/

/**
 * Parses our path syntax: keys joined by dots (`event_data.city`), brackets for indexes (`items[0]`, `items[-1]`),
 * every element (`items[*].qty`) and quoted keys (`event_data["Product Name"]`, `['a.b']`, JSON string escapes in
 * double quotes). A bare key runs to the next `.` or `[`, so it may hold spaces. A leading `$` reads the payload root.
 */
export function parsePath(text: string): PathParse {
  const segments: PathSegment[] = []
  let index = 0
  let fromPayloadRoot = false
  const fail = (message: string): PathParse => ({
    ok: false,
    error: `${message} at position ${index + 1} of the path ${JSON.stringify(text)}.`
  })
  if (text.trim() === '') return { ok: false, error: 'The path is empty.' }
  if (text === '$') return { ok: true, path: { fromPayloadRoot: true, segments } }
  if (text.startsWith('$.') || text.startsWith('$[')) {
    fromPayloadRoot = true
    index = text.startsWith('$.') ? 2 : 1
  }
  let expectKey = text.charAt(index) !== '['
  while (index < text.length) {
    const char = text.charAt(index)
    if (char === '[') {
      const close = readBracket(text, index)
      if (typeof close === 'string') return fail(close)
      segments.push(close.segment)
      index = close.end
      expectKey = false
      continue
    }
    if (char === '.') {
      if (expectKey) return fail('A key is missing')
      index++
      expectKey = true
      if (index >= text.length) return fail('A key is missing')
      continue
    }
    if (!expectKey) return fail(`Expected "." or "[" but found ${JSON.stringify(char)}`)
    let end = index
    while (end < text.length && !bareKeyEnd.test(text.charAt(end))) end++
    if (end === index) return fail(`Unexpected ${JSON.stringify(char)}`)
    const key = text.slice(index, end)
    if (key.trim() !== key) return fail('A key starts or ends with a space (quote it: ["key "])')
    segments.push({ key })
    index = end
    expectKey = false
  }
  if (expectKey) return fail('A key is missing')
  return { ok: true, path: { fromPayloadRoot, segments } }
}

function readBracket(text: string, open: number): { segment: PathSegment; end: number } | string {
  const rest = text.slice(open + 1)
  const number = /^(-?\d+)\]/.exec(rest)
  if (number?.[1] !== undefined) return { segment: { index: Number(number[1]) }, end: open + 1 + number[0].length }
  if (rest.startsWith('*]')) return { segment: { every: true }, end: open + 3 }
  const quote = rest.charAt(0)
  if (quote === '"') {
    const literal = /^"(?:[^"\\]|\\.)*"/.exec(rest)
    if (!literal) return 'A quoted key is not closed'
    let key: unknown
    try {
      key = JSON.parse(literal[0])
    } catch {
      return 'A quoted key has an invalid escape'
    }
    if (rest.charAt(literal[0].length) !== ']') return 'Expected "]" after the quoted key'
    return { segment: { key: String(key) }, end: open + 1 + literal[0].length + 1 }
  }
  if (quote === "'") {
    const literal = /^'((?:[^'\\]|\\.)*)'/.exec(rest)
    if (!literal) return 'A quoted key is not closed'
    if (rest.charAt(literal[0].length) !== ']') return 'Expected "]" after the quoted key'
    return { segment: { key: (literal[1] ?? '').replace(/\\(.)/g, '$1') }, end: open + 1 + literal[0].length + 1 }
  }
  return 'Expected an index, "*" or a quoted key inside "[...]"'
}

const plainKey = /^[A-Za-z_][A-Za-z0-9_-]*$/

/** Writes segments back in our syntax, quoting keys that need it (the inverse of parsePath). */
export function formatPath(path: ParsedPath | readonly PathSegment[]): string {
  const { segments, fromPayloadRoot } = Array.isArray(path)
    ? { segments: path as readonly PathSegment[], fromPayloadRoot: false }
    : (path as ParsedPath)
  let text = fromPayloadRoot ? '$' : ''
  for (const segment of segments) {
    if ('every' in segment) text += '[*]'
    else if ('index' in segment) text += `[${segment.index}]`
    else if (plainKey.test(segment.key)) text += (text === '' ? '' : '.') + segment.key
    else text += `[${JSON.stringify(segment.key)}]`
  }
  return text
}
