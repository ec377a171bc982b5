import type { EventDefinition } from '../../../shared/model/event'

export type StatusFilter = 'all' | 'draft' | 'tested' | 'published'
export type KindFilter = 'all' | 'custom' | 'standard'

export interface EventFilter {
  text: string
  status: StatusFilter
  kind: KindFilter
}

export const noFilter: EventFilter = { text: '', status: 'all', kind: 'all' }

export const isPublished = (event: EventDefinition) => event.publications.length > 0

/** The list's search (name, label, attribute names) and its status and kind filters. */
export function filterEvents(events: readonly EventDefinition[], filter: EventFilter): EventDefinition[] {
  const text = filter.text.trim().toLowerCase()
  return events.filter((event) => {
    if (filter.kind !== 'all' && event.kind !== filter.kind) return false
    if (filter.status === 'published' && !isPublished(event)) return false
    if ((filter.status === 'draft' || filter.status === 'tested') && event.status !== filter.status) return false
    if (!text) return true
    return [event.name, event.label, ...event.attributes.map((attribute) => attribute.name)].some((value) =>
      value.toLowerCase().includes(text)
    )
  })
}
