import { createStore } from 'zustand/vanilla'
import type { StudioErrorInfo } from '../../shared/api/result'

export interface Notification {
  id: number
  kind: 'error' | 'info'
  message: string
}

interface NotificationState {
  items: Notification[]
  notify(kind: Notification['kind'], message: string): void
  reportError(error: StudioErrorInfo): void
  dismiss(id: number): void
}

/** Messages for the user: errors stay until dismissed, information fades by itself. */
export const createNotificationStore = () => {
  let nextId = 1
  return createStore<NotificationState>()((set, get) => ({
    items: [],
    notify(kind, message) {
      const id = nextId++
      set((state) => ({ items: [...state.items.slice(-4), { id, kind, message }] }))
      if (kind === 'info') setTimeout(() => get().dismiss(id), 4000)
    },
    reportError(error) {
      get().notify('error', error.message)
    },
    dismiss(id) {
      set((state) => ({ items: state.items.filter((item) => item.id !== id) }))
    }
  }))
}

export type NotificationStore = ReturnType<typeof createNotificationStore>
