import { useStudio, useStudioStore } from '../../app/StudioContext'
import type { SettingsPart } from './store'

/**
 * A form's draft, kept in the listener settings store under its part (`redaction:<integration id>`), so it outlives
 * the form: what the user typed survives a trip to another screen or integration until it is saved or reverted,
 * and the status bar can say it is not saved. The saved value's draft otherwise, so a form always shows main's
 * latest answer when nothing is being edited.
 */
export function useKeptDraft<Draft extends object>(part: SettingsPart, saved: Draft) {
  const { listenerSettings } = useStudio()
  const kept = useStudioStore(
    (s) => s.listenerSettings,
    (state) => state.drafts[part]
  ) as Draft | undefined
  const draft = kept ?? saved
  const keep = (next: Draft | null) => listenerSettings.getState().keepDraft(part, next)
  return {
    draft,
    // Edited back to what is saved, it is no longer a change.
    edit: (patch: Partial<Draft>) => {
      const next = { ...draft, ...patch }
      keep(JSON.stringify(next) === JSON.stringify(saved) ? null : next)
    },
    /** Back to the saved value: after a save, or on Revert. */
    reset: () => keep(null)
  }
}
