import { Plus } from 'lucide-react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { ListBox } from '../../ui/ListBox'
import { plural } from '../../ui/plural'

/** The project's mappings, named "integration → event", selectable with the mouse or the arrow keys. */
export function MappingList({ onNew }: { onNew(): void }) {
  const { mapping } = useStudio()
  const mappings = useStudioStore(
    (s) => s.mapping,
    (state) => state.mappings
  )
  const loaded = useStudioStore(
    (s) => s.mapping,
    (state) => state.loaded
  )
  const selectedId = useStudioStore(
    (s) => s.mapping,
    (state) => state.selectedId
  )
  const integrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  const events = useStudioStore(
    (s) => s.events,
    (state) => state.events
  )
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const name = (integrationId: string, eventId: string) => ({
    integration: integrations.find((candidate) => candidate.id === integrationId)?.name ?? 'Deleted integration',
    event: events.find((candidate) => candidate.id === eventId)?.name ?? 'Deleted event'
  })

  return (
    <section className="list-pane" aria-label="Mappings">
      <header className="pane-header">
        <h2>Mappings</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="New mapping"
          title="New mapping"
          disabled={readOnly}
          onClick={onNew}
        >
          <Plus size={16} />
        </button>
      </header>
      {loaded && mappings.length === 0 ? (
        <div className="empty-state small">
          <p>No mappings yet.</p>
          <p className="muted">
            A mapping turns one integration’s payloads into one event: connect the payload’s fields to the event’s
            attributes and watch the result on captured payloads.
          </p>
        </div>
      ) : (
        <ListBox
          label="Mappings"
          items={mappings}
          keyOf={(item) => item.id}
          selectedKey={selectedId}
          onSelect={(id) => void mapping.getState().select(id)}
        >
          {(item) => {
            const names = name(item.integrationId, item.eventId)
            return (
              <>
                <span className="list-item-title">{names.event}</span>
                <span className="list-item-meta">
                  <span className="muted">from {names.integration}</span>
                  <span className="muted">{plural(item.rules.length, 'rule')}</span>
                </span>
              </>
            )
          }}
        </ListBox>
      )}
    </section>
  )
}
