import { useState } from 'react'
import { checkEventName } from '../../../shared/capillary/checkEventName'
import { Dialog } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'

interface NewVersionDialogProps {
  eventName: string
  /** Every event name of the project, the published one included. */
  projectEventNames: readonly string[]
  busy: boolean
  onConfirm(name: string): void
  onCancel(): void
}

/** "event_v2" for "event", "event_v3" for "event_v2". */
export function nextVersionName(name: string, taken: readonly string[]): string {
  const match = /^(.*)_v(\d+)$/.exec(name)
  const base = match?.[1] ?? name
  let version = match?.[2] ? Number(match[2]) + 1 : 2
  while (taken.includes(`${base}_v${version}`)) version += 1
  return `${base}_v${version}`
}

/** A published event cannot change on Capillary: a new version is a new event name, its mappings moved to it. */
export function NewVersionDialog({ eventName, projectEventNames, busy, onConfirm, onCancel }: NewVersionDialogProps) {
  const [name, setName] = useState(() => nextVersionName(eventName, projectEventNames))
  const problem = checkEventName(name, projectEventNames).find((issue) => issue.severity === 'error')?.message
  const submit = () => {
    if (!problem && !busy) onConfirm(name)
  }
  return (
    <Dialog
      title={`New version of ${eventName}`}
      description={`Capillary locks a published event, so a change is a new event. Its mappings and test cases move to the new name; ${eventName} stays published as it is.`}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={Boolean(problem) || busy} onClick={submit}>
            {busy ? 'Creating…' : 'Create new version'}
          </button>
        </>
      }
    >
      <form
        className="publish-dialog-form"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <TextField
          id="new-version-name"
          label="New event name"
          value={name}
          onValue={setName}
          problem={problem}
          autoFocus
          spellCheck={false}
          autoComplete="off"
        />
      </form>
    </Dialog>
  )
}
