import { createStore } from 'zustand/vanilla'

/** The screens of the activity bar, in its order. */
export const screenIds = [
  'events',
  'integrations',
  'captures',
  'mapping',
  'tests',
  'deliveries',
  'publish',
  'settings'
] as const
export type ScreenId = (typeof screenIds)[number]

/** What a screen should show when another screen sends the user there (an event, a capture, a mapping...). */
export interface ScreenTarget {
  id?: string
  /** Free-form extra context a screen understands, such as a capture to preview. */
  with?: Record<string, string>
}

interface NavigationState {
  screen: ScreenId
  /** Set by `open`, read once by the screen it was meant for. */
  target: ScreenTarget | null
  open(screen: ScreenId, target?: ScreenTarget): void
  /** The screen took its target: clear it so a later visit starts plain. */
  takeTarget(): ScreenTarget | null
}

/** Which screen is showing; any feature may send the user to another screen with a target. */
export const createNavigationStore = () =>
  createStore<NavigationState>()((set, get) => ({
    screen: 'events',
    target: null,
    open(screen, target) {
      set({ screen, target: target ?? null })
    },
    takeTarget() {
      const { target } = get()
      if (target) set({ target: null })
      return target
    }
  }))

export type NavigationStore = ReturnType<typeof createNavigationStore>
