import type { IntegrationDraft, IntegrationKind } from '../../../shared/model/integration'
import { maxSlugLength, slugify } from '../../../shared/model/slug'
import { firstFreeName } from '../../../shared/model/withSuffixWithin'

/** The source account an integration of each kind usually has (notes §1 glossary: Source Account). */
export const defaultSourceAccount: Record<IntegrationKind, string> = { webengage: 'WEB_ENGAGE', custom: 'INSTORE' }

/** WebEngage puts the event name in `event_name` (notes §6.1 `eventMapper`); Custom payloads do too (§6.3). */
export const defaultEventNameField = 'event_name'

/** A slug from a name that no other integration uses yet: "webengage", then "webengage-2", "webengage-3"... */
export function uniqueSlug(name: string, takenSlugs: readonly string[]): string {
  const base = slugify(name) || 'integration'
  const taken = new Set(takenSlugs)
  if (!taken.has(base)) return base
  return firstFreeName(
    base,
    (n) => `-${n}`,
    maxSlugLength,
    (candidate) => taken.has(candidate)
  )
}

/** A new integration starts valid, so it can be saved at once: a free name and the slug suggested from it. */
export function newIntegrationDraft(existing: readonly { name: string; slug: string }[]): IntegrationDraft {
  const names = new Set(existing.map((integration) => integration.name.toLowerCase()))
  let name = 'New integration'
  for (let n = 2; names.has(name.toLowerCase()); n += 1) name = `New integration ${n}`
  return {
    name,
    slug: uniqueSlug(
      name,
      existing.map((integration) => integration.slug)
    ),
    kind: 'webengage',
    sourceAccount: defaultSourceAccount.webengage,
    eventNameField: defaultEventNameField,
    eventNameMap: []
  }
}
