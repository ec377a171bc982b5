import { inferSchema, type InferredField } from '../engine/inferSchema'
import type { PathSegment } from '../engine/sourcePath/parsePath'
import { fieldKey, isRead } from './fieldKeys'

/** A payload made from a real one by changing one field the way real senders get it wrong. */
export interface EdgeCase {
  /** Stable and readable: `customer.mobile is null`. */
  name: string
  /** The field changed, in our path syntax. */
  path: string
  kind: EdgeCaseKind
  payload: unknown
}

export type EdgeCaseKind =
  'null' | 'missing' | 'empty' | 'wrongType' | 'hugeString' | 'unicode' | 'emptyList' | 'singleItem' | 'manyItems'

/** At most this many cases, the fields the mapping reads first. */
const maxCases = 80
const hugeLength = 100_000
const unicodeText = 'Zoë Ünïcødé ✓ 漢字 😀 עברית'
const manyItems = 50

type Change = { set: unknown } | { remove: true }

/**
 * Edge cases for a payload, from its inferred schema: each field nulled, removed, emptied, given the wrong type, a
 * huge string or unicode; each list emptied, cut to one item and grown to many. Fields under a list are changed in
 * its first item. With `read` (field keys a mapping reads), those fields come first and the others are left out.
 */
export function edgeCases(payload: unknown, read?: ReadonlySet<string>): EdgeCase[] {
  const fields = inferSchema([payload]).fields.filter(
    (field) => !read || read.size === 0 || isRead(fieldKey(field.segments), read) || readsBelow(field, read)
  )
  const cases: EdgeCase[] = []
  for (const field of fields) {
    for (const [kind, change] of changesFor(field, payload)) {
      if (cases.length >= maxCases) return cases
      const changed = applyChange(payload, firstItemPath(field.segments), change)
      if (changed !== undefined)
        cases.push({ name: `${field.path} ${describe[kind]}`, path: field.path, kind, payload: changed })
    }
  }
  return cases
}

const describe: Record<EdgeCaseKind, string> = {
  null: 'is null',
  missing: 'is missing',
  empty: 'is empty',
  wrongType: 'has the wrong type',
  hugeString: `is a ${hugeLength.toLocaleString('en')}-character string`,
  unicode: 'is unicode text',
  emptyList: 'is an empty list',
  singleItem: 'has a single item',
  manyItems: `has ${manyItems} items`
}

/** A list a rule reads into (the fan-out list, say) is worth varying even if no rule reads the list itself. */
function readsBelow(field: InferredField, read: ReadonlySet<string>): boolean {
  const key = fieldKey(field.segments)
  return [...read].some((candidate) => candidate.startsWith(`${key}[`) || candidate.startsWith(`${key}.`))
}

function changesFor(field: InferredField, payload: unknown): [EdgeCaseKind, Change][] {
  const type = Object.keys(field.types)[0]
  const current = valueAt(payload, firstItemPath(field.segments))
  const common: [EdgeCaseKind, Change][] = [
    ['null', { set: null }],
    ['missing', { remove: true }]
  ]
  switch (type) {
    case 'string':
      return [
        ...common,
        ['empty', { set: '' }],
        ['wrongType', { set: 12345 }],
        ['hugeString', { set: 'x'.repeat(hugeLength) }],
        ['unicode', { set: unicodeText }]
      ]
    case 'number':
      return [...common, ['wrongType', { set: 'not a number' }]]
    case 'boolean':
      return [...common, ['wrongType', { set: 'yes' }]]
    case 'array': {
      const items = Array.isArray(current) ? current : []
      return [
        ...common,
        ['emptyList', { set: [] }],
        ...(items.length !== 1 && items.length > 0
          ? [['singleItem', { set: [items[0]] }] as [EdgeCaseKind, Change]]
          : []),
        ...(items.length > 0
          ? [['manyItems', { set: Array.from({ length: manyItems }, () => items[0]) }] as [EdgeCaseKind, Change]]
          : [])
      ]
    }
    case 'object':
      return [...common, ['empty', { set: {} }]]
    default:
      return common
  }
}

/** The field's place in this payload, lists read at their first item. */
function firstItemPath(segments: readonly PathSegment[]): (string | number)[] {
  return segments.map((segment) => ('key' in segment ? segment.key : 'index' in segment ? segment.index : 0))
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root
  for (const step of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, step)) return undefined
    value = (value as Record<string | number, unknown>)[step]
  }
  return value
}

/** A copy of `root` with one change at `path`; undefined when the path is not there. */
function applyChange(root: unknown, path: readonly (string | number)[], change: Change): unknown {
  if (path.length === 0) return undefined
  const copy: unknown = JSON.parse(JSON.stringify(root))
  const parent = valueAt(copy, path.slice(0, -1))
  const last = path.at(-1) as string | number
  if (parent === null || typeof parent !== 'object' || !Object.hasOwn(parent, last)) return undefined
  const container = parent as Record<string | number, unknown>
  if ('remove' in change) {
    if (Array.isArray(container)) container.splice(Number(last), 1)
    else delete container[last]
  } else container[last] = change.set
  return copy
}
