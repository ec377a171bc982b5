import { createStore } from 'zustand/vanilla'
import type { EventDefinition, EventDraft } from '../../../shared/model/event'
import type { StudioErrorInfo } from '../../../shared/api/result'
import type { StudioApi } from '../../api/client'

type EventsApi = Pick<StudioApi, 'listEvents' | 'createEvent' | 'updateEvent' | 'deleteEvent'>

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed'

interface EventsState {
  events: EventDefinition[]
  loaded: boolean
  selectedId: string | null
  /** The selected event as being edited; saved automatically shortly after each change. */
  draft: EventDraft | null
  saveState: SaveState
  load(): Promise<void>
  select(id: string | null): Promise<void>
  create(draft: EventDraft): Promise<EventDefinition | null>
  edit(draft: EventDraft): void
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

/** The event designer's store: the list, the selection, and the autosaved draft of the selected event. */
export const createEventsStore = (api: EventsApi, onError: (error: StudioErrorInfo) => void) =>
  createStore<EventsState>()((set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let saving: Promise<void> = Promise.resolve()

    const replace = (event: EventDefinition) =>
      set((state) => ({
        events: [...state.events.filter((candidate) => candidate.id !== event.id), event].sort((a, b) =>
          a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
        )
      }))

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

    return {
      events: [],
      loaded: false,
      selectedId: null,
      draft: null,
      saveState: 'saved',
      async load() {
        const result = await api.listEvents()
        if (!result.ok) {
          set({ events: [], loaded: true, selectedId: null, draft: null })
          return
        }
        const selected = result.value.find((event) => event.id === get().selectedId)
        set({
          events: result.value,
          loaded: true,
          ...(selected ? {} : { selectedId: null, draft: null })
        })
      },
      async select(id) {
        await get().flush()
        const event = get().events.find((candidate) => candidate.id === id)
        set({ selectedId: event?.id ?? null, draft: event ? toDraft(event) : null, saveState: 'saved' })
      },
      async create(draft) {
        await get().flush()
        const result = await api.createEvent({ draft })
        if (!result.ok) {
          onError(result.error)
          return null
        }
        replace(result.value)
        set({ selectedId: result.value.id, draft: toDraft(result.value), saveState: 'saved' })
        return result.value
      },
      edit(draft) {
        set({ draft, saveState: 'pending' })
        clearTimeout(timer)
        timer = setTimeout(() => void get().flush(), autosaveDelayMs)
      },
      async flush() {
        clearTimeout(timer)
        timer = undefined
        if (get().saveState === 'pending' || get().saveState === 'failed') saving = saving.then(save)
        await saving
      },
      async remove(id) {
        clearTimeout(timer)
        const result = await api.deleteEvent({ id })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        set((state) => ({
          events: state.events.filter((event) => event.id !== id),
          ...(state.selectedId === id ? { selectedId: null, draft: null, saveState: 'saved' as const } : {})
        }))
        return true
      }
    }
  })

export type EventsStore = ReturnType<typeof createEventsStore>
