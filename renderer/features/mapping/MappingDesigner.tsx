import { Lightbulb, Redo2, Trash2, Undo2 } from 'lucide-react'
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react'
import { decodeJson } from '../../../shared/engine/decode/decodeJson'
import { inferSchema } from '../../../shared/engine/inferSchema'
import type { MappingEvent } from '../../../shared/engine/compileMapping'
import { integrationMatch, type IntegrationMatch } from '../../../shared/engine/resolveMatch'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { ChangedOutsideBanner } from '../../ui/ChangedOutsideBanner'
import { attributeViews, sourceFieldViews } from './designerModel'
import { MappingCanvas } from './MappingCanvas'
import { createPreviewClient, previewDebounceMs, type PreviewClient } from './preview/previewClient'
import { PreviewPane } from './preview/PreviewPane'
import type { PreviewResult, PreviewResults } from './preview/previewProtocol'
import { createStore } from 'zustand/vanilla'
import { RuleEditor } from './RuleEditor'
import { ScopeEditor } from './ScopeEditor'
import { SuggestionsPanel } from './SuggestionsPanel'
import { suggestionsFor } from './suggestionsFor'

const saveLabels = { saved: 'All changes saved', pending: 'Unsaved changes…', saving: 'Saving…', failed: 'Not saved' }

/** The selected mapping: scope, the two columns and their lines, the rule editor, and the live preview. */
export function MappingDesigner({ suggestRef }: { suggestRef: MutableRefObject<() => void> }) {
  const { mapping } = useStudio()
  const selected = useStudioStore(
    (s) => s.mapping,
    (state) => state.mappings.find((candidate) => candidate.id === state.selectedId)
  )
  const draft = useStudioStore(
    (s) => s.mapping,
    (state) => state.draft
  )
  const saveState = useStudioStore(
    (s) => s.mapping,
    (state) => state.saveState
  )
  const changedOutside = useStudioStore(
    (s) => s.mapping,
    (state) => state.changedOutside
  )
  const canUndo = useStudioStore(
    (s) => s.mapping,
    (state) => state.canUndo
  )
  const canRedo = useStudioStore(
    (s) => s.mapping,
    (state) => state.canRedo
  )
  const selectedTarget = useStudioStore(
    (s) => s.mapping,
    (state) => state.selectedTarget
  )
  const samplePayloads = useStudioStore(
    (s) => s.mapping,
    (state) => state.samplePayloads
  )
  const payloadText = useStudioStore(
    (s) => s.mapping,
    (state) => state.payloadText
  )
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const event = useStudioStore(
    (s) => s.events,
    (state) => state.events.find((candidate) => candidate.id === selected?.eventId)
  )
  const integration = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations.find((candidate) => candidate.id === selected?.integrationId)
  )

  const mappingEvent = useMemo<MappingEvent | undefined>(
    () => (event ? { name: event.name, kind: event.kind, attributes: event.attributes } : undefined),
    [event]
  )
  const match = useMemo<IntegrationMatch | undefined>(
    () => (integration && event ? integrationMatch(integration, event.name) : undefined),
    [integration, event]
  )
  const integrationNames = useMemo(() => [...(match?.sourceNames ?? [])], [match])
  // The schema of the left column: the integration's captures, and the payload under test as edited.
  const schema = useMemo(() => {
    const edited = payloadText.length < 2_000_000 ? decodeJson(payloadText) : undefined
    return inferSchema(edited?.ok ? [...samplePayloads, edited.value] : samplePayloads)
  }, [samplePayloads, payloadText])
  // The columns follow the draft a beat behind (an interruptible render), so typing in the rule editor stays quick.
  const shownDraft = useDeferredValue(draft)
  const fields = useMemo(() => sourceFieldViews(schema, shownDraft), [schema, shownDraft])
  const attributes = useMemo(
    () => (mappingEvent ? attributeViews(mappingEvent, shownDraft, schema) : []),
    [mappingEvent, shownDraft, schema]
  )

  // Results land in a small store: the output editor is written straight from it, before React re-renders.
  const [results] = useState(() => createStore<PreviewResults>(() => ({ result: null })))
  const setResult = useCallback((next: PreviewResult) => results.setState({ result: next }), [results])
  const client = useRef<PreviewClient | null>(null)
  useEffect(() => {
    const created = createPreviewClient()
    client.current = created
    return () => created.dispose()
  }, [])
  // The preview is scheduled from the store's own notifications: the request leaves on the debounce, not after React
  // has re-rendered the designer.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const send = () => {
      const { draft: spec, payloadText: text } = mapping.getState()
      if (!spec || !mappingEvent || text === '') return
      client.current?.request(
        {
          spec,
          event: mappingEvent,
          ...(match ? { integration: match } : {}),
          payloadText: text
        },
        setResult
      )
    }
    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(send, previewDebounceMs)
    }
    schedule()
    const unsubscribe = mapping.subscribe((state, previous) => {
      if (state.draft !== previous.draft || state.payloadText !== previous.payloadText) schedule()
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [mapping, mappingEvent, match, setResult])

  const designer = useRef<HTMLElement | null>(null)
  const columns = useRef<HTMLDivElement | null>(null)
  const side = useRef<HTMLElement | null>(null)
  // A rule selected on the canvas opens in view: under the canvas in a narrow window, beside the live output.
  useEffect(() => {
    if (selectedTarget !== null) side.current?.scrollIntoView({ block: 'nearest' })
  }, [selectedTarget])
  const shown = selected !== undefined && draft !== null && mappingEvent !== undefined
  useEffect(() => (shown ? forwardWheelAtEnd(columns.current, designer.current) : undefined), [shown])

  useEffect(() => {
    suggestRef.current = () => {
      const current = mapping.getState().draft
      if (current && mappingEvent) mapping.getState().showSuggestions(suggestionsFor(schema, mappingEvent, current))
    }
  }, [suggestRef, mapping, schema, mappingEvent])

  if (!selected || !draft) {
    return (
      <section className="editor-pane">
        <div className="empty-state">
          <p>Select a mapping, or create one.</p>
        </div>
      </section>
    )
  }
  if (!mappingEvent) {
    return (
      <section className="editor-pane">
        <div className="empty-state">
          <p>This mapping’s event no longer exists.</p>
        </div>
      </section>
    )
  }

  const rule = draft.rules.find((candidate) => candidate.target === selectedTarget)
  const suggest = () => suggestRef.current()

  return (
    <section className="editor-pane mapping-designer" aria-label="Mapping designer" ref={designer}>
      <header className="editor-header mapping-header">
        <div>
          <h2>
            {integration?.name ?? 'Deleted integration'} → <span className="mono">{mappingEvent.name}</span>
          </h2>
          <span className={`muted${saveState === 'failed' ? ' save-failed' : ''}`} data-testid="mapping-save">
            {saveLabels[saveState]}
          </span>
        </div>
        <div className="button-row">
          <button type="button" className="button" disabled={readOnly} onClick={suggest}>
            <Lightbulb size={14} /> Suggest mappings
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Undo"
            title="Undo"
            disabled={!canUndo}
            onClick={() => mapping.getState().undo()}
          >
            <Undo2 size={16} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Redo"
            title="Redo"
            disabled={!canRedo}
            onClick={() => mapping.getState().redo()}
          >
            <Redo2 size={16} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Delete this mapping"
            title="Delete this mapping"
            disabled={readOnly}
            onClick={() => void mapping.getState().remove(selected.id)}
          >
            <Trash2 size={16} />
          </button>
        </div>
      </header>
      {changedOutside && (
        <ChangedOutsideBanner
          name={`The mapping of ${integration?.name ?? 'a deleted integration'} onto ${mappingEvent.name}`}
          onKeepMine={() => void mapping.getState().keepMine()}
          onTakeSaved={() => mapping.getState().takeSaved()}
        />
      )}
      <ScopeEditor
        spec={shownDraft ?? draft}
        schema={schema}
        integrationNames={integrationNames}
        eventNameField={integration?.eventNameField ?? 'event_name'}
        readOnly={readOnly}
      />
      <div className="mapping-work">
        <div className="mapping-columns" ref={columns}>
          <div className="mapping-column-titles">
            <span className="subtle-heading">Source fields ({fields.length})</span>
            <span className="subtle-heading">Attributes of {mappingEvent.name}</span>
          </div>
          <MappingCanvas spec={shownDraft ?? draft} fields={fields} attributes={attributes} />
        </div>
        <aside className="mapping-side" ref={side}>
          <SuggestionsPanel readOnly={readOnly} />
          {rule ? (
            <RuleEditor
              key={rule.target}
              rule={rule}
              attribute={attributes.find((attribute) => attribute.name === rule.target)}
              schema={schema}
              fanOut={draft.fanOut !== null}
              readOnly={readOnly}
              results={results}
            />
          ) : (
            <p className="muted rule-hint">
              Drag from a source field to an attribute, or press Enter on a field and then on an attribute. Select a
              line to edit its rule.
            </p>
          )}
        </aside>
        <PreviewPane results={results} hidden={payloadText === ''} />
      </div>
    </section>
  )
}

/**
 * The wheel over the canvas scrolls its rows, then the designer: Chromium keeps a wheel gesture on the scroller it
 * started in, so without this the page stops moving under the pointer once the rows reach their end.
 */
function forwardWheelAtEnd(rows: HTMLElement | null, page: HTMLElement | null): (() => void) | undefined {
  if (!rows || !page) return undefined
  const onWheel = (event: WheelEvent) => {
    if (event.ctrlKey || Math.abs(event.deltaY) <= Math.abs(event.deltaX)) return
    const down = event.deltaY > 0
    const atEnd = down ? rows.scrollTop + rows.clientHeight >= rows.scrollHeight - 1 : rows.scrollTop <= 0
    if (!atEnd) return
    event.preventDefault()
    page.scrollBy({ top: event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 16 : event.deltaY })
  }
  rows.addEventListener('wheel', onWheel, { passive: false })
  return () => rows.removeEventListener('wheel', onWheel)
}
