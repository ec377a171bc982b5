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
