import { createStore } from 'zustand/vanilla'
import type { StandardEventName } from '../../../shared/capillary/standardEvents'
import type { Result } from '../../../shared/api/result'
import { unnamedAttributeProblem } from '../../../shared/model/event'
import type { EventDefinition, EventDeletion, EventDraft, EventRestoration } from '../../../shared/model/event'
import type { StudioApi } from '../../api/client'
import { createEditHistories } from '../../app/editHistory'
import { createKeptDrafts, type KeptDraft } from '../../app/keptDrafts'
import { createHeldAutosave, createOutsideChanges } from '../../app/outsideChanges'
import type { KeyedNotice } from '../../app/notifications'
import { draftLimitIssues } from './draftLimitIssues'
import { touchedField } from './touchedField'

type EventsApi = Pick<
  StudioApi,
  'listEvents' | 'createEvent' | 'updateEvent' | 'deleteEvent' | 'restoreEvent' | 'addStandardEvent' | 'duplicateEvent'
>

/** `invalid`: the draft breaks a rule main would refuse it for (no name, a taken name), so it waits at the fields. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'failed'

interface EventsState {
  events: EventDefinition[]
  loaded: boolean
  selectedId: string | null
  /** The selected event as being edited; saved automatically shortly after each change. */
  draft: EventDraft | null
  saveState: SaveState
  /**
   * Why the draft is not saved (`invalid` or `failed`), shown in the editor next to the draft rather than as a
   * notification, so it goes as soon as the draft is fixed; null otherwise.
   */
  saveProblem: string | null
  /**
   * The field an `invalid` draft's problem is about, as a draft path (`name`, `attributes/1/name`, `description`), so
   * the editor says it there and nowhere else; null otherwise.
   */
  saveProblemAt: string | null
  /** The events whose drafts are kept, unsaved, while the user is elsewhere (the list marks them, the status bar counts them). */
  keptDrafts: KeptDraft[]
  /** The selected event was changed outside the editor while it had unsaved edits: autosave waits for a choice. */
  changedOutside: boolean
  /** Of that choice: the user's edits, saved over the outside change. */
  keepMine(): Promise<void>
  /** Of that choice: the event as it is now saved, the user's edits dropped. */
  takeSaved(): void
  canUndo: boolean
  canRedo: boolean
  load(): Promise<void>
  select(id: string | null): Promise<void>
  create(draft: EventDraft): Promise<EventDefinition | null>
  addStandard(name: StandardEventName): Promise<EventDefinition | null>
  duplicate(id: string): Promise<EventDefinition | null>
  edit(draft: EventDraft): void
  undo(): void
  redo(): void
  /** Saves a pending edit now (before closing, or on Ctrl+S); an invalid draft stays waiting at its fields. */
  flush(): Promise<void>
  remove(id: string): Promise<boolean>
  /** The last delete, which `undoDelete` puts back (for ten minutes; main says when it is too late). */
  lastDeletion: EventDeletion | null
  undoDelete(): Promise<EventRestoration | null>
  /** Another project is open: the last delete and the kept drafts were the last project's. */
  forgetProject(): void
  /** The events whose drafts are kept, unsaved (they break a rule), while the user is elsewhere. */
  keptDraftNames(): string[]
}

export const toDraft = (event: EventDefinition): EventDraft => ({
  name: event.name,
  label: event.label,
  description: event.description,
  kind: event.kind,
  actions: event.actions,
  attributes: event.attributes
})

/** No event open: nothing to save, nothing held. */
const noSelection = {
  selectedId: null,
  draft: null,
  saveState: 'saved',
  saveProblem: null,
  saveProblemAt: null,
  changedOutside: false
} as const

const byName = (a: EventDefinition, b: EventDefinition) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })

/**
 * The event designer's store: the list, the selection, the autosaved draft of the selected event and its undo
 * history (one per event, kept while the studio runs).
 */
export const createEventsStore = (
  api: EventsApi,
  onError: (error: KeyedNotice) => void,
  withdrawNotice: (key: string) => void = () => undefined
) =>
  createStore<EventsState>()((set, get) => {
    const histories = createEditHistories<EventDraft>()
    const outside = createOutsideChanges()
    const syncHistoryFlags = () => set(histories.flags(get().selectedId))

    const replace = (event: EventDefinition) =>
      set((state) => ({
        events: [...state.events.filter((candidate) => candidate.id !== event.id), event].sort(byName)
      }))

    /**
     * What main refuses an event for (EventService, and the contract's schema): a name is mandatory, and unique
     * whatever its letter case; every attribute is named; no text is longer than a project keeps.
     */
    const blockingProblem = (draft: EventDraft): { at: string; message: string } | null => {
      if (draft.name.trim() === '') return { at: 'name', message: 'Give the event a name.' }
      const unnamed = unnamedAttributeProblem(draft)
      if (unnamed) {
        const index = draft.attributes.findIndex((attribute) => attribute.name.trim() === '')
        return { at: `attributes/${index}/name`, message: unnamed }
      }
      const [tooLong] = draftLimitIssues(draft)
      if (tooLong) return { at: tooLong.path, message: tooLong.message }
      const { events, selectedId } = get()
      const taken = events.find(
        (event) => event.id !== selectedId && event.name.toLowerCase() === draft.name.toLowerCase()
      )
      return taken
        ? { at: 'name', message: `An event named ${taken.name} already exists: event names are unique.` }
        : null
    }

    /** Takes a new draft (an edit, an undo or a redo): an invalid one waits at its fields, a valid one autosaves. */
    const applyDraft = (draft: EventDraft) => {
      autosave.cancel()
      const problem = blockingProblem(draft)
      if (problem) set({ draft, saveState: 'invalid', saveProblem: problem.message, saveProblemAt: problem.at })
      else {
        set({ draft, saveState: 'pending', saveProblem: null, saveProblemAt: null })
        autosave.schedule()
      }
      syncHistoryFlags()
    }

    /** The other events may have changed since the draft broke a rule (a name freed): check it again. */
    const recheckInvalid = () => {
      const { draft, saveState } = get()
      if (draft && saveState === 'invalid' && !blockingProblem(draft)) {
        set({ saveState: 'pending', saveProblem: null, saveProblemAt: null })
        return true
      }
      return false
    }

    /** Shows the event as it is saved, its undo history (of another version) dropped. */
    const showSaved = (event: EventDefinition) => {
      histories.forget(event.id)
      set({ draft: toDraft(event), saveState: 'saved', saveProblem: null, saveProblemAt: null, changedOutside: false })
    }

    const adopt = async (result: Result<EventDefinition>) => {
      if (!result.ok) {
        onError(result.error)
        return null
      }
      replace(result.value)
      set({
        selectedId: result.value.id,
        draft: toDraft(result.value),
        saveState: 'saved',
        saveProblem: null,
        saveProblemAt: null,
        changedOutside: false
      })
      syncHistoryFlags()
      return result.value
    }

    const save = async () => {
      const { selectedId, draft, saveState } = get()
      if (!selectedId || !draft || (saveState !== 'pending' && saveState !== 'failed')) return
      set({ saveState: 'saving' })
      const result = await outside.own(api.updateEvent({ id: selectedId, draft }))
      if (result.ok) {
        replace(result.value)
        // Edits made while this save travelled are still pending: keep them.
        if (get().saveState === 'saving') set({ saveState: 'saved', saveProblem: null, saveProblemAt: null })
      } else if (get().saveState === 'saving') {
        set({ saveState: 'failed', saveProblem: result.error.message, saveProblemAt: null })
      }
    }

    const {
      autosave,
      flush,
      changedOutside: takeOutsideChange
    } = createHeldAutosave(
      save,
      get,
      (held) => set({ changedOutside: held }),
      () => void recheckInvalid()
    )

    const unsaved = createKeptDrafts<EventDraft>(onError, withdrawNotice, (keptDrafts) => set({ keptDrafts }))

    /**
     * Before another event is selected or added: the draft is saved, or kept for when the user comes back (it is
     * not saved, and they are told why).
     */
    /** Counts the projects forgotten, so an answer about the last project's delete is not taken for this one's. */
    let projectsOpened = 0
    const leave = async () => {
      await flush()
      const { draft, saveState, saveProblem, selectedId, events } = get()
      if (!selectedId || !draft || (saveState !== 'invalid' && saveState !== 'failed')) return
      unsaved.keep(selectedId, draft, events.find((event) => event.id === selectedId)?.name ?? 'the event', saveProblem)
    }

    return {
      events: [],
      loaded: false,
      selectedId: null,
      draft: null,
      saveState: 'saved',
      saveProblem: null,
      saveProblemAt: null,
      keptDrafts: [],
      changedOutside: false,
      keepMine: flush,
      takeSaved() {
        const saved = get().events.find((event) => event.id === get().selectedId)
        if (saved) showSaved(saved)
        syncHistoryFlags()
      },
      canUndo: false,
      canRedo: false,
      async load() {
        const result = await api.listEvents()
        if (!result.ok) {
          set({ events: [], loaded: true, selectedId: null, draft: null })
          return
        }
        const selected = result.value.find((event) => event.id === get().selectedId)
        const before = get().events.find((event) => event.id === selected?.id)
        const changedOutside = outside.changed(before, selected, toDraft)
        set({
          events: result.value,
          loaded: true,
          ...(selected ? {} : noSelection)
        })
        // Changed outside the editor (a bundle merged, another window): never saved over unseen.
        if (selected && changedOutside) takeOutsideChange(() => showSaved(selected))
        syncHistoryFlags()
        if (recheckInvalid()) autosave.schedule()
      },
      async select(id) {
        // A click on the event already open keeps its draft, whatever its state.
        if (id !== null && id === get().selectedId) return
        await leave()
        const event = get().events.find((candidate) => candidate.id === id)
        const kept = event ? unsaved.take(event.id) : undefined
        set({
          selectedId: event?.id ?? null,
          draft: event ? toDraft(event) : null,
          saveState: 'saved',
          saveProblem: null,
          saveProblemAt: null,
          changedOutside: false
        })
        if (kept) applyDraft(kept)
        syncHistoryFlags()
      },
      async create(draft) {
        await leave()
        return adopt(await api.createEvent({ draft }))
      },
      async addStandard(name) {
        await leave()
        return adopt(await api.addStandardEvent({ name }))
      },
      async duplicate(id) {
        await leave()
        return adopt(await api.duplicateEvent({ id }))
      },
      edit(draft) {
        const { selectedId, draft: previous } = get()
        if (!selectedId || !previous) return
        histories.record(selectedId, previous, Date.now(), touchedField(previous, draft))
        applyDraft(draft)
      },
      undo() {
        const { selectedId, draft } = get()
        const restored = selectedId && draft ? histories.undo(selectedId, draft) : undefined
        if (restored) applyDraft(restored)
      },
      redo() {
        const { selectedId, draft } = get()
        const restored = selectedId && draft ? histories.redo(selectedId, draft) : undefined
        if (restored) applyDraft(restored)
      },
      flush,
      async remove(id) {
        if (get().selectedId === id) autosave.cancel()
        const result = await api.deleteEvent({ id })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        histories.forget(id)
        unsaved.drop(id)
        set((state) => ({
          lastDeletion: result.value,
          events: state.events.filter((event) => event.id !== id),
          ...(state.selectedId === id ? noSelection : {})
        }))
        syncHistoryFlags()
        return true
      },
      lastDeletion: null,
      keptDraftNames: () => unsaved.names(),
      forgetProject() {
        projectsOpened += 1
        unsaved.clear()
        set({ lastDeletion: null })
      },
      async undoDelete() {
        const deletion = get().lastDeletion
        if (!deletion) return null
        // Taken before main is asked: a second Undo does not ask for it again, and a delete answered meanwhile
        // stays the one to undo next.
        set({ lastDeletion: null })
        const project = projectsOpened
        await leave()
        const result = await api.restoreEvent({ undoId: deletion.undoId })
        if (!result.ok) {
          // Too late: nothing is left to undo. A name taken since: once it is renamed, the undo can be tried again
          // (unless another delete, or another project, came meanwhile).
          const sameState = get().lastDeletion === null && projectsOpened === project
          if (result.error.code === 'conflict' && sameState) set({ lastDeletion: deletion })
          onError(result.error)
          return null
        }
        await adopt({ ok: true, value: result.value.event })
        return result.value
      }
    }
  })

export type EventsStore = ReturnType<typeof createEventsStore>
