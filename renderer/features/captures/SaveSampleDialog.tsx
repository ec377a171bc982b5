import { useState } from 'react'
import { useStudio } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'

/** Names the selected capture's body and keeps it in the project as a sample. */
export function SaveSampleDialog({ captureId, onClose }: { captureId: string; onClose(): void }) {
  const { captures, notifications } = useStudio()
  const [name, setName] = useState(`Capture ${captureId}`)
  const problem = name.trim() === '' ? 'Name the sample.' : undefined
  const save = async () => {
    if (problem) return
    if (await captures.getState().saveSample(name.trim())) {
      notifications.getState().notify('info', `Saved as the sample “${name.trim()}”.`)
      onClose()
    }
  }
  return (
    <Dialog
      title="Save as sample"
      description="Keeps this body in the project under a name, to send as a test payload or map against later."
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={!!problem} onClick={() => void save()}>
            Save
          </button>
        </>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <TextField id="sample-name" label="Sample name" value={name} onValue={setName} problem={problem} autoFocus />
      </form>
    </Dialog>
  )
}
