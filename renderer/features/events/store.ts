import { createStore } from 'zustand/vanilla'
import type { StandardEventName } from '../../../shared/capillary/standardEvents'
import type { Result, StudioErrorInfo } from '../../../shared/api/result'
import type { EventDefinition, EventDraft } from '../../../shared/model/event'
import type { StudioApi } from '../../api/client'
import { createEditHistory, type EditHistory } from '../../app/editHistory'
import { touchedField } from './touchedField'

type EventsApi = Pick<
  StudioApi,
  'listEvents' | 'createEvent' | 'updateEvent' | 'deleteEvent' | 'addStandardEvent' | 'duplicateEvent'
>

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed'

interface EventsState {
  events: EventDefinition[]
  loaded: boolean
  selectedId: string | null
  /** The selected event as being edited; saved automatically shortly after each change. */
  draft: EventDraft | null
  saveState: SaveState
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
  /** Saves a pending edit now (before switching, closing, or on Ctrl+S). */
  flush(): Promise<void>
  remove(id: string): Promise<boolean>
}

export const autosaveDelayMs = 400

export const toDraft = (event: EventDefinition): EventDraft => ({
  name: event.name,
  label: event.label,
  description: event.description,
  kind: event.kind,
  actions: event.actions,
  attributes: event.attributes
})

const byName = (a: EventDefinition, b: EventDefinition) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })

/**
 * The event designer's store: the list, the selection, the autosaved draft of the selected event and its undo
 * history (one per event, kept while the studio runs).
 */
export const createEventsStore = (api: EventsApi, onError: (error: StudioErrorInfo) => void) =>
  createStore<EventsState>()((set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let saving: Promise<void> = Promise.resolve()
    const histories = new Map<string, EditHistory<EventDraft>>()
    const historyOf = (id: string) => {
      const existing = histories.get(id)
      if (existing) return existing
      const created = createEditHistory<EventDraft>()
      histories.set(id, created)
      return created
    }
    const syncHistoryFlags = () => {
      const id = get().selectedId
      const history = id ? histories.get(id) : undefined
      set({ canUndo: history?.canUndo() ?? false, canRedo: history?.canRedo() ?? false })
    }

    const replace = (event: EventDefinition) =>
      set((state) => ({
        events: [...state.events.filter((candidate) => candidate.id !== event.id), event].sort(byName)
      }))

    const adopt = async (result: Result<EventDefinition>) => {
      if (!result.ok) {
        onError(result.error)
        return null
      }
      replace(result.value)
      set({ selectedId: result.value.id, draft: toDraft(result.value), saveState: 'saved' })
      syncHistoryFlags()
      return result.value
    }

    const save = async () => {
      const { selectedId, draft } = get()
      if (!selectedId || !draft) return
      set({ saveState: 'saving' })
      const result = await api.updateEvent({ id: selectedId, draft })
      if (result.ok) {
        replace(result.value)
        // Edits made while this save travelled are still pending: keep them.
        if (get().saveState === 'saving') set({ saveState: 'saved' })
      } else {
        set({ saveState: 'failed' })
        onError(result.error)
      }
    }

    const scheduleSave = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void get().flush(), autosaveDelayMs)
    }

    return {
      events: [],
      loaded: false,
      selectedId: null,
      draft: null,
      saveState: 'saved',
      canUndo: false,
      canRedo: false,
      async load() {
        const result = await api.listEvents()
        if (!result.ok) {
          set({ events: [], loaded: true, selectedId: null, draft: null })
          return
        }
        const selected = result.value.find((event) => event.id === get().selectedId)
        set({ events: result.value, loaded: true, ...(selected ? {} : { selectedId: null, draft: null }) })
        syncHistoryFlags()
      },
      async select(id) {
        await get().flush()
        const event = get().events.find((candidate) => candidate.id === id)
        set({ selectedId: event?.id ?? null, draft: event ? toDraft(event) : null, saveState: 'saved' })
        syncHistoryFlags()
      },
      async create(draft) {
        await get().flush()
        return adopt(await api.createEvent({ draft }))
      },
      async addStandard(name) {
        await get().flush()
        return adopt(await api.addStandardEvent({ name }))
      },
      async duplicate(id) {
        await get().flush()
        return adopt(await api.duplicateEvent({ id }))
      },
      edit(draft) {
        const { selectedId, draft: previous } = get()
        if (!selectedId || !previous) return
        historyOf(selectedId).record(previous, Date.now(), touchedField(previous, draft))
        set({ draft, saveState: 'pending' })
        syncHistoryFlags()
        scheduleSave()
      },
      undo() {
        const { selectedId, draft } = get()
        const restored = selectedId && draft ? histories.get(selectedId)?.undo(draft) : undefined
        if (!restored) return
        set({ draft: restored, saveState: 'pending' })
        syncHistoryFlags()
        scheduleSave()
      },
      redo() {
        const { selectedId, draft } = get()
        const restored = selectedId && draft ? histories.get(selectedId)?.redo(draft) : undefined
        if (!restored) return
        set({ draft: restored, saveState: 'pending' })
        syncHistoryFlags()
        scheduleSave()
      },
      async flush() {
        clearTimeout(timer)
        timer = undefined
        if (get().saveState === 'pending' || get().saveState === 'failed') saving = saving.then(save)
        await saving
      },
      async remove(id) {
        if (get().selectedId === id) clearTimeout(timer)
        const result = await api.deleteEvent({ id })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        histories.delete(id)
        set((state) => ({
          events: state.events.filter((event) => event.id !== id),
          ...(state.selectedId === id ? { selectedId: null, draft: null, saveState: 'saved' as const } : {})
        }))
        syncHistoryFlags()
        return true
      }
    }
  })

export type EventsStore = ReturnType<typeof createEventsStore>
