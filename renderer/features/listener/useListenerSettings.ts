import { useStudio, useStudioStore } from '../../app/StudioContext'

/** The listener settings as main last answered, the parts being saved and main's refusals, with the store to act. */
export function useListenerSettings() {
  const { listenerSettings } = useStudio()
  const view = useStudioStore(
    (s) => s.listenerSettings,
    (state) => state.view
  )
  const saving = useStudioStore(
    (s) => s.listenerSettings,
    (state) => state.saving
  )
  const refusals = useStudioStore(
    (s) => s.listenerSettings,
    (state) => state.refusals
  )
  return { listenerSettings, view, saving, refusals }
}
