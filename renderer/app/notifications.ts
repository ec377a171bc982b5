import { createStore } from 'zustand/vanilla'
import type { StudioErrorInfo } from '../../shared/api/result'

/** A message for the user that can be taken back: a later one with the same `key` replaces it. */
export type KeyedNotice = StudioErrorInfo & { key?: string }

export interface Notification {
  id: number
  kind: 'error' | 'info'
  message: string
  /** Names a notice that can be taken back (`withdraw`); a later one with the same key replaces it. */
  key?: string
}

interface NotificationState {
  items: Notification[]
  notify(kind: Notification['kind'], message: string, key?: string): void
  reportError(error: KeyedNotice): void
  dismiss(id: number): void
  withdraw(key: string): void
}

/** Messages for the user: errors stay until dismissed, information fades by itself. */
export const createNotificationStore = () => {
  let nextId = 1
  return createStore<NotificationState>()((set, get) => ({
    items: [],
    notify(kind, message, key) {
      const id = nextId++
      const others = (state: NotificationState) => state.items.filter((item) => key === undefined || item.key !== key)
      set((state) => ({
        items: [...others(state).slice(-4), { id, kind, message, ...(key === undefined ? {} : { key }) }]
      }))
      if (kind === 'info') setTimeout(() => get().dismiss(id), 4000)
    },
    reportError(error) {
      get().notify('error', error.message, error.key)
    },
    dismiss(id) {
      set((state) => ({ items: state.items.filter((item) => item.id !== id) }))
    },
    withdraw(key) {
      set((state) => ({ items: state.items.filter((item) => item.key !== key) }))
    }
  }))
}

export type NotificationStore = ReturnType<typeof createNotificationStore>
