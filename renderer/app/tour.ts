import { create } from 'zustand'

const seenKey = 'capmap.tourSeen'

/** What each screen is for, in a sentence or two: the tour shows it while that screen is open behind it. */
export const tourTexts: Record<string, string> = {
  events:
    'Design the behavioural events your brand sends to Capillary: their attributes, types and rules. Start from a standard event or a custom one.',
  integrations:
    'An integration is a source of webhooks (a shop, a CRM). Give each one its listener path so its payloads land in the inbox.',
  captures:
    'Every webhook the local listener receives is captured here. Open one to see its payload, replay it or turn it into a test case.',
  mapping:
    'Map a captured payload onto an event: pick source fields for each attribute and preview the result on real captures.',
  tests: 'Test cases pin a payload and the event it must produce. Run them all before you publish.',
  deliveries: 'The relay forwards mapped events to Capillary. Follow each delivery, its retries and failures here.',
  publish: 'Publish your events and mappings to a Capillary org, after a dry run that shows every change.',
  settings: 'Connection profiles for your Capillary orgs, the listener, the theme and the studio’s folders.'
}

interface TourState {
  open: boolean
  step: number
  start(): void
  goTo(step: number): void
  /** Closed by the user (Done, Skip or Escape): not offered again on its own; Help › Welcome Tour brings it back. */
  dismiss(): void
}

export function tourSeen(): boolean {
  try {
    return window.localStorage.getItem(seenKey) === '1'
  } catch {
    return false
  }
}

export const useTourStore = create<TourState>()((set) => ({
  open: false,
  step: 0,
  start: () => set({ open: true, step: 0 }),
  goTo: (step) => set({ step }),
  dismiss() {
    try {
      window.localStorage.setItem(seenKey, '1')
    } catch {
      // Storage refused (private mode): the tour may show again next time, nothing worse.
    }
    set({ open: false, step: 0 })
  }
}))

/**
 * A first run: the studio just made its sample project (main/services/openStartupProject.ts puts it at
 * `<config folder>/projects/Sample.capmap` when there is no project to reopen) and the tour was never closed.
 */
export function isFirstRun(projectPath: string | undefined, configDir: string | undefined): boolean {
  if (!projectPath || !configDir || tourSeen()) return false
  const normalise = (path: string) => path.replace(/\\/g, '/').replace(/\/+$/, '')
  return normalise(projectPath) === `${normalise(configDir)}/projects/Sample.capmap`
}
