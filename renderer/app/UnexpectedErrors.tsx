import { useEffect, useRef, useState } from 'react'
import { describeUnexpected } from './describeUnexpected'
import { UnexpectedErrorPanel } from './UnexpectedErrorPanel'

/** Noise browsers raise as errors that break nothing: never worth stopping the user for. */
export function isHarmless(error: unknown, message: string): boolean {
  if (/ResizeObserver loop/.test(message) || message === 'Script error.') return true
  // Monaco cancels its own pending work with this error when a model or editor goes away.
  return error instanceof Error && error.name === 'Canceled'
}

/**
 * An error no code caught (an exception in an event handler, a rejected promise nobody awaited) shows the
 * unexpected-error panel over the studio, so a failure is never silent. Render errors are the ErrorBoundary's.
 */
export function UnexpectedErrors() {
  const [error, setError] = useState<unknown>(null)
  const panel = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const show = (caught: unknown, message: string) => {
      if (isHarmless(caught, message)) return
      console.error('The studio hit an unexpected error', caught)
      setError((shown: unknown) => shown ?? caught ?? new Error(message))
    }
    const onError = (event: ErrorEvent) => show(event.error, event.message)
    const onRejection = (event: PromiseRejectionEvent) => show(event.reason, describeUnexpected(event.reason))
    window.addEventListener('error', onError)
    window.addEventListener('unhandledrejection', onRejection)
    return () => {
      window.removeEventListener('error', onError)
      window.removeEventListener('unhandledrejection', onRejection)
    }
  }, [])

  useEffect(() => {
    if (error) panel.current?.querySelector('button')?.focus()
  }, [error])

  if (!error) return null
  return (
    <div className="unexpected-error-overlay" ref={panel}>
      <UnexpectedErrorPanel error={error} onDismiss={() => setError(null)} />
    </div>
  )
}
