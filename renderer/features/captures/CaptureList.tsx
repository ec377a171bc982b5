import { useVirtualizer } from '@tanstack/react-virtual'
import { Search, Send } from 'lucide-react'
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { CaptureStatus, type CaptureSummary } from '../../../shared/model/capture'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { searchedCharsPerBody } from '../../../shared/model/captureInbox'
import { formatBytes } from '../../../shared/model/formatBytes'
import { isFiltered } from './inboxFilter'
import { canUndoDelete } from './store'
import { plural } from '../../ui/plural'
import { UndoBanner } from '../../ui/UndoBanner'

const rowHeight = 52
const searchDelayMs = 250

const statusLabels: Record<CaptureStatus, string> = {
  ok: 'OK',
  invalid: 'Invalid',
  rejected: 'Rejected',
  unmatched: 'Unmatched',
  oversize: 'Too large'
}

/** Every capture of the project, newest first: filters, search, and a virtualized list that pages as it scrolls. */
export function CaptureList({ onOpenDetail, onSendTest }: { onOpenDetail(): void; onSendTest(): void }) {
  const { captures } = useStudio()
  const items = useStudioStore(
    (s) => s.captures,
    (state) => state.items
  )
  const status = useStudioStore(
    (s) => s.captures,
    (state) => state.status
  )
  const nextCursor = useStudioStore(
    (s) => s.captures,
    (state) => state.nextCursor
  )
  const selectedId = useStudioStore(
    (s) => s.captures,
    (state) => state.selectedId
  )
  const waiting = useStudioStore(
    (s) => s.captures,
    (state) => state.waiting
  )
  const filter = useStudioStore(
    (s) => s.captures,
    (state) => state.filter
  )
  const lastDeletion = useStudioStore(
    (s) => s.captures,
    (state) => state.lastDeletion
  )
  const filterResets = useStudioStore(
    (s) => s.captures,
    (state) => state.filterResets
  )
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const scroller = useRef<HTMLDivElement>(null)
  // The virtualizer's functions are read afresh on every render here, never memoized: what the rule warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length + (nextCursor ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12
  })
  const virtualRows = virtualizer.getVirtualItems()
  const lastShown = virtualRows.at(-1)?.index ?? 0

  useEffect(() => {
    if (nextCursor !== null && lastShown >= items.length - 1) void captures.getState().loadMore()
  }, [captures, lastShown, items.length, nextCursor])

  // A new selection is scrolled into view once; arrivals that only move it down leave the reader where they are.
  const selectedIndex = items.findIndex((item) => item.id === selectedId)
  const scrolledTo = useRef<string | null>(null)
  useEffect(() => {
    if (selectedIndex < 0 || selectedId === scrolledTo.current) return
    scrolledTo.current = selectedId
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedId, selectedIndex, virtualizer])

  // Captures arriving on top push the rows down: a reader scrolled into the list keeps the same rows in view.
  const firstId = useRef<string | undefined>(undefined)
  useLayoutEffect(() => {
    const previous = firstId.current
    firstId.current = items[0]?.id
    const element = scroller.current
    if (!element || previous === undefined || element.scrollTop === 0) return
    const pushed = items.findIndex((item) => item.id === previous)
    if (pushed > 0) element.scrollTop += pushed * rowHeight
  }, [items])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.ctrlKey || event.metaKey
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      void captures.getState().moveSelection(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault()
      void captures.getState().moveSelection(event.key === 'PageDown' ? 10 : -10)
    } else if (event.key === 'Home' || event.key === 'End') {
      // The newest, or the oldest loaded (reaching it loads the next page, as scrolling does).
      event.preventDefault()
      void captures.getState().moveSelection(event.key === 'End' ? Infinity : -Infinity)
    } else if (event.key === 'Enter' && selectedId !== null) {
      event.preventDefault()
      onOpenDetail()
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && selectedId !== null && !readOnly) {
      event.preventDefault()
      void captures.getState().discard([selectedId])
    } else if (mod && event.key.toLowerCase() === 'z' && canUndoDelete(captures.getState())) {
      event.preventDefault()
      event.stopPropagation()
      void captures.getState().undoDelete()
    }
  }

  return (
    <section className="list-pane capture-list-pane" aria-label="Inbox">
      <header className="pane-header">
        <h2>Inbox</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Send a test payload"
          title="Send a test payload to the listener"
          onClick={onSendTest}
        >
          <Send size={16} />
        </button>
      </header>
      <CaptureFilters key={filterResets} />
      {lastDeletion && (
        <UndoBanner
          message={`Deleted ${plural(lastDeletion.count, 'capture')}.`}
          onUndo={() => void captures.getState().undoDelete()}
        />
      )}
      {waiting > 0 && (
        <button type="button" className="undo-banner capture-waiting" onClick={() => void captures.getState().load()}>
          {waiting} new capture{waiting === 1 ? '' : 's'} arrived: show them
        </button>
      )}
      {status === 'ready' && items.length === 0 ? (
        <EmptyInbox filtered={isFiltered(filter)} onSendTest={onSendTest} />
      ) : (
        <div
          ref={scroller}
          className="list capture-list"
          role="listbox"
          tabIndex={0}
          aria-label="Captures"
          aria-busy={status === 'loading'}
          aria-activedescendant={selectedId !== null ? `capture-${selectedId}` : undefined}
          onKeyDown={onKeyDown}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualRows.map((row) => {
              const item = items[row.index]
              return (
                <div
                  key={item?.id ?? 'more'}
                  className="capture-row-slot"
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
                >
                  {item ? (
                    <CaptureRow
                      capture={item}
                      selected={item.id === selectedId}
                      onSelect={() => void captures.getState().select(item.id)}
                      onOpen={onOpenDetail}
                    />
                  ) : (
                    <div className="list-item muted">Loading older captures…</div>
                  )}
                </div>
              )
            })}
          </div>
        </div>
      )}
    </section>
  )
}

function CaptureRow({
  capture,
  selected,
  onSelect,
  onOpen
}: {
  capture: CaptureSummary
  selected: boolean
  onSelect(): void
  onOpen(): void
}) {
  return (
    <div
      id={`capture-${capture.id}`}
      role="option"
      aria-selected={selected}
      className="list-item capture-row"
      onClick={onSelect}
      onDoubleClick={onOpen}
    >
      <div className="capture-row-line">
        <span className="list-item-title">{capture.sourceEvent ?? `${capture.method} ${capture.path}`}</span>
        <span className={`chip capture-status-${capture.status}`}>{statusLabels[capture.status]}</span>
      </div>
      <div className="list-item-meta capture-row-line">
        <span>
          {new Date(capture.receivedAt).toLocaleTimeString()} · {capture.integration ?? 'unmatched'} ·{' '}
          {kindOf(capture.contentType)}
        </span>
        <span>
          #{capture.id} · {formatBytes(capture.size)}
        </span>
      </div>
    </div>
  )
}

function kindOf(contentType: string | null): string {
  if (contentType === null) return 'no type'
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type.endsWith('json')) return 'JSON'
  if (type === 'application/x-www-form-urlencoded') return 'form'
  if (type.endsWith('xml')) return 'XML'
  return type
}

function EmptyInbox({ filtered, onSendTest }: { filtered: boolean; onSendTest(): void }) {
  const { captures } = useStudio()
  const url = useStudioStore(
    (s) => s.listener,
    (state) => state.status?.url ?? null
  )
  const searching = useStudioStore(
    (s) => s.captures,
    (state) => state.filter.search.trim() !== ''
  )
  if (filtered) {
    return (
      <div className="empty-state small">
        <p>No capture matches these filters. Change the search or filters, or clear them.</p>
        {searching && (
          <p className="muted">
            The search reads the first {searchedCharsPerBody.toLocaleString('en')} characters of each body.
          </p>
        )}
        <button type="button" className="button" onClick={() => void captures.getState().clearFilter()}>
          Clear filters
        </button>
      </div>
    )
  }
  return (
    <div className="empty-state small">
      <p>
        No captures yet.{' '}
        {url
          ? `Point a sender at ${url}hooks/<integration slug>, or send a test payload.`
          : 'Start the listener from the status bar, then point a sender at it or send a test payload.'}
      </p>
      <button type="button" className="button" onClick={onSendTest}>
        <Send size={14} /> Send a test payload
      </button>
    </div>
  )
}

function CaptureFilters() {
  const { captures } = useStudio()
  const filter = useStudioStore(
    (s) => s.captures,
    (state) => state.filter
  )
  const integrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  const [search, setSearch] = useState(filter.search)
  useEffect(() => {
    if (search === captures.getState().filter.search) return
    const timer = setTimeout(() => void captures.getState().setFilter({ search }), searchDelayMs)
    return () => clearTimeout(timer)
  }, [captures, search])

  const integrationValue = filter.integrationId === undefined ? '*' : (filter.integrationId ?? '')
  return (
    <div className="capture-filters">
      <label className="capture-search">
        <Search size={14} aria-hidden />
        <input
          className="input"
          type="search"
          placeholder="Search bodies, paths, queries by word start"
          title="Each word you type finds the words that start with it (1457 finds 14572567); a capture must match them all."
          aria-label="Search captures"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void captures.getState().setFilter({ search })
          }}
        />
      </label>
      <div className="capture-filter-row">
        <select
          className="input"
          aria-label="Integration"
          value={integrationValue}
          onChange={(event) => {
            const value = event.target.value
            void captures
              .getState()
              .setFilter({ integrationId: value === '*' ? undefined : value === '' ? null : value })
          }}
        >
          <option value="*">All integrations</option>
          {integrations.map((integration) => (
            <option key={integration.id} value={integration.id}>
              {integration.name}
            </option>
          ))}
          <option value="">Unmatched</option>
        </select>
        <select
          className="input"
          aria-label="Status"
          value={filter.statuses[0] ?? ''}
          onChange={(event) =>
            void captures
              .getState()
              .setFilter({ statuses: event.target.value === '' ? [] : [event.target.value as CaptureStatus] })
          }
        >
          <option value="">Any status</option>
          {CaptureStatus.options.map((value) => (
            <option key={value} value={value}>
              {statusLabels[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="capture-filter-row">
        <input
          className="input"
          aria-label="Source event"
          placeholder="Source event name"
          value={filter.sourceEvent}
          onChange={(event) => void captures.getState().setFilter({ sourceEvent: event.target.value })}
        />
      </div>
      <div className="capture-filter-row">
        <input
          className="input"
          type="datetime-local"
          aria-label="From"
          title="Received from"
          value={filter.from}
          onChange={(event) => void captures.getState().setFilter({ from: event.target.value })}
        />
        <input
          className="input"
          type="datetime-local"
          aria-label="Until"
          title="Received before"
          value={filter.to}
          onChange={(event) => void captures.getState().setFilter({ to: event.target.value })}
        />
      </div>
    </div>
  )
}
