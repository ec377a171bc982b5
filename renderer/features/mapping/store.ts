import { createStore } from 'zustand/vanilla'
import type { StudioErrorInfo } from '../../../shared/api/result'
import type { CaptureSummary } from '../../../shared/model/capture'
import type { PayloadSample } from '../../../shared/model/captureInbox'
import type { Mapping, MappingRule, MappingSpec } from '../../../shared/model/mapping'
import type { MappingSuggestion } from '../../../shared/engine/suggestMappings'
import type { StudioApi } from '../../api/client'
import { createEditHistories } from '../../app/editHistory'
import { createHeldAutosave, createOutsideChanges } from '../../app/outsideChanges'
import { connect, emptySpec, removeRule, ruleFieldPath, setRule } from './mappingEdits'
import { payloadTextOf, sampleText } from './payloadText'

type MappingApi = Pick<
  StudioApi,
  'listMappings' | 'saveMapping' | 'deleteMapping' | 'listCaptures' | 'getCapture' | 'listPayloadSamples'
>

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed'

/** How many of an integration's newest captures feed the inferred schema of the left column. */
export const schemaSampleSize = 20

/**
 * A capture another screen asked to open in the designer that no mapping reads: its integration has no mapping
 * yet, none of its mappings reads the capture's source event, or it matched no integration (`integrationId` null).
 * The designer says so, and offers to create the mapping.
 */
export interface CaptureWithoutMapping {
  captureId: string
  integrationId: string | null
  sourceEvent: string | null
  path: string
  /** The integration's mappings, none of which reads this capture (they match other source events). */
  otherMappings: number
}

/** What opening a capture did: its mapping opened, it has none (see `captureWithoutMapping`), or it could not be read. */
export type OpenCaptureOutcome = 'opened' | 'withoutMapping' | 'unreadable'

interface MappingState {
  mappings: Mapping[]
  loaded: boolean
  selectedId: string | null
  /** The selected mapping's spec as being edited; saved automatically shortly after each change. */
  draft: MappingSpec | null
  saveState: SaveState
  canUndo: boolean
  canRedo: boolean
  /** The attribute whose rule editor is open. */
  selectedTarget: string | null
  /** A source field picked with the keyboard, waiting for an attribute to connect to. */
  armedField: string | null
  /** The integration's captures (newest first) that can be put under test. */
  captures: CaptureSummary[]
  /** Parsed bodies of the newest captures: what the source schema is inferred from. */
  samplePayloads: unknown[]
  captureId: string | null
  /** Saved payload samples (this integration's, and the shipped ones) that can be put under test instead. */
  samples: PayloadSample[]
  sampleId: string | null
  /** The payload under test, as JSON text: a copy, so editing it never alters the stored capture. */
  payloadText: string
  /** Suggestions on show (null: the panel is closed), minus those accepted or rejected. */
  suggestions: MappingSuggestion[] | null
  /** The capture asked for when no mapping reads it; cleared when a mapping is selected. */
  captureWithoutMapping: CaptureWithoutMapping | null
  /** The selected mapping was changed outside the designer while it had unsaved edits: autosave waits for a choice. */
  changedOutside: boolean
  /** Of that choice: the user's edits, saved over the outside change. */
  keepMine(): Promise<void>
  /** Of that choice: the mapping as it is now saved, the user's edits dropped. */
  takeSaved(): void

  load(): Promise<void>
  select(id: string | null, options?: { captureId?: string }): Promise<void>
  /** Creates an empty mapping and selects it, with `captureId` under test when given. */
  create(integrationId: string, eventId: string, options?: { captureId?: string }): Promise<Mapping | null>
  /** Replaces the draft; `touched` names what changed, so typing in one field is one undo step. */
  edit(spec: MappingSpec, touched: string): void
  connect(path: string, target: string): void
  setRule(target: string, rule: MappingRule, touched?: string): void
  disconnect(target: string): void
  selectRule(target: string | null): void
  armField(path: string | null): void
  chooseCapture(id: string | null): Promise<void>
  chooseSample(id: string): void
  /**
   * Opens the mapping a capture is for (of its integration, preferring one whose source event names include the
   * capture's) with that capture under test. When no mapping reads it, nothing stays selected and the capture is
   * kept in `captureWithoutMapping`: another mapping, with another payload, is never opened in its place.
   */
  openCapture(captureId: string): Promise<OpenCaptureOutcome>
  setPayloadText(text: string): void
  showSuggestions(suggestions: MappingSuggestion[]): void
  closeSuggestions(): void
  acceptSuggestion(suggestion: MappingSuggestion): void
  rejectSuggestion(suggestion: MappingSuggestion): void
  undo(): void
  redo(): void
  flush(): Promise<void>
  remove(id: string): Promise<boolean>
}

const specOf = (mapping: Mapping): MappingSpec => ({
  match: mapping.match,
  fanOut: mapping.fanOut,
  rules: mapping.rules
})

const sameSuggestion = (a: MappingSuggestion, b: MappingSuggestion) =>
  a.rule.target === b.rule.target && a.path === b.path

/**
 * The mapping designer's store: the project's mappings, the selected one's autosaved draft with its undo history
 * (one per mapping, kept while the studio runs), the rule being edited, and the payload under test with the
 * captures it can come from.
 */
/** Notices of the designer that an undo takes back: each kind under one key, so a later one replaces it. */
export interface MappingNotices {
  inform(message: string, key: string): void
  withdraw(key: string): void
}

const replacedRuleNotice = 'mapping:replaced-rule'

export const createMappingStore = (
  api: MappingApi,
  onError: (error: StudioErrorInfo) => void,
  /** The source event names a mapping applies to (for an `integration` match, the integration says). */
  sourceNamesOf: (mapping: Mapping) => readonly string[] = (mapping) =>
    mapping.match.kind === 'eventName' ? mapping.match.sourceNames : [],
  /** Says what an edit did that the user may not have meant (a rule replaced by a connection); Undo takes it back. */
  notices: MappingNotices = { inform: () => undefined, withdraw: () => undefined }
) =>
  createStore<MappingState>()((set, get) => {
    const histories = createEditHistories<MappingSpec>()
    const outside = createOutsideChanges()
    const syncHistoryFlags = () => set(histories.flags(get().selectedId))
    const replace = (mapping: Mapping) =>
      set((state) => ({
        mappings: state.mappings.some((candidate) => candidate.id === mapping.id)
          ? state.mappings.map((candidate) => (candidate.id === mapping.id ? mapping : candidate))
          : [...state.mappings, mapping]
      }))

    const save = async () => {
      const { selectedId, draft, mappings } = get()
      const mapping = mappings.find((candidate) => candidate.id === selectedId)
      if (!mapping || !draft) return
      set({ saveState: 'saving' })
      const result = await outside.own(
        api.saveMapping({ integrationId: mapping.integrationId, eventId: mapping.eventId, spec: draft })
      )
      if (result.ok) {
        replace(result.value)
        if (get().saveState === 'saving') set({ saveState: 'saved' })
      } else {
        set({ saveState: 'failed' })
        onError(result.error)
      }
    }
    const {
      autosave,
      flush,
      changedOutside: takeOutsideChange
    } = createHeldAutosave(save, get, (held) => set({ changedOutside: held }))

    /** Shows the mapping as it is saved, its undo history (of another version) dropped. */
    const showSaved = (mapping: Mapping) => {
      histories.forget(mapping.id)
      const target = get().selectedTarget
      const keepsTarget = target !== null && mapping.rules.some((rule) => rule.target === target)
      set({
        draft: specOf(mapping),
        saveState: 'saved',
        changedOutside: false,
        ...(keepsTarget ? {} : { selectedTarget: null })
      })
    }
    const restore = (spec: MappingSpec | undefined) => {
      if (!spec) return
      const target = get().selectedTarget
      const keepsTarget = target !== null && spec.rules.some((rule) => rule.target === target)
      set({ draft: spec, saveState: 'pending', ...(keepsTarget ? {} : { selectedTarget: null }) })
      syncHistoryFlags()
      autosave.schedule()
    }

    /** The integration's newest captures, and the parsed bodies of those the mapping applies to, for the schema. */
    const loadCaptures = async (mapping: Mapping, preferred?: string) => {
      const page = await api.listCaptures({ integrationId: mapping.integrationId, limit: 100, statuses: ['ok'] })
      const captures = page.ok ? page.value.items : []
      const stillSelected = () => get().selectedId === mapping.id
      if (!stillSelected()) return
      set({ captures })
      // The schema is read from the payloads this mapping applies to (another source event has other fields),
      // else, when none has come yet, from the integration's newest.
      const names = new Set(sourceNamesOf(mapping))
      const ofThisEvent = captures.filter((capture) => capture.sourceEvent !== null && names.has(capture.sourceEvent))
      const schemaSources = ofThisEvent.length > 0 ? ofThisEvent : captures
      const details = await Promise.all(
        schemaSources.slice(0, schemaSampleSize).map(async (capture) => {
          const detail = await api.getCapture({ id: capture.id })
          return detail.ok ? detail.value.parsed : undefined
        })
      )
      const listed = await api.listPayloadSamples()
      if (!stillSelected()) return
      const samples = listed.ok
        ? listed.value.filter(
            (sample) => sample.integrationId === null || sample.integrationId === mapping.integrationId
          )
        : []
      set({ samples, samplePayloads: details.filter((payload) => payload !== undefined && payload !== null) })
      // The newest capture this mapping applies to, else the newest of the integration.
      const chosen = preferred ?? ofThisEvent[0]?.id ?? captures[0]?.id ?? null
      const saved = samples.find((sample) => sample.integrationId === mapping.integrationId)
      if (chosen === null && saved) get().chooseSample(saved.id)
      else await get().chooseCapture(chosen)
    }

    return {
      mappings: [],
      loaded: false,
      selectedId: null,
      draft: null,
      saveState: 'saved',
      canUndo: false,
      canRedo: false,
      selectedTarget: null,
      armedField: null,
      captures: [],
      samplePayloads: [],
      captureId: null,
      samples: [],
      sampleId: null,
      payloadText: '',
      suggestions: null,
      captureWithoutMapping: null,
      changedOutside: false,
      async load() {
        const result = await api.listMappings()
        if (!result.ok) {
          set({ mappings: [], loaded: true, selectedId: null, draft: null })
          return
        }
        const selected = result.value.find((mapping) => mapping.id === get().selectedId)
        const before = get().mappings.find((mapping) => mapping.id === selected?.id)
        const changedOutside = outside.changed(before, selected, specOf)
        set({
          mappings: result.value,
          loaded: true,
          ...(selected ? {} : { selectedId: null, draft: null, changedOutside: false })
        })
        // Changed outside the designer (a bundle merged, another window): never saved over unseen.
        if (selected && changedOutside) takeOutsideChange(() => showSaved(selected))
        syncHistoryFlags()
      },
      async select(id, options = {}) {
        await get().flush()
        const mapping = get().mappings.find((candidate) => candidate.id === id)
        set({
          selectedId: mapping?.id ?? null,
          draft: mapping ? specOf(mapping) : null,
          saveState: 'saved',
          selectedTarget: null,
          armedField: null,
          suggestions: null,
          captures: [],
          samplePayloads: [],
          captureId: null,
          samples: [],
          sampleId: null,
          payloadText: '',
          captureWithoutMapping: null,
          changedOutside: false
        })
        syncHistoryFlags()
        if (mapping) await loadCaptures(mapping, options.captureId)
      },
      async create(integrationId, eventId, options = {}) {
        await get().flush()
        const result = await api.saveMapping({ integrationId, eventId, spec: emptySpec() })
        if (!result.ok) {
          onError(result.error)
          return null
        }
        replace(result.value)
        await get().select(result.value.id, options)
        return result.value
      },
      edit(spec, touched) {
        const { selectedId, draft } = get()
        if (!selectedId || !draft) return
        histories.record(selectedId, draft, Date.now(), touched)
        set({ draft: spec, saveState: 'pending' })
        syncHistoryFlags()
        autosave.schedule()
      },
      connect(path, target) {
        const { draft } = get()
        if (!draft) return
        const fanOutPath = draft.fanOut?.path ?? null
        const replaced = draft.rules.find((rule) => rule.target === target)
        const connected = connect(draft, path, target)
        set({ armedField: null, selectedTarget: target })
        if (connected === draft) return // already connected so: nothing to save or undo
        const before = replaced && ruleSourceText(replaced, fanOutPath)
        const after = ruleSourceText(
          connected.rules.find((rule) => rule.target === target)!,
          fanOutPath
        )
        get().edit(connected, `connect:${target}:${path}`)
        // One rule per attribute: a connection to a mapped attribute replaces its rule, which Undo puts back.
        if (before && before !== after) {
          notices.inform(`${target} now reads ${after}, instead of ${before}: Undo puts it back.`, replacedRuleNotice)
        }
      },
      setRule(target, rule, touched = `rule:${target}`) {
        const { draft } = get()
        if (draft) get().edit(setRule(draft, target, rule), touched)
      },
      disconnect(target) {
        const { draft, selectedTarget } = get()
        if (!draft) return
        get().edit(removeRule(draft, target), `disconnect:${target}`)
        if (selectedTarget === target) set({ selectedTarget: null })
      },
      selectRule(target) {
        set({ selectedTarget: target })
      },
      armField(path) {
        set({ armedField: path })
      },
      async chooseCapture(id) {
        if (id === null) {
          set({ captureId: null })
          return
        }
        const result = await api.getCapture({ id })
        if (!result.ok) {
          onError(result.error)
          return
        }
        set({ captureId: id, sampleId: null, payloadText: payloadTextOf(result.value) })
      },
      async openCapture(captureId) {
        const result = await api.getCapture({ id: captureId })
        if (!result.ok) {
          onError(result.error)
          return 'unreadable'
        }
        const { integrationId, sourceEvent, path } = result.value
        const candidates = get().mappings.filter((mapping) => mapping.integrationId === integrationId)
        // The mapping that names the capture's source event; else one whose condition only the engine can tell.
        const chosen =
          candidates.find((mapping) => sourceEvent !== null && sourceNamesOf(mapping).includes(sourceEvent)) ??
          candidates.find((mapping) => mapping.match.kind === 'expression' || mapping.match.kind === 'always')
        if (chosen) {
          await get().select(chosen.id, { captureId })
          return 'opened'
        }
        await get().select(null)
        set({
          captureWithoutMapping: { captureId, integrationId, sourceEvent, path, otherMappings: candidates.length }
        })
        return 'withoutMapping'
      },
      chooseSample(id) {
        const sample = get().samples.find((candidate) => candidate.id === id)
        if (sample) set({ sampleId: id, captureId: null, payloadText: sampleText(sample) })
      },
      setPayloadText(text) {
        set({ payloadText: text })
      },
      showSuggestions(suggestions) {
        set({ suggestions })
      },
      closeSuggestions() {
        set({ suggestions: null })
      },
      acceptSuggestion(suggestion) {
        const { draft, suggestions } = get()
        if (!draft) return
        get().edit(setRule(draft, suggestion.rule.target, suggestion.rule), `suggestion:${suggestion.rule.target}`)
        // One rule per attribute: the attribute's other suggestions are answered too.
        set({
          suggestions: suggestions?.filter((entry) => entry.rule.target !== suggestion.rule.target) ?? null,
          selectedTarget: suggestion.rule.target
        })
      },
      rejectSuggestion(suggestion) {
        set((state) => ({
          suggestions: state.suggestions?.filter((entry) => !sameSuggestion(entry, suggestion)) ?? null
        }))
      },
      undo() {
        const { selectedId, draft } = get()
        notices.withdraw(replacedRuleNotice)
        restore(selectedId && draft ? histories.undo(selectedId, draft) : undefined)
      },
      redo() {
        const { selectedId, draft } = get()
        restore(selectedId && draft ? histories.redo(selectedId, draft) : undefined)
      },
      flush,
      keepMine: flush,
      takeSaved() {
        const saved = get().mappings.find((mapping) => mapping.id === get().selectedId)
        if (saved) showSaved(saved)
        syncHistoryFlags()
      },
      async remove(id) {
        if (get().selectedId === id) autosave.cancel()
        const result = await api.deleteMapping({ id })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        histories.forget(id)
        set((state) => ({
          mappings: state.mappings.filter((mapping) => mapping.id !== id),
          ...(state.selectedId === id
            ? {
                selectedId: null,
                draft: null,
                saveState: 'saved' as const,
                selectedTarget: null,
                changedOutside: false
              }
            : {})
        }))
        syncHistoryFlags()
        return true
      }
    }
  })

export type MappingStore = ReturnType<typeof createMappingStore>

/** What a rule reads, as the designer names it: its field, its constant or "an expression". */
function ruleSourceText(rule: MappingRule, fanOutPath: string | null): string {
  if (rule.source.kind === 'constant') return `the constant ${JSON.stringify(rule.source.value)}`
  if (rule.source.kind === 'expression') return 'an expression'
  return ruleFieldPath(rule, fanOutPath) ?? rule.source.path
}
