import { useState } from 'react'

/**
 * A form's draft: what the user typed, until it is saved or reverted; the saved value's draft otherwise, so a form
 * always shows main's latest answer when nothing is being edited.
 */
export function useEditedDraft<Draft extends object>(saved: Draft) {
  const [edited, setEdited] = useState<Draft | null>(null)
  const draft = edited ?? saved
  return {
    draft,
    edit: (patch: Partial<Draft>) => setEdited({ ...draft, ...patch }),
    /** Back to the saved value: after a save, or on Revert. */
    reset: () => setEdited(null)
  }
}
