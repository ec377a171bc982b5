import Editor from '@monaco-editor/react'
import { Play, Send, ShieldCheck } from 'lucide-react'
import { useState } from 'react'
import type { CaptureDetail } from '../../../shared/model/capture'
import { maxEditedBodyChars } from '../../../shared/model/captureInbox'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { useThemeStore } from '../../app/theme'
import { Dialog } from '../../ui/Dialog'

/** Edits a copy of the capture's body, then replays it through the mapping or sends it: the capture never changes. */
export function EditReplayDialog({ detail, onClose }: { detail: CaptureDetail; onClose(): void }) {
  const { captures } = useStudio()
  const theme = useThemeStore((state) => state.resolved)
  const busy = useStudioStore(
    (s) => s.captures,
    (state) => state.replaying || state.sending
  )
  const [body, setBody] = useState(detail.bodyText ?? '')
  const tooLarge = body.length > maxEditedBodyChars
  const run = async (action: () => Promise<void>) => {
    await action()
    onClose()
  }
  return (
    <Dialog
      title={`Edit and replay capture #${detail.id}`}
      description="Changes apply to this copy only: the stored capture stays exactly as it was received."
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || tooLarge}
            onClick={() => void run(() => captures.getState().resendSelected('original', body))}
          >
            <Send size={14} /> Send edited
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || tooLarge || detail.integrationId === null}
            onClick={() => void run(() => captures.getState().resendSelected('resigned', body))}
          >
            <ShieldCheck size={14} /> Send edited, signed
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || tooLarge}
            onClick={() => void run(() => captures.getState().replaySelected(body))}
          >
            <Play size={14} /> Replay edited
          </button>
        </>
      }
    >
      {detail.bodyText === null && (
        <p className="capture-warning">This body is not UTF-8 text: editing starts from an empty body.</p>
      )}
      {tooLarge && <p className="capture-warning">Keep the edited body under 5 MB.</p>}
      <div className="capture-edit-editor" aria-label="Edited body" role="region">
        <Editor
          height="100%"
          language={detail.bodyKind === 'json' ? 'json' : 'plaintext'}
          value={body}
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          onChange={(value) => setBody(value ?? '')}
          options={{ minimap: { enabled: false }, automaticLayout: true, fontSize: 13, scrollBeyondLastLine: false }}
        />
      </div>
    </Dialog>
  )
}
