import type { BundleMergeResult } from '../../../shared/api/bundles'
import { plural } from '../../ui/plural'

/**
 * What a merge did, in one sentence: "Merged shop.capmap.json: 1 event added, 2 events replaced, 1 integration added."
 * Only what happened is named; kept (mine) and identical items changed nothing.
 */
export function mergeSummary(label: string, merged: BundleMergeResult): string {
  const parts = (['events', 'integrations'] as const).flatMap((what) => {
    const noun = what === 'events' ? 'event' : 'integration'
    const counts = merged[what]
    const outcomes: [count: number, done: string][] = [
      [counts.added, 'added'],
      [counts.replaced, 'replaced'],
      [counts.copied, 'added beside yours']
    ]
    return outcomes.filter(([count]) => count > 0).map(([count, done]) => `${plural(count, noun)} ${done}`)
  })
  return parts.length === 0
    ? `Merged ${label}: nothing changed (everything was identical, or kept as yours).`
    : `Merged ${label}: ${parts.join(', ')}.`
}
