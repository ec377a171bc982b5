import { createStore } from 'zustand/vanilla'
import type { StudioErrorInfo } from '../../../shared/api/result'
import type { CaptureDetail, CaptureSummary } from '../../../shared/model/capture'
import type {
  CaptureReplay,
  CaptureShape,
  CaptureView,
  ListenerReply,
  PayloadSample,
  ResendMode
} from '../../../shared/model/captureInbox'
import type { StudioApi } from '../../api/client'
import { matchesFilter, toQuery, type InboxFilter } from './inboxFilter'

export type CapturesApi = Pick<
  StudioApi,
  | 'listCaptures'
  | 'getCapture'
  | 'getCaptureView'
  | 'discardCaptures'
  | 'restoreCaptures'
  | 'replayCapture'
  | 'resendCapture'
  | 'sendTestPayload'
  | 'listPayloadSamples'
  | 'saveCaptureAsSample'
  | 'getCaptureShape'
  | 'replayDeliveries'
>

/** Rows fetched per page: a screenful several times over, small enough to arrive at once. */
export const pageSize = 200
const shapeRefreshGapMs = 1000
/** The newest captures kept when live updates pile up while the user reads the top of the list. */
const maxLiveItems = 100_000

export const noFilter: InboxFilter = {
  integrationId: undefined,
  search: '',
  statuses: [],
  sourceEvent: '',
  from: '',
  to: ''
}

/** A delete main can take back (its undo id), and how many captures it took. */
interface CaptureDeletion {
  undoId: string
  count: number
}

/** Deletes Undo can take back in turn, newest first: as many as a user makes in main's ten-minute undo window. */
const maxUndoableDeletions = 50

interface CapturesState {
  /** The project the list belongs to: another project starts a fresh inbox. */
  projectPath: string | null
  filter: InboxFilter
  /** Bumped when the filters are cleared, so inputs holding a draft start over. */
  filterResets: number
  items: CaptureSummary[]
  nextCursor: string | null
  status: 'idle' | 'loading' | 'ready' | 'failed'
  loadingMore: boolean
  /** Captures that arrived but are not in the list: a search or time range is on, and main must be asked again. */
  waiting: number
  selectedId: string | null
  detail: CaptureView | null
  detailStatus: 'idle' | 'loading' | 'ready' | 'missing'
  /** The last delete, until undone; the ones before it wait their turn (main keeps each for ten minutes). */
  lastDeletion: CaptureDeletion | null
  earlierDeletions: CaptureDeletion[]
  /** Deletes sent to main and not answered yet: Undo takes the newest back once it is answered. */
  deletesInFlight: number
  replay: CaptureReplay | null
  replaying: boolean
  /** What the listener answered to the last re-send or test payload. */
  reply: ListenerReply | null
  sending: boolean
  shape: CaptureShape | null
  samples: PayloadSample[]

  /** Shows the inbox of a project: reads the list again, and forgets the last project's selection and undo. */
  show(projectPath: string | null): Promise<void>
  load(): Promise<void>
  loadMore(): Promise<void>
  setFilter(patch: Partial<InboxFilter>): Promise<void>
  /** The project's integrations now: a filter on one deleted meanwhile goes back to all (it would hide everything). */
  keepFilterOn(integrationIds: readonly string[]): Promise<void>
  clearFilter(): Promise<void>
  /** Main committed captures (capturesReceived, already batched): show those the filter keeps. */
  receive(batch: { count: number; captures: CaptureSummary[] }): void
  /** Main deleted captures (anywhere): the list is read again, the selection kept when it still exists. */
  deletedElsewhere(): void
  select(id: string | null): Promise<void>
  /** The selected capture with its whole body (for curl, or to edit a copy); null when there is none. */
  fullBody(): Promise<CaptureDetail | null>
  moveSelection(offset: number): Promise<void>
  discard(ids: readonly string[]): Promise<void>
  undoDelete(): Promise<void>
  replaySelected(body?: string): Promise<void>
  closeReplay(): void
  /**
   * Sends the replayed capture's outputs through the relay again (its outbox rows `<capture>:<output>`), with the
   * same external_event_id; answers how many were queued (0: the relay never took this capture).
   */
  replayThroughRelay(): Promise<number | null>
  resendSelected(mode: ResendMode, body?: string): Promise<void>
  sendTest(input: { integrationId: string; contentType: string; body: string; signed: boolean }): Promise<void>
  clearReply(): void
  saveSample(name: string): Promise<boolean>
  loadSamples(): Promise<void>
  loadShape(integrationId: string | null): Promise<void>
}

/** Whether Undo has a delete to take back: one main answered, or one it is still answering. */
export const canUndoDelete = (state: Pick<CapturesState, 'lastDeletion' | 'deletesInFlight'>): boolean =>
  state.lastDeletion !== null || state.deletesInFlight > 0

/**
 * The capture inbox: one keyset-paged list for the current filter, the selected capture in full, and the actions
 * on it. Main is the source of truth; live arrivals are merged in (they come batched), never re-fetched one by one.
 */
export const createCapturesStore = (api: CapturesApi, onError: (error: StudioErrorInfo) => void) => {
  /** Bumped by each new query, so a slow answer to an older one is dropped. */
  let generation = 0
  let detailGeneration = 0
  /** Settles once every delete sent so far is answered and on the undo stack. */
  let deletesRecorded: Promise<unknown> = Promise.resolve()

  return createStore<CapturesState>()((set, get) => {
    const fetchDetail = async (id: string) => {
      const mine = ++detailGeneration
      set({ detailStatus: 'loading' })
      const result = await api.getCaptureView({ id })
      if (mine !== detailGeneration) return
      if (result.ok) set({ detail: result.value, detailStatus: 'ready' })
      else set({ detail: null, detailStatus: result.error.code === 'not_found' ? 'missing' : 'idle' })
    }

    /** One shape query at a time, and under a flood at most one a second: main reads it on the senders' thread. */
    let shapeInFlight = false
    let shapeAgain = false
    const refreshShape = (integrationId: string) => {
      if (shapeInFlight) {
        shapeAgain = true
        return
      }
      shapeInFlight = true
      void get()
        .loadShape(integrationId)
        .finally(() => {
          if (!shapeAgain) {
            shapeInFlight = false
            return
          }
          shapeAgain = false
          setTimeout(() => {
            shapeInFlight = false
            const current = get().shape
            if (current) refreshShape(current.integrationId)
          }, shapeRefreshGapMs)
        })
    }

    /**
     * After the user changes the filter, the detail follows the list: a selected capture the filter now hides is
     * let go (as a mail client or VS Code's filtered lists do), rather than left open beside a list that no longer
     * holds it. Nothing new opens by itself: the user picks among the matches (the arrow keys start at the first).
     */
    const followFilter = async (query: Promise<void>) => {
      // load() took its generation as it was called: a later query makes this one's answer stale.
      const mine = generation
      await query
      const { selectedId, items, nextCursor, filter, status } = get()
      if (mine !== generation || status !== 'ready') return
      if (selectedId === null || items.some((item) => item.id === selectedId)) return
      if (nextCursor !== null && BigInt(selectedId) < BigInt(nextCursor)) {
        // Older than the page read: ask main whether the filter keeps it (pages are keyset, newest first).
        const result = await api.listCaptures(toQuery(filter, 1, String(BigInt(selectedId) + 1n)))
        if (!result.ok || result.value.items[0]?.id === selectedId) return
      }
      if (mine === generation && get().selectedId === selectedId) await get().select(null)
    }

    return {
      projectPath: null,
      filter: noFilter,
      filterResets: 0,
      items: [],
      nextCursor: null,
      status: 'idle',
      loadingMore: false,
      waiting: 0,
      selectedId: null,
      detail: null,
      detailStatus: 'idle',
      lastDeletion: null,
      earlierDeletions: [],
      deletesInFlight: 0,
      replay: null,
      replaying: false,
      reply: null,
      sending: false,
      shape: null,
      samples: [],

      async show(projectPath) {
        if (projectPath !== get().projectPath) {
          detailGeneration++
          set({
            projectPath,
            items: [],
            nextCursor: null,
            selectedId: null,
            detail: null,
            detailStatus: 'idle',
            lastDeletion: null,
            earlierDeletions: [],
            shape: null,
            replay: null,
            reply: null
          })
        }
        await get().load()
      },

      async load() {
        const mine = ++generation
        set({ status: 'loading', waiting: 0 })
        const result = await api.listCaptures(toQuery(get().filter, pageSize))
        if (mine !== generation) return
        if (!result.ok) {
          set({ status: 'failed' })
          onError(result.error)
          return
        }
        set({ items: result.value.items, nextCursor: result.value.nextCursor, status: 'ready', loadingMore: false })
        const { selectedId } = get()
        if (selectedId !== null && !result.value.items.some((item) => item.id === selectedId)) {
          // The selection may be further down (not loaded) or gone: keep it shown until it is known to be gone.
          void fetchDetail(selectedId)
        }
      },

      async loadMore() {
        const { nextCursor, loadingMore, status } = get()
        if (nextCursor === null || loadingMore || status !== 'ready') return
        const mine = generation
        set({ loadingMore: true })
        const result = await api.listCaptures(toQuery(get().filter, pageSize, nextCursor))
        if (mine !== generation) return
        if (!result.ok) {
          set({ loadingMore: false })
          onError(result.error)
          return
        }
        const known = new Set(get().items.map((item) => item.id))
        set((state) => ({
          items: [...state.items, ...result.value.items.filter((item) => !known.has(item.id))],
          nextCursor: result.value.nextCursor,
          loadingMore: false
        }))
      },

      async setFilter(patch) {
        set((state) => ({ filter: { ...state.filter, ...patch } }))
        await followFilter(get().load())
      },

      async keepFilterOn(integrationIds) {
        const { integrationId } = get().filter
        if (typeof integrationId === 'string' && !integrationIds.includes(integrationId)) {
          await get().setFilter({ integrationId: undefined })
        }
      },

      async clearFilter() {
        set((state) => ({ filter: noFilter, filterResets: state.filterResets + 1 }))
        await followFilter(get().load())
      },

      receive({ count, captures }) {
        const { filter, items, status, shape } = get()
        if (status === 'idle') return
        if (
          shape &&
          (count > captures.length || captures.some((capture) => capture.integrationId === shape.integrationId))
        ) {
          refreshShape(shape.integrationId)
        }
        if (filter.search.trim() !== '' || filter.from !== '' || filter.to !== '') {
          set((state) => ({ waiting: state.waiting + count }))
          return
        }
        if (count > captures.length) {
          // More arrived than the notice carries (a burst): read the first page again rather than leave a gap.
          void get().load()
          return
        }
        const known = new Set(items.map((item) => item.id))
        const fresh = captures.filter((capture) => !known.has(capture.id) && matchesFilter(capture, filter))
        if (fresh.length === 0) return
        const newestFirst = fresh.sort((a, b) => Number(b.id) - Number(a.id))
        const oldestFresh = Number(newestFirst.at(-1)?.id ?? 0)
        // New captures are newer than every listed one, so they go on top; a sort only for the odd one (a restore).
        const merged =
          items.length === 0 || oldestFresh > Number(items[0]?.id ?? 0)
            ? [...newestFirst, ...items]
            : [...newestFirst, ...items].sort((a, b) => Number(b.id) - Number(a.id))
        set({ items: merged.length > maxLiveItems ? merged.slice(0, maxLiveItems) : merged })
      },

      deletedElsewhere() {
        if (get().status !== 'idle') void get().load()
      },

      async select(id) {
        set({ selectedId: id, replay: null })
        if (id === null) {
          detailGeneration++
          set({ detail: null, detailStatus: 'idle' })
          return
        }
        await fetchDetail(id)
      },

      async fullBody() {
        const { selectedId } = get()
        if (selectedId === null) return null
        const result = await api.getCapture({ id: selectedId })
        if (result.ok) return result.value
        onError(result.error)
        return null
      },

      async moveSelection(offset) {
        const { items, selectedId } = get()
        if (items.length === 0) return
        const index = items.findIndex((item) => item.id === selectedId)
        const next = items[index === -1 ? 0 : Math.min(items.length - 1, Math.max(0, index + offset))]
        if (next && next.id !== selectedId) await get().select(next.id)
        if (index >= items.length - 20) void get().loadMore()
      },

      async discard(ids) {
        if (ids.length === 0) return
        // Gone from the list at once, the next one selected, so a second Delete takes the next capture, not this
        // one again; main's refusal puts the list back as it is stored.
        const gone = new Set(ids)
        const { items, selectedId, projectPath } = get()
        const index = items.findIndex((item) => item.id === selectedId)
        const remaining = items.filter((item) => !gone.has(item.id))
        set((state) => ({ items: remaining, deletesInFlight: state.deletesInFlight + 1 }))
        const selecting =
          selectedId !== null && gone.has(selectedId)
            ? get().select(remaining[Math.min(Math.max(index, 0), remaining.length - 1)]?.id ?? null)
            : Promise.resolve()
        const recorded = api.discardCaptures({ ids: [...ids] }).then((result) => {
          set((state) => ({ deletesInFlight: state.deletesInFlight - 1 }))
          // Nothing deleted (deleted elsewhere meanwhile): nothing to undo, and the deletes before stay undoable.
          if (result.ok && result.value.undoId && get().projectPath === projectPath) {
            const { lastDeletion, earlierDeletions } = get()
            set({
              lastDeletion: { undoId: result.value.undoId, count: result.value.deleted },
              earlierDeletions: lastDeletion
                ? [...earlierDeletions, lastDeletion].slice(-maxUndoableDeletions)
                : earlierDeletions
            })
          }
          return result
        })
        deletesRecorded = Promise.all([deletesRecorded, recorded])
        const result = await recorded
        if (!result.ok) {
          onError(result.error)
          await get().load()
          return
        }
        await selecting
      },

      async undoDelete() {
        // Undo pressed before main answered a delete takes that delete back, the newest, not the one before it.
        await deletesRecorded
        const { lastDeletion: deletion, earlierDeletions } = get()
        if (!deletion) return
        // Off the stack before main answers: a second Undo pressed meanwhile takes back the delete before this one.
        set({ lastDeletion: earlierDeletions.at(-1) ?? null, earlierDeletions: earlierDeletions.slice(0, -1) })
        const result = await api.restoreCaptures({ undoId: deletion.undoId })
        // Not restored: gone for good (main keeps a delete for ten minutes), so the delete before it is next.
        if (!result.ok) return onError(result.error)
        await get().load()
      },

      async replaySelected(body) {
        const { selectedId, replaying } = get()
        if (selectedId === null || replaying) return
        set({ replaying: true })
        const result = await api.replayCapture(body === undefined ? { id: selectedId } : { id: selectedId, body })
        set({ replaying: false, replay: result.ok ? result.value : null })
        if (!result.ok) onError(result.error)
      },

      closeReplay() {
        set({ replay: null })
      },

      async replayThroughRelay() {
        const replay = get().replay
        const outputs = Math.max(0, ...(replay?.mappings ?? []).map((mapping) => mapping.outputs.length))
        if (!replay || outputs === 0) return null
        const ids = Array.from({ length: outputs }, (_, index) => `${replay.captureId}:${index}`)
        const result = await api.replayDeliveries({ ids })
        if (!result.ok) {
          onError(result.error)
          return null
        }
        return result.value.requeued
      },

      async resendSelected(mode, body) {
        const { selectedId, sending } = get()
        if (selectedId === null || sending) return
        set({ sending: true })
        const result = await api.resendCapture(
          body === undefined ? { id: selectedId, mode } : { id: selectedId, mode, body }
        )
        set({ sending: false, reply: result.ok ? result.value : null })
        if (!result.ok) onError(result.error)
      },

      async sendTest(input) {
        set({ sending: true })
        const result = await api.sendTestPayload(input)
        set({ sending: false, reply: result.ok ? result.value : null })
        if (!result.ok) onError(result.error)
      },

      clearReply() {
        set({ reply: null })
      },

      async saveSample(name) {
        const { selectedId } = get()
        if (selectedId === null) return false
        const result = await api.saveCaptureAsSample({ captureId: selectedId, name })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        set((state) => ({ samples: [result.value, ...state.samples] }))
        return true
      },

      async loadSamples() {
        const result = await api.listPayloadSamples()
        if (result.ok) set({ samples: result.value })
        else onError(result.error)
      },

      async loadShape(integrationId) {
        if (integrationId === null) {
          set({ shape: null })
          return
        }
        const result = await api.getCaptureShape({ integrationId })
        if (result.ok) set({ shape: result.value })
        else if (result.error.code !== 'not_found') onError(result.error)
      }
    }
  })
}

export type CapturesStore = ReturnType<typeof createCapturesStore>
