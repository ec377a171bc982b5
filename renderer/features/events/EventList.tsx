import { Copy, Library, Plus, Search, Trash2 } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import type { EventDefinition } from '../../../shared/model/event'
import { displayShortcut } from '../../app/commands'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { plural } from '../../ui/plural'
import {
  filterEvents,
  isPublished,
  noFilter,
  type EventFilter,
  type KindFilter,
  type StatusFilter
} from './eventFilter'
import { StatusChip } from './StatusChip'
import { ListBox } from '../../ui/ListBox'
import { UndoBanner } from '../../ui/UndoBanner'
import { undoEventDelete } from './undoEventDelete'

/** The project's events: search, filters, selection with the mouse or the arrow keys, and per-event actions. */
export function EventList({ onOpenLibrary }: { onOpenLibrary(): void }) {
  const { commands, events, notifications } = useStudio()
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
  const lastDeletion = useStudioStore(
    (s) => s.events,
    (state) => state.lastDeletion
  )
  const keptDrafts = useStudioStore(
    (s) => s.events,
    (state) => state.keptDrafts
  )
  const openNotSaved = useStudioStore(
    (s) => s.events,
    (state) => state.saveState === 'invalid' || state.saveState === 'failed'
  )
  const pane = useRef<HTMLElement>(null)
  const [filter, setFilter] = useState<EventFilter>(noFilter)
  const [confirmDelete, setConfirmDelete] = useState<EventDefinition | null>(null)
  const shown = filterEvents(items, filter)
  // Changes held unsaved, open or kept while the user is elsewhere, are marked, as an editor marks an unsaved tab.
  const notSaved = new Set([...keptDrafts.map((kept) => kept.id), ...(openNotSaved && selectedId ? [selectedId] : [])])
  // Once a deleted row (and its Delete button) is gone, the keyboard goes on from the list, not the top of the page.
  const [deletions, setDeletions] = useState(0)
  useEffect(() => {
    if (deletions > 0) pane.current?.querySelector<HTMLElement>('[role="listbox"], .empty-state button')?.focus()
  }, [deletions])
  const remove = async (id: string) => {
    if (await events.getState().remove(id)) setDeletions((count) => count + 1)
  }

  return (
    <section className="list-pane event-list" aria-label="Events" ref={pane}>
      <header className="pane-header">
        <h2>Events</h2>
        <span>
          <button
            type="button"
            className="icon-button"
            aria-label="Add a standard event from the library"
            title="Add a standard event from Capillary's library"
            disabled={readOnly}
            onClick={onOpenLibrary}
          >
            <Library size={16} />
          </button>
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
        </span>
      </header>
      {lastDeletion && !readOnly && (
        <UndoBanner
          message={`Deleted ${lastDeletion.name}.`}
          onUndo={() => void undoEventDelete(events, notifications)}
        />
      )}
      {items.length > 0 && (
        <div className="list-filters">
          <label className="search">
            <Search size={13} aria-hidden />
            <input
              className="input"
              type="search"
              placeholder="Search events and attributes"
              aria-label="Search events"
              value={filter.text}
              onChange={(event) => setFilter({ ...filter, text: event.target.value })}
            />
          </label>
          <div className="filter-row">
            <select
              className="input"
              aria-label="Filter by status"
              value={filter.status}
              onChange={(event) => setFilter({ ...filter, status: event.target.value as StatusFilter })}
            >
              <option value="all">Any status</option>
              <option value="draft">Draft</option>
              <option value="tested">Tested</option>
              <option value="published">Published</option>
            </select>
            <select
              className="input"
              aria-label="Filter by kind"
              value={filter.kind}
              onChange={(event) => setFilter({ ...filter, kind: event.target.value as KindFilter })}
            >
              <option value="all">Any kind</option>
              <option value="custom">Custom</option>
              <option value="standard">Standard</option>
            </select>
          </div>
        </div>
      )}
      {loaded && items.length === 0 ? (
        <div className="empty-state small">
          <p>No events yet.</p>
          <p className="muted">An event is what a brand tracks: a cart addition, a coupon applied, a room reserved.</p>
          {!readOnly && (
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                onClick={() => commands.getState().run('events.newCustom')}
              >
                <Plus size={14} /> New custom event
              </button>
              <button type="button" className="button" onClick={onOpenLibrary}>
                <Library size={14} /> From the library
              </button>
            </div>
          )}
        </div>
      ) : shown.length === 0 ? (
        <div className="empty-state small">
          <p>No event matches.</p>
          <button type="button" className="link-button" onClick={() => setFilter(noFilter)}>
            Clear the search and filters
          </button>
        </div>
      ) : (
        <ListBox
          label="Events"
          items={shown}
          keyOf={(item) => item.id}
          selectedKey={selectedId}
          onSelect={(id) => void events.getState().select(id)}
          onOtherKey={(event) => {
            if (event.key !== 'Delete' || !selectedId) return false
            const selected = items.find((item) => item.id === selectedId)
            if (selected && !isPublished(selected) && !readOnly) setConfirmDelete(selected)
            return true
          }}
        >
          {(item) => (
            <>
              <span className="list-item-heading">
                <span className="list-item-title" title={item.name}>
                  {item.name}
                </span>
                {notSaved.has(item.id) && (
                  <span
                    className="unsaved-marker"
                    role="img"
                    aria-label="Not saved"
                    title="Changes not saved: they break a rule. Open the event to fix them."
                  />
                )}
              </span>
              <span className="list-item-meta">
                <span className="muted">
                  {item.kind === 'standard' ? 'Standard' : 'Custom'} · {plural(item.attributes.length, 'attribute')}
                </span>
                <StatusChip event={item} />
              </span>
              {item.id === selectedId && !readOnly && (
                <span className="list-item-actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Duplicate ${item.name}`}
                    title="Duplicate into a new draft"
                    onClick={(click) => {
                      click.stopPropagation()
                      void events.getState().duplicate(item.id)
                    }}
                  >
                    <Copy size={14} />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Delete ${item.name}`}
                    title={isPublished(item) ? 'Published events cannot be deleted' : 'Delete this event'}
                    disabled={isPublished(item)}
                    onClick={(click) => {
                      click.stopPropagation()
                      setConfirmDelete(item)
                    }}
                  >
                    <Trash2 size={14} />
                  </button>
                </span>
              )}
            </>
          )}
        </ListBox>
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete ${confirmDelete.name}?`}
          message="The event goes, with its attributes, mappings and test cases. You can undo this for ten minutes."
          confirmLabel="Delete"
          onCancel={() => setConfirmDelete(null)}
          onConfirm={() => {
            const id = confirmDelete.id
            setConfirmDelete(null)
            void remove(id)
          }}
        />
      )}
    </section>
  )
}
