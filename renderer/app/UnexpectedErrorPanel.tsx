import './desktop.css'
import { useState } from 'react'
import { describeUnexpected } from './describeUnexpected'
import { copyDiagnostics, currentDiagnostics } from './diagnostics'

/** What went wrong, the diagnostics to report, and the ways out: try again, or reload the window. */
export function UnexpectedErrorPanel({ error, onDismiss }: { error: unknown; onDismiss(): void }) {
  const [copied, setCopied] = useState<boolean | null>(null)
  const message = describeUnexpected(error)
  return (
    <section className="unexpected-error" role="alertdialog" aria-labelledby="unexpected-error-title">
      <h1 id="unexpected-error-title">Something went wrong</h1>
      <p>The studio hit an unexpected error. Your work is saved as you go; reloading the window is safe.</p>
      <pre className="unexpected-error-message">{message}</pre>
      <h2>Diagnostics</h2>
      <pre className="unexpected-error-diagnostics" tabIndex={0} aria-label="Diagnostics">
        {currentDiagnostics()}
      </pre>
      <div className="button-row">
        <button type="button" className="button" onClick={async () => setCopied(await copyDiagnostics())}>
          Copy Diagnostics
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          Try Again
        </button>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          Reload Window
        </button>
        <span role="status" className="muted">
          {copied === true ? 'Diagnostics copied.' : copied === false ? 'The clipboard refused: select the text.' : ''}
        </span>
      </div>
    </section>
  )
}
