import { useState } from 'react'
import { standardEvents } from '../../../shared/capillary/standardEvents'
import type { StandardEventName } from '../../../shared/capillary/standardEvents'
import { useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { plural } from '../../ui/plural'

/** Capillary's standard events, to add one as Capillary defines it (each is enabled once per org); Cancel or Escape closes. */
export function LibraryDialog({ onPick, onClose }: { onPick(name: StandardEventName): void; onClose(): void }) {
  const events = useStudioStore(
    (s) => s.events,
    (state) => state.events
  )
  const present = events.map((event) => event.name)
  const [search, setSearch] = useState('')
  const words = search.toLowerCase().split(/\s+/).filter(Boolean)
  // By category, then name; a search keeps the events whose name, category or WebEngage name hold every word.
  const shown = [...standardEvents]
    .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name))
    .filter((event) => {
      const text = `${event.name} ${event.category} ${event.webEngageEventName}`.toLowerCase()
      return words.every((word) => text.includes(word))
    })
  return (
    <Dialog
      title="Add a standard event"
      description="Capillary's library: its fields stay as Capillary defines them; you may add custom attributes."
      onClose={onClose}
      wide
      footer={
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <input
        className="input library-search"
        type="search"
        aria-label="Search the standard events"
        placeholder="Search by name, category or WebEngage event"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        autoFocus
      />
      {shown.length === 0 && <p className="muted">No standard event matches {search.trim()}.</p>}
      <ul className="library">
        {shown.map((event) => {
          const added = present.includes(event.name)
          return (
            <li key={event.name}>
              <button
                type="button"
                className="library-item"
                disabled={added}
                onClick={() => onPick(event.name)}
                aria-label={`${event.name}${added ? ' (already in the project)' : ''}`}
              >
                <span className="mono list-item-title">{event.name}</span>
                <span className="muted">
                  {event.category} · {plural(event.fields.length, 'field')} · WebEngage “{event.webEngageEventName}”
                  {added ? ' · already in the project' : ''}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </Dialog>
  )
}
