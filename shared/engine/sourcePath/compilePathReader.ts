import { jsonPointer, pointerToken } from '../diagnostics'
import { formatPath, type PathSegment } from './parsePath'

export interface PathReader {
  /** The value at the path, or undefined when there is none; `[*]` gives the list of what each element has. */
  read(root: unknown): unknown
  /** JSON pointer of the value read (for `[*]`, of the list it walks), or of the missing path itself. */
  pointer(root: unknown): string
  /** Why nothing is there, naming the deepest part of the path that exists; only called when read gives nothing. */
  explainMissing(root: unknown): string
  text: string
}

const own = Object.prototype.hasOwnProperty
const canonicalIndex = /^(?:0|[1-9]\d*)$/

function step(current: unknown, segment: PathSegment): unknown {
  if (current === null || typeof current !== 'object') return undefined
  if ('key' in segment) {
    if (Array.isArray(current)) return canonicalIndex.test(segment.key) ? current[Number(segment.key)] : undefined
    return own.call(current, segment.key) ? (current as Record<string, unknown>)[segment.key] : undefined
  }
  if ('index' in segment) {
    if (Array.isArray(current)) return current[segment.index < 0 ? current.length + segment.index : segment.index]
    const key = String(segment.index)
    return own.call(current, key) ? (current as Record<string, unknown>)[key] : undefined
  }
  return undefined
}

function readFrom(current: unknown, segments: readonly PathSegment[], from: number): unknown {
  for (let position = from; position < segments.length; position++) {
    const segment = segments[position] as PathSegment
    if ('every' in segment) {
      if (current === undefined || current === null) return undefined
      // A single element where a list was expected is a list of one (XML bodies give an object for one child).
      const elements = Array.isArray(current) ? current : [current]
      const values: unknown[] = []
      for (const element of elements) {
        const value = readFrom(element, segments, position + 1)
        if (value === undefined) continue
        if (Array.isArray(value) && segments.slice(position + 1).some((later) => 'every' in later))
          values.push(...value)
        else values.push(value)
      }
      return values
    }
    current = step(current, segment)
    if (current === undefined) return undefined
  }
  return current
}

// The common path, keys only, without readFrom's per-segment dispatch. A key Object.prototype does not have can only
// be inherited from a prototype JSON never makes, so it is read with one lookup; the others (constructor,
// toString, __proto__...) are checked to be the object's own.
function keyReader(keys: readonly string[]): (root: unknown) => unknown {
  const inherited = keys.map((key) => key in Object.prototype)
  return (root) => {
    let current = root
    for (let position = 0; position < keys.length; position++) {
      if (current === null || typeof current !== 'object') return undefined
      const key = keys[position] as string
      if (Array.isArray(current)) current = canonicalIndex.test(key) ? current[Number(key)] : undefined
      else if (!inherited[position] || own.call(current, key)) current = (current as Record<string, unknown>)[key]
      else return undefined
    }
    return current
  }
}

/** Compiles a parsed path into a reader; own properties only, so `__proto__` or `constructor` read nothing. */
export function compilePathReader(segments: readonly PathSegment[], text = formatPath(segments)): PathReader {
  const everyAt = segments.findIndex((segment) => 'every' in segment)
  const walked = everyAt === -1 ? segments : segments.slice(0, everyAt)
  const dynamic = walked.some((segment) => 'index' in segment && segment.index < 0)
  const staticPointer = jsonPointer(
    walked.map((segment) => ('key' in segment ? segment.key : 'index' in segment ? segment.index : '*'))
  )
  const pointer = dynamic
    ? (root: unknown): string => {
        let current = root
        let text = ''
        for (const segment of walked) {
          let token: string
          if ('index' in segment && segment.index < 0 && Array.isArray(current))
            token = String(current.length + segment.index)
          else token = pointerToken('key' in segment ? segment.key : 'index' in segment ? segment.index : '*')
          text += '/' + token
          current = step(current, segment)
        }
        return text
      }
    : (): string => staticPointer
  const keys = segments.every((segment) => 'key' in segment)
    ? segments.map((segment) => (segment as { key: string }).key)
    : undefined
  const read = keys ? keyReader(keys) : (root: unknown) => readFrom(root, segments, 0)
  return {
    read,
    pointer,
    text,
    explainMissing(root) {
      let current = root
      for (let position = 0; position < walked.length; position++) {
        const segment = walked[position] as PathSegment
        const next = step(current, segment)
        if (next === undefined) {
          const parent = position === 0 ? 'the payload' : formatPath(walked.slice(0, position))
          if (current === null || typeof current !== 'object')
            return `${parent} is ${current === null ? 'null' : 'not an object or list'}`
          if ('key' in segment) return `${parent} has no key ${JSON.stringify(segment.key)}`
          return `${parent} has no element ${'index' in segment ? segment.index : '*'}`
        }
        current = next
      }
      return `no element of ${formatPath(walked)} has ${formatPath(segments.slice(everyAt + 1))}`
    }
  }
}
