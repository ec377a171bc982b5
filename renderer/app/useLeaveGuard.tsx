import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { flushEdits } from './flushEdits'
import type { StudioStores } from './StudioContext'
import { unsavedChanges } from './unsavedChanges'

/**
 * Asks before the open project is left with changes that cannot be saved, as an editor asks before closing a
 * changed file: `confirmLeave` (New, Open, Save As, Close) saves what can be saved, then asks when something is left,
 * answering whether to go on; a reload or a closed window asks through the browser's own prompt (Electron's main
 * process shows it as a dialog).
 */
export function useLeaveGuard(stores: StudioStores): { confirmLeave(): Promise<boolean>; prompt: ReactNode } {
  const [asking, setAsking] = useState<{ message: string; answer(leave: boolean): void } | null>(null)

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (unsavedChanges(stores) === undefined) return
      event.preventDefault()
      // Older engines (and Electron's will-prevent-unload) look at returnValue.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [stores])

  const confirmLeave = useCallback(async () => {
    await flushEdits(stores)
    const message = unsavedChanges(stores)
    if (message === undefined) return true
    return new Promise<boolean>((resolve) =>
      setAsking({
        message,
        answer: (leave) => {
          setAsking(null)
          resolve(leave)
        }
      })
    )
  }, [stores])

  const prompt = asking && (
    <ConfirmDialog
      title="Leave without these changes?"
      message={asking.message}
      confirmLabel="Leave and lose them"
      onConfirm={() => asking.answer(true)}
      onCancel={() => asking.answer(false)}
    />
  )
  return { confirmLeave, prompt }
}
