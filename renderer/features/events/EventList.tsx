import { Plus } from 'lucide-react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { displayShortcut } from '../../app/commands'
import { StatusChip } from './StatusChip'

/** The project's events, selectable with the mouse or the arrow keys. */
export function EventList() {
  const { commands, events } = useStudio()
  const items = useStudioStore(
    (s) => s.events,
    (state) => state.events
  )
  const loaded = useStudioStore(
    (s) => s.events,
    (state) => state.loaded
  )
  const selectedId = useStudioStore(
    (s) => s.events,
    (state) => state.selectedId
  )
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )

  const moveSelection = (offset: number) => {
    const index = items.findIndex((event) => event.id === selectedId)
    const next = items[Math.min(items.length - 1, Math.max(0, index + offset))]
    if (next) void events.getState().select(next.id)
  }

  return (
    <section className="list-pane" aria-label="Events">
      <header className="pane-header">
        <h2>Events</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="New custom event"
          title={`New custom event (${displayShortcut('Mod+Alt+E')})`}
          disabled={readOnly}
          onClick={() => commands.getState().run('events.newCustom')}
        >
          <Plus size={16} />
        </button>
      </header>
      {loaded && items.length === 0 ? (
        <div className="empty-state small">
          <p>No events yet.</p>
          <p className="muted">An event is what a brand tracks: a cart addition, a coupon applied, a room reserved.</p>
          {!readOnly && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => commands.getState().run('events.newCustom')}
            >
              <Plus size={14} /> New custom event
            </button>
          )}
        </div>
      ) : (
        <ul
          className="list"
          role="listbox"
          aria-label="Events"
          tabIndex={0}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') moveSelection(1)
            else if (event.key === 'ArrowUp') moveSelection(-1)
            else return
            event.preventDefault()
          }}
        >
          {items.map((item) => (
            <li
              key={item.id}
              role="option"
              aria-selected={item.id === selectedId}
              className="list-item"
              onClick={() => void events.getState().select(item.id)}
            >
              <span className="list-item-title">{item.name}</span>
              <span className="list-item-meta">
                <span className="muted">
                  {item.kind === 'standard' ? 'Standard' : 'Custom'} · {item.attributes.length} attributes
                </span>
                <StatusChip status={item.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
