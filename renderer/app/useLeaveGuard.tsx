import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { flushEdits } from './flushEdits'
import type { StudioStores } from './StudioContext'
import { unsavedChanges } from './unsavedChanges'

/**
 * Asks before the open project is left with changes that cannot be saved, as an editor asks before closing a
 * changed file. It answers the studio's leave gate (every way of leaving asks it): what can be saved is saved, then
 * the user is asked when something is left. A reload or a closed window asks through the browser's own prompt
 * (Electron's main process shows it as a dialog). Returns the prompt to render.
 */
export function useLeaveGuard(stores: StudioStores): ReactNode {
  const [asking, setAsking] = useState<{ message: string; answer(leave: boolean): void } | null>(null)
  const askingNow = useRef(false)

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
    // A second way of leaving while the question is up (a menu, a file opened from the OS) waits for no answer.
    if (askingNow.current) return false
    await flushEdits(stores)
    const message = unsavedChanges(stores)
    if (message === undefined) return true
    askingNow.current = true
    return new Promise<boolean>((resolve) =>
      setAsking({
        message,
        answer: (leave) => {
          askingNow.current = false
          setAsking(null)
          resolve(leave)
        }
      })
    )
  }, [stores])

  useEffect(() => {
    stores.leave.setState({ confirmLeave })
    return () => stores.leave.setState({ confirmLeave: () => Promise.resolve(true) })
  }, [stores, confirmLeave])

  const prompt = asking && (
    <ConfirmDialog
      title="Leave without these changes?"
      message={asking.message}
      confirmLabel="Leave and lose them"
      onConfirm={() => asking.answer(true)}
      onCancel={() => asking.answer(false)}
    />
  )
  return prompt
}
