import { stringify } from 'safe-stable-stringify'
import { indexStep, keyStep } from '../model/spelledPath'
import type { BundleContent } from './canonicalBundle'

export interface BundleChange {
  kind: 'added' | 'removed' | 'changed'
  what: 'event' | 'attribute' | 'integration' | 'mapping' | 'rule' | 'testCase'
  /** Readable and stable: `be_reserved`, `be_reserved.attributes.age`, `booking-app → be_reserved.rules.age`. */
  path: string
  before?: unknown
  after?: unknown
}

const same = (a: unknown, b: unknown) => stringify(a) === stringify(b)

/**
 * Pairs items of two lists by key, in a's order then b's newcomers. A key met again is told by its occurrence
 * (`age (2)`), so two items of one key are each compared, never one hidden behind the other.
 */
function pair<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): [string, T | undefined, T | undefined][] {
  const [keyedA, keyedB] = [occurrenceKeys(a, key), occurrenceKeys(b, key)]
  const inB = new Map(keyedB)
  const inA = new Map(keyedA)
  return [
    ...keyedA.map(([name, item]): [string, T | undefined, T | undefined] => [name, item, inB.get(name)]),
    ...keyedB
      .filter(([name]) => !inA.has(name))
      .map(([name, item]): [string, T | undefined, T | undefined] => [name, undefined, item])
  ]
}

function occurrenceKeys<T>(items: readonly T[], key: (item: T) => string): [string, T][] {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const count = (seen.get(key(item)) ?? 0) + 1
    seen.set(key(item), count)
    return [count === 1 ? key(item) : `${key(item)} (${count})`, item]
  })
}

const keysOf = <T>(items: readonly T[], key: (item: T) => string) => occurrenceKeys(items, key).map(([name]) => name)

/**
 * A change of order among the items both lists have (the order of attributes is the event's, of rules the
 * mapping's), as the keys in each order; items added or removed are told on their own.
 */
function orderChange(changes: BundleChange[], what: BundleChange['what'], path: string, a: string[], b: string[]) {
  const [inA, inB] = [new Set(a), new Set(b)]
  const [before, after] = [a.filter((key) => inB.has(key)), b.filter((key) => inA.has(key))]
  if (before.some((key, index) => key !== after[index])) changes.push({ kind: 'changed', what, path, before, after })
}

/** Fields holding the user's own JSON (a payload, expected outputs): compared down to the value that changed. */
const comparedWithin: readonly string[] = ['payload', 'expected']

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Two JSON values compared down to each value that differs (`.expected[0].age: 20 → 21`), so a change deep in a
 * large payload is seen, not a cut-off copy of the whole payload. A key on one side only is a change from or to
 * nothing. Lists are compared item by item when their lengths match or one only adds items at the end of the other;
 * otherwise as a whole: an item put in or taken out elsewhere would shift every later one, each then read as changed.
 */
function valueChanges(changes: BundleChange[], what: BundleChange['what'], path: string, x: unknown, y: unknown) {
  if (same(x, y)) return
  if (Array.isArray(x) && Array.isArray(y) && itemByItem(x, y)) {
    for (let index = 0; index < Math.max(x.length, y.length); index++) {
      valueChanges(changes, what, `${path}${indexStep(index)}`, x[index], y[index])
    }
  } else if (isObject(x) && isObject(y)) {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)])
    for (const key of keys) {
      const [before, after] = [Object.hasOwn(x, key) ? x[key] : undefined, Object.hasOwn(y, key) ? y[key] : undefined]
      valueChanges(changes, what, `${path}${keyStep(key)}`, before, after)
    }
  } else changes.push({ kind: 'changed', what, path, before: x, after: y })
}

function itemByItem(x: readonly unknown[], y: readonly unknown[]): boolean {
  if (x.length === y.length) return true
  const shorter = Math.min(x.length, y.length)
  for (let index = 0; index < shorter; index++) if (!same(x[index], y[index])) return false
  return true
}

/** Added or removed whole, or field by field (leaving out `nested`, compared on their own). */
function compare<T extends object>(
  changes: BundleChange[],
  what: BundleChange['what'],
  path: string,
  before: T | undefined,
  after: T | undefined,
  nested: readonly string[] = []
): boolean {
  if (before === undefined && after !== undefined) changes.push({ kind: 'added', what, path, after })
  else if (after === undefined && before !== undefined) changes.push({ kind: 'removed', what, path, before })
  else if (before !== undefined && after !== undefined) {
    const fields = new Set([...Object.keys(before), ...Object.keys(after)].filter((field) => !nested.includes(field)))
    for (const field of fields) {
      const [x, y] = [(before as Record<string, unknown>)[field], (after as Record<string, unknown>)[field]]
      if (same(x, y)) continue
      if (comparedWithin.includes(field)) valueChanges(changes, what, `${path}.${field}`, x, y)
      else changes.push({ kind: 'changed', what, path: `${path}.${field}`, before: x, after: y })
    }
    return true
  }
  return false
}

/**
 * Field-level differences between two bundles' content (or a bundle and the open project's): events and their
 * attributes, integrations, mappings and their rules, test cases; added, removed, changed. Empty when equal.
 */
export function diffBundles(a: BundleContent, b: BundleContent): BundleChange[] {
  const changes: BundleChange[] = []
  for (const [name, before, after] of pair(a.events, b.events, (event) => event.name)) {
    if (!compare(changes, 'event', name, before, after, ['attributes'])) continue
    const [x, y] = [before?.attributes ?? [], after?.attributes ?? []]
    const attributeName = (attribute: (typeof x)[number]) => attribute.name
    for (const [attribute, earlier, later] of pair(x, y, attributeName)) {
      compare(changes, 'attribute', `${name}.attributes.${attribute}`, earlier, later)
    }
    orderChange(changes, 'event', `${name}.attributes (order)`, keysOf(x, attributeName), keysOf(y, attributeName))
  }
  for (const [slug, before, after] of pair(a.integrations, b.integrations, (integration) => integration.slug)) {
    compare(changes, 'integration', slug, before, after)
  }
  const mappingKey = (mapping: BundleContent['mappings'][number]) => `${mapping.integration} → ${mapping.event}`
  for (const [key, before, after] of pair(a.mappings, b.mappings, mappingKey)) {
    if (!compare(changes, 'mapping', key, before && before.spec, after && after.spec, ['rules'])) continue
    const [x, y] = [before?.spec.rules ?? [], after?.spec.rules ?? []]
    const target = (rule: (typeof x)[number]) => rule.target
    for (const [rule, earlier, later] of pair(x, y, target)) {
      compare(changes, 'rule', `${key}.rules.${rule}`, earlier, later)
    }
    orderChange(changes, 'mapping', `${key}.rules (order)`, keysOf(x, target), keysOf(y, target))
  }
  const testKey = (testCase: BundleContent['testCases'][number]) =>
    `${testCase.integration} → ${testCase.event}: ${testCase.name}`
  for (const [key, before, after] of pair(a.testCases, b.testCases, testKey)) {
    compare(changes, 'testCase', key, before, after)
  }
  return changes
}
