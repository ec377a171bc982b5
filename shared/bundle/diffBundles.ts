import { stringify } from 'safe-stable-stringify'
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

/** Pairs items of two lists by key, in a's order then b's newcomers. */
function pair<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): [string, T | undefined, T | undefined][] {
  const inB = new Map(b.map((item) => [key(item), item]))
  const inA = new Map(a.map((item) => [key(item), item]))
  return [
    ...a.map((item): [string, T | undefined, T | undefined] => [key(item), item, inB.get(key(item))]),
    ...b
      .filter((item) => !inA.has(key(item)))
      .map((item): [string, T | undefined, T | undefined] => [key(item), undefined, item])
  ]
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
      if (!same(x, y)) changes.push({ kind: 'changed', what, path: `${path}.${field}`, before: x, after: y })
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
    for (const [attribute, x, y] of pair(before?.attributes ?? [], after?.attributes ?? [], (entry) => entry.name)) {
      compare(changes, 'attribute', `${name}.attributes.${attribute}`, x, y)
    }
  }
  for (const [slug, before, after] of pair(a.integrations, b.integrations, (integration) => integration.slug)) {
    compare(changes, 'integration', slug, before, after)
  }
  const mappingKey = (mapping: BundleContent['mappings'][number]) => `${mapping.integration} → ${mapping.event}`
  for (const [key, before, after] of pair(a.mappings, b.mappings, mappingKey)) {
    if (!compare(changes, 'mapping', key, before && before.spec, after && after.spec, ['rules'])) continue
    for (const [target, x, y] of pair(before?.spec.rules ?? [], after?.spec.rules ?? [], (rule) => rule.target)) {
      compare(changes, 'rule', `${key}.rules.${target}`, x, y)
    }
  }
  const testKey = (testCase: BundleContent['testCases'][number]) =>
    `${testCase.integration} → ${testCase.event}: ${testCase.name}`
  for (const [key, before, after] of pair(a.testCases, b.testCases, testKey)) {
    compare(changes, 'testCase', key, before, after)
  }
  return changes
}
