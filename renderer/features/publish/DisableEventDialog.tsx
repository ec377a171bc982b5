import { useState } from 'react'
import { Dialog } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'

interface DisableEventDialogProps {
  eventName: string
  profileName: string
  busy: boolean
  onConfirm(confirmName: string): void
  onCancel(): void
}

/**
 * Disabling an event on Capillary cannot be undone, so the user types its name to confirm (the way GitHub asks
 * before deleting a repository); the safe choice keeps the focus until then.
 */
export function DisableEventDialog({ eventName, profileName, busy, onConfirm, onCancel }: DisableEventDialogProps) {
  const [typed, setTyped] = useState('')
  const matches = typed === eventName
  return (
    <Dialog
      title={`Disable ${eventName} on ${profileName}?`}
      description="This cannot be undone: Capillary offers no way to enable a disabled event again."
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={!matches || busy}
            onClick={() => onConfirm(typed)}
          >
            {busy ? 'Disabling…' : 'Disable on Capillary'}
          </button>
        </>
      }
    >
      <form
        className="publish-dialog-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (matches && !busy) onConfirm(typed)
        }}
      >
        <ul className="publish-consequences">
          <li>The org stops accepting {eventName}: posts to it fail from then on.</li>
          <li>It frees one of the org’s 10 active custom-event slots.</li>
          <li>The event stays in this project; to publish it again, make a new version with another name.</li>
        </ul>
        <TextField
          id="disable-confirm-name"
          label={
            <>
              Type <span className="mono">{eventName}</span> to confirm
            </>
          }
          value={typed}
          onValue={setTyped}
          autoFocus
          autoComplete="off"
          spellCheck={false}
        />
      </form>
    </Dialog>
  )
}
