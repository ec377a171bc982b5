import { createStore, type StoreApi } from 'zustand/vanilla'
import { plural } from '../ui/plural'

export type CombinedSaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'invalid'

const severity: CombinedSaveState[] = ['saved', 'pending', 'saving', 'invalid', 'failed']

/** The status bar shows the most pressing save state of all the screens' autosaves. */
export function worstSaveState(states: readonly CombinedSaveState[]): CombinedSaveState {
  return states.reduce<CombinedSaveState>(
    (worst, state) => (severity.indexOf(state) > severity.indexOf(worst) ? state : worst),
    'saved'
  )
}

export const saveLabels: Record<CombinedSaveState, string> = {
  saved: 'All changes saved',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  invalid: 'Not saved: fix the problems shown',
  failed: 'Not saved'
}

/** How long the status bar says "Saved" after the user asked for a save (Save Now, Ctrl+S), before its usual text. */
export const savedFeedbackMs = 4000

interface SaveRecordState {
  /** The project the times below are of: another project opened starts afresh. */
  projectPath: string | null
  /** When an edit's save last landed, or the user last saw everything saved, in ms since the epoch. */
  savedAt: number | null
  /** When the user last asked for a save and everything was saved. */
  confirmedAt: number | null
  saved(projectPath: string, at: number): void
  confirmed(projectPath: string, at: number): void
}

export type SaveRecord = StoreApi<SaveRecordState>

/** When the open project was last saved, for the status bar; Save Now (flushEdits) and autosaves write it. */
export const createSaveRecord = () =>
  createStore<SaveRecordState>()((set, get) => {
    const sameProject = (projectPath: string) => get().projectPath === projectPath
    return {
      projectPath: null,
      savedAt: null,
      confirmedAt: null,
      saved(projectPath, at) {
        set({ projectPath, savedAt: at, confirmedAt: sameProject(projectPath) ? get().confirmedAt : null })
      },
      confirmed(projectPath, at) {
        set({ projectPath, savedAt: at, confirmedAt: at })
      }
    }
  })

/**
 * How many items have changes kept unsaved while the user is elsewhere, by kind: events and integrations whose
 * drafts break a rule, and integrations whose capture rules were changed and not saved (they save on a button).
 */
export interface KeptCounts {
  events: number
  integrations: number
  captureRules?: number
}

/**
 * The status bar's save text: "Saved" just after the user saved, the time of the last save whenever it is known.
 * Items whose changes are kept unsaved while the user is elsewhere (`kept`) come first: until they are fixed, not
 * everything is saved, whatever the open editor says.
 */
export function saveStatusText(
  state: CombinedSaveState,
  lastSavedAt: number | null,
  justConfirmed: boolean,
  formatTime: (at: number) => string,
  kept: KeptCounts = { events: 0, integrations: 0 }
): string {
  const captureRules = kept.captureRules ?? 0
  if (kept.events + kept.integrations + captureRules > 0) {
    const openNotSaved = state === 'invalid' || state === 'failed'
    const other = openNotSaved ? 'other ' : ''
    const counts = [
      kept.events > 0 ? plural(kept.events, `${other}event`) : '',
      kept.integrations > 0 ? plural(kept.integrations, `${other}integration`) : '',
      captureRules > 0 ? `the capture rules of ${plural(captureRules, 'integration')}` : ''
    ].filter(Boolean)
    const keptText = `${counts.join(' and ')} not saved`
    return openNotSaved ? `${saveLabels[state]} · ${keptText}` : keptText
  }
  if (state !== 'saved') return saveLabels[state]
  const label = justConfirmed ? 'Saved' : saveLabels.saved
  return lastSavedAt === null ? label : `${label} · ${formatTime(lastSavedAt)}`
}
