import { useStudio, useStudioStore } from '../../app/StudioContext'
import { ListBox } from '../../ui/ListBox'
import { tallyLabel } from './testLabels'

/** The project's events with their standing against the Tested gate; arrow keys move the selection. */
export function EventTestList() {
  const { tests } = useStudio()
  const statuses = useStudioStore(
    (s) => s.tests,
    (state) => state.statuses
  )
  const selected = useStudioStore(
    (s) => s.tests,
    (state) => state.selectedEventId
  )
  const loaded = useStudioStore(
    (s) => s.tests,
    (state) => state.loaded
  )
  return (
    <section className="list-pane test-event-list" aria-label="Events under test">
      <header className="pane-header">
        <h2>Tests</h2>
      </header>
      {loaded && statuses.length === 0 ? (
        <div className="empty-state small">
          <p>No events yet.</p>
          <p className="muted">Design an event, map an integration onto it, then prove the mapping here.</p>
        </div>
      ) : (
        <ListBox
          label="Events"
          items={statuses}
          keyOf={(status) => status.eventId}
          selectedKey={selected}
          onSelect={(id) => tests.getState().selectEvent(id)}
        >
          {(status) => (
            <>
              <span className="list-item-title" title={status.eventName}>
                {status.eventName}
              </span>
              <span className="list-item-meta">
                <span className="muted">{tallyLabel(status)}</span>
                <span className={`chip chip-${status.status}`}>{status.status === 'tested' ? 'Tested' : 'Draft'}</span>
              </span>
            </>
          )}
        </ListBox>
      )}
    </section>
  )
}
