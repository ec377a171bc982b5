import { Plus, Trash2 } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { standardEvents } from '../../../shared/capillary/standardEvents'
import type { EventNameMapping, IntegrationKind } from '../../../shared/model/integration'
import { issuesAt, mapPath, type IntegrationIssue } from './checkIntegrationDraft'
import { FieldMessages } from './FieldMessages'

interface EventNameMapTableProps {
  entries: readonly EventNameMapping[]
  kind: IntegrationKind
  /** The project's event names, to choose from. */
  eventNames: readonly string[]
  issues: readonly IntegrationIssue[]
  disabled: boolean
  onChange(entries: EventNameMapping[]): void
}

/** The standard event whose WebEngage name this is (notes §2: the default WebEngage event names). */
const standardEventNamed = (sourceName: string) =>
  standardEvents.find((event) => event.webEngageEventName === sourceName)

/**
 * Capillary's `valueMap` for this integration (notes §6.1-6.2): source event name → Capillary event. Several source
 * names may mean one event; one source name means one event.
 */
export function EventNameMapTable({ entries, kind, eventNames, issues, disabled, onChange }: EventNameMapTableProps) {
  const setEntry = (index: number, patch: Partial<EventNameMapping>) =>
    onChange(entries.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)))
  // A row just added takes the focus, and keeps its problems to itself until the user has left its name (or chosen
  // its event), as the studio's other fields do: an empty row is not an error yet.
  const [fresh, setFresh] = useState<number | null>(null)
  const sourceInputs = useRef(new Map<number, HTMLInputElement>())
  const focusPending = useRef(false)
  useEffect(() => {
    if (!focusPending.current || fresh === null) return
    focusPending.current = false
    sourceInputs.current.get(fresh)?.focus()
  }, [fresh, entries.length])
  const addRow = () => {
    focusPending.current = true
    setFresh(entries.length)
    onChange([...entries, { sourceName: '', eventName: '' }])
  }
  const leave = (index: number) => setFresh((current) => (current === index ? null : current))

  return (
    <section aria-labelledby="event-name-map-heading" className="integration-section">
      <header className="section-header">
        <h2 id="event-name-map-heading">Source event names</h2>
        <button type="button" className="button" disabled={disabled} onClick={addRow}>
          <Plus size={14} /> Add source name
        </button>
      </header>
      <p className="muted section-note">
        The event names this app sends, each with the event of this project it means. Several names may mean the same
        event (“Added To Cart” and “Product Added To Cart”).
      </p>
      {entries.length === 0 ? (
        <p className="muted integration-map-empty">
          No source names yet: payloads are matched only once their event names are listed here.
        </p>
      ) : (
        <table className="integration-map">
          <thead>
            <tr>
              <th scope="col">Source event name</th>
              <th scope="col">Capillary event</th>
              <th scope="col">
                <span className="integration-sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => {
              const shown = index === fresh ? [] : issues
              const sourceIssues = issuesAt(shown, mapPath(index, 'sourceName'))
              const eventIssues = issuesAt(shown, mapPath(index, 'eventName'))
              const standard = kind === 'webengage' ? standardEventNamed(entry.sourceName) : undefined
              const hint = standard && entry.eventName !== standard.name ? standard.name : undefined
              const row = index + 1
              return (
                <tr key={index} data-testid={`map-row-${index}`}>
                  <td>
                    <input
                      className="input mono"
                      value={entry.sourceName}
                      spellCheck={false}
                      maxLength={200}
                      aria-label={`Source event name, row ${row}`}
                      aria-invalid={sourceIssues.length > 0 || undefined}
                      aria-describedby={sourceIssues.length > 0 ? `map-source-issues-${index}` : undefined}
                      ref={(input) => {
                        if (input) sourceInputs.current.set(index, input)
                        else sourceInputs.current.delete(index)
                      }}
                      onBlur={() => leave(index)}
                      onChange={(event) => setEntry(index, { sourceName: event.target.value })}
                    />
                    <FieldMessages issues={sourceIssues} id={`map-source-issues-${index}`} />
                  </td>
                  <td>
                    <select
                      className="input mono"
                      value={entry.eventName}
                      aria-label={`Capillary event, row ${row}`}
                      aria-invalid={eventIssues.some((issue) => issue.severity === 'error') || undefined}
                      aria-describedby={eventIssues.length > 0 ? `map-event-issues-${index}` : undefined}
                      onChange={(event) => {
                        leave(index)
                        setEntry(index, { eventName: event.target.value })
                      }}
                    >
                      <option value="" disabled>
                        Choose an event…
                      </option>
                      {eventNames.map((name) => (
                        <option key={name} value={name}>
                          {name}
                        </option>
                      ))}
                      {entry.eventName !== '' && !eventNames.includes(entry.eventName) && (
                        <option value={entry.eventName}>{entry.eventName} (not in this project)</option>
                      )}
                    </select>
                    <FieldMessages issues={eventIssues} id={`map-event-issues-${index}`} />
                    {hint && (
                      <p className="field-hint">
                        WebEngage sends “{entry.sourceName}” for Capillary’s standard event{' '}
                        <span className="mono">{hint}</span>
                        {eventNames.includes(hint) ? (
                          <>
                            {' '}
                            <button
                              type="button"
                              className="link-button"
                              disabled={disabled}
                              onClick={() => setEntry(index, { eventName: hint })}
                            >
                              Map to {hint}
                            </button>
                          </>
                        ) : (
                          <>: add it from the library on the Events screen to map it.</>
                        )}
                      </p>
                    )}
                  </td>
                  <td className="integration-map-remove">
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove row ${row}${entry.sourceName ? ` (${entry.sourceName})` : ''}`}
                      disabled={disabled}
                      onClick={() => {
                        setFresh(null)
                        onChange(entries.filter((_, i) => i !== index))
                      }}
                    >
                      <Trash2 size={15} />
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
