import { createStore } from 'zustand/vanilla'
import type { StandardEventName } from '../../../shared/capillary/standardEvents'
import type { Result, StudioErrorInfo } from '../../../shared/api/result'
import type { EventDefinition, EventDraft } from '../../../shared/model/event'
import type { StudioApi } from '../../api/client'
import { createAutosave } from '../../app/autosave'
import { createEditHistories } from '../../app/editHistory'
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
    const histories = createEditHistories<EventDraft>()
    const syncHistoryFlags = () => set(histories.flags(get().selectedId))

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

    const autosave = createAutosave(save, () => get().saveState === 'pending' || get().saveState === 'failed')

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
        histories.record(selectedId, previous, Date.now(), touchedField(previous, draft))
        set({ draft, saveState: 'pending' })
        syncHistoryFlags()
        autosave.schedule()
      },
      undo() {
        const { selectedId, draft } = get()
        const restored = selectedId && draft ? histories.undo(selectedId, draft) : undefined
        if (!restored) return
        set({ draft: restored, saveState: 'pending' })
        syncHistoryFlags()
        autosave.schedule()
      },
      redo() {
        const { selectedId, draft } = get()
        const restored = selectedId && draft ? histories.redo(selectedId, draft) : undefined
        if (!restored) return
        set({ draft: restored, saveState: 'pending' })
        syncHistoryFlags()
        autosave.schedule()
      },
      flush: autosave.flush,
      async remove(id) {
        if (get().selectedId === id) autosave.cancel()
        const result = await api.deleteEvent({ id })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        histories.forget(id)
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
