import { Lock } from 'lucide-react'
import { lockOf, standingHints, standingLabels } from './eventStanding'
import type { PublishRow } from './publishRows'

export type EventAction = 'mark' | 'newVersion' | 'disable'

interface PublishEventTableProps {
  rows: PublishRow[]
  profileKey: string
  profileName: string
  /** Events the org holds according to the last dry run (besides those the publish state knows). */
  onOrg: ReadonlySet<string>
  busyEventId: string | null
  onInclude(eventId: string, included: boolean): void
  onAction(action: EventAction, eventId: string): void
}

/** The project's events with their standing on the chosen org; each is included in the dry run or left out. */
export function PublishEventTable({
  rows,
  profileKey,
  profileName,
  onOrg,
  busyEventId,
  onInclude,
  onAction
}: PublishEventTableProps) {
  return (
    <table className="table publish-events">
      <caption className="publish-sr-only">Events and their standing on {profileName}</caption>
      <thead>
        <tr>
          <th scope="col">Include</th>
          <th scope="col">Event</th>
          <th scope="col">Standing on {profileName}</th>
          <th scope="col">
            <span className="publish-sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ event, standing, entry, included }) => {
          const lock = lockOf(event, profileKey)
          const held = standing === 'accepted' || standing === 'verified' || standing === 'published'
          const busy = busyEventId === event.id
          const nameId = `publish-event-${event.id}`
          return (
            <tr key={event.id} data-event={event.name}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Include ${event.name}`}
                  checked={included}
                  disabled={standing === 'published' || standing === 'disabled'}
                  onChange={(change) => onInclude(event.id, change.target.checked)}
                />
              </td>
              <th scope="row" id={nameId}>
                <span className="mono">{event.name}</span>{' '}
                <span className="muted">{event.kind === 'standard' ? 'standard' : 'custom'}</span>
              </th>
              <td>
                <span className={`chip chip-standing-${standing}`} title={standingHints[standing]}>
                  {standing === 'published' && <Lock size={11} aria-hidden />} {standingLabels[standing]}
                </span>{' '}
                <span className="muted standing-hint">
                  {lock
                    ? `Locked since ${new Date(lock.publishedAt).toLocaleDateString()}: a change needs a new version.`
                    : standingHints[standing]}
                  {entry?.lastVerdict && !entry.lastVerdict.ok && ` Last verdict: ${entry.lastVerdict.status}.`}
                </span>
              </td>
              <td className="row-actions">
                {standing === 'verified' && (
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    aria-describedby={nameId}
                    onClick={() => onAction('mark', event.id)}
                  >
                    Mark as published…
                  </button>
                )}
                {standing === 'published' && (
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    aria-describedby={nameId}
                    onClick={() => onAction('newVersion', event.id)}
                  >
                    New version…
                  </button>
                )}
                {(held || onOrg.has(event.id)) && standing !== 'disabled' && (
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    aria-describedby={nameId}
                    onClick={() => onAction('disable', event.id)}
                  >
                    Disable on Capillary…
                  </button>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
