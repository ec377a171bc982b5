import type { EventDefinition } from '../../../shared/model/event'

/** Draft, Tested, or Published (to which orgs). */
export function StatusChip({ event }: { event: EventDefinition }) {
  if (event.publications.length > 0) {
    const orgs = event.publications.map((publication) => publication.profile).join(', ')
    return (
      <span className="chip chip-published" title={`Published to ${orgs}`}>
        Published
      </span>
    )
  }
  return <span className={`chip chip-${event.status}`}>{event.status === 'tested' ? 'Tested' : 'Draft'}</span>
}
