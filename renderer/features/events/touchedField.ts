import type { EventDraft } from '../../../shared/model/event'

/**
 * What an edit changed, as a path (`name`, `attributes/2/regex`), or `attributes` when attributes were added, removed
 * or moved. Undo merges quick edits only when they touch the same field.
 */
export function touchedField(before: EventDraft, after: EventDraft): string {
  for (const key of ['name', 'label', 'description', 'kind', 'actions'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) return key
  }
  if (before.attributes.length !== after.attributes.length) return 'attributes'
  for (const [index, attribute] of after.attributes.entries()) {
    const previous = before.attributes[index]
    if (!previous || previous.id !== attribute.id) return 'attributes'
    const keys = new Set([...Object.keys(previous), ...Object.keys(attribute)] as (keyof typeof attribute)[])
    for (const key of keys) {
      if (JSON.stringify(previous[key]) !== JSON.stringify(attribute[key])) return `attributes/${index}/${key}`
    }
  }
  return ''
}
