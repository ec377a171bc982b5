import { createStore } from 'zustand/vanilla'
import type { StudioErrorInfo } from '../../../shared/api/result'
import type { ListenerStatus } from '../../../shared/model/listenerSettings'
import type { StudioApi } from '../../api/client'

type ListenerApi = Pick<StudioApi, 'getListenerStatus' | 'startListener' | 'stopListener'>

interface ListenerState {
  /** As main last reported it; null until first loaded. */
  status: ListenerStatus | null
  /** A start or stop asked by the user is on its way. */
  busy: boolean
  load(): Promise<void>
  /** Main pushed a new status (listenerStatusChanged): take it as is. */
  receive(status: ListenerStatus): void
  /** Starts a stopped (or failed) listener, stops a running one; kept in the project. */
  toggle(): Promise<void>
}

/** The webhook listener's state for the status bar; main is the source of truth, this mirrors it. */
export const createListenerStore = (api: ListenerApi, onError: (error: StudioErrorInfo) => void) =>
  createStore<ListenerState>()((set, get) => {
    /** Statuses pushed so far: a status read before the latest push is older than it, and is dropped. */
    let pushes = 0
    return {
      status: null,
      busy: false,
      async load() {
        const pushedBefore = pushes
        const result = await api.getListenerStatus()
        if (result.ok && pushes === pushedBefore) set({ status: result.value })
      },
      receive(status) {
        pushes += 1
        set({ status })
      },
      async toggle() {
        if (get().busy) return
        const running = get().status?.state === 'listening' || get().status?.state === 'starting'
        set({ busy: true })
        const result = running ? await api.stopListener() : await api.startListener()
        set({ busy: false, ...(result.ok ? { status: result.value } : {}) })
        if (!result.ok) onError(result.error)
      }
    }
  })
