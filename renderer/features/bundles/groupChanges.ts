import type { BundleChange } from '../../../shared/api/bundles'

export interface ChangeGroup {
  title: string
  changes: BundleChange[]
}

/**
 * Changes grouped by what they belong to: an event (with its attributes, mappings, rules and test cases) or an
 * integration. Mapping paths read `slug → event.rules.x` or `slug → event: test case`.
 */
export function groupChanges(changes: readonly BundleChange[]): ChangeGroup[] {
  const groups = new Map<string, BundleChange[]>()
  for (const change of changes) {
    const title =
      change.what === 'integration'
        ? `Integration ${change.path.split('.')[0]}`
        : `Event ${(change.path.includes(' → ') ? (change.path.split(' → ')[1] ?? '') : change.path).split(/[.:]/)[0]}`
    groups.set(title, [...(groups.get(title) ?? []), change])
  }
  return [...groups].map(([title, grouped]) => ({ title, changes: grouped }))
}

/** A value as the diff shows it: JSON, two-space indent; nothing for a side that does not have it. */
export const shown = (value: unknown) => (value === undefined ? '' : (JSON.stringify(value, null, 2) ?? ''))
