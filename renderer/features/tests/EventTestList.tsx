import { useStudio, useStudioStore } from '../../app/StudioContext'

const optionId = (id: string) => `event-tests-option-${id}`

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
  const move = (offset: number) => {
    const index = statuses.findIndex((status) => status.eventId === selected)
    const next = statuses[Math.min(statuses.length - 1, Math.max(0, index + offset))]
    if (next) tests.getState().selectEvent(next.eventId)
  }
  return (
    <section className="list-pane" aria-label="Events under test">
      <header className="pane-header">
        <h2>Tests</h2>
      </header>
      {loaded && statuses.length === 0 ? (
        <div className="empty-state small">
          <p>No events yet.</p>
          <p className="muted">Design an event, map an integration onto it, then prove the mapping here.</p>
        </div>
      ) : (
        <ul
          className="list"
          role="listbox"
          aria-label="Events"
          tabIndex={0}
          aria-activedescendant={selected ? optionId(selected) : undefined}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') move(1)
            else if (event.key === 'ArrowUp') move(-1)
            else return
            event.preventDefault()
          }}
        >
          {statuses.map((status) => (
            <li
              key={status.eventId}
              id={optionId(status.eventId)}
              role="option"
              aria-selected={status.eventId === selected}
              className="list-item"
              onClick={() => tests.getState().selectEvent(status.eventId)}
            >
              <span className="list-item-title">{status.eventName}</span>
              <span className="list-item-meta">
                <span className="muted">
                  {status.testCases === 0 ? 'No test case' : `${status.passing} of ${status.testCases} passing`}
                </span>
                <span className={`chip chip-${status.status}`}>{status.status === 'tested' ? 'Tested' : 'Draft'}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
