import Editor, { type OnMount } from '@monaco-editor/react'
import { Play, Send, ShieldCheck } from 'lucide-react'
import { useEffect, useState } from 'react'
import type { editor as MonacoEditor } from 'monaco-editor/editor'
import { maxEditedBodyChars, type CaptureView } from '../../../shared/model/captureInbox'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { useThemeStore } from '../../app/theme'
import { Dialog } from '../../ui/Dialog'
import { editorHost } from '../../editor/editorHost'
import { escapeThenTabHint, letEscapeThenTabLeave } from '../../editor/escapeThenTab'
import { whyNotSigned } from './whyNotSigned'

const editHintId = 'capture-edit-hint'

/** Ties the editor to its hint: Monaco has no option for a description, so it goes on its text box (role textbox). */
const onEditorMount: OnMount = (editor) => {
  letEscapeThenTabLeave(editor as unknown as MonacoEditor.ICodeEditor)
  editor.getDomNode()?.querySelector('[role="textbox"]')?.setAttribute('aria-describedby', editHintId)
}

/** Edits a copy of the capture's body, then replays it through the mapping or sends it: the capture never changes. */
export function EditReplayDialog({ detail, onClose }: { detail: CaptureView; onClose(): void }) {
  const { captures } = useStudio()
  const theme = useThemeStore((state) => state.resolved)
  const busy = useStudioStore(
    (s) => s.captures,
    (state) => state.replaying || state.sending
  )
  // The view holds only the start of a large body: the copy to edit is the whole of it.
  const [body, setBody] = useState<string | null>(null)
  const [isText, setIsText] = useState(true)
  const unsigned = whyNotSigned(detail)
  useEffect(() => {
    let current = true
    void captures
      .getState()
      .fullBody()
      .then((full) => {
        if (!current || !full) return
        // The content (its gzip or br coding removed): an edited body is sent as plain text.
        setIsText(full.contentText !== null)
        setBody(full.contentText ?? '')
      })
    return () => {
      current = false
    }
  }, [captures])
  const tooLarge = (body?.length ?? 0) > maxEditedBodyChars
  const ready = body !== null
  const run = async (action: (edited: string) => Promise<void>) => {
    if (body === null) return
    await action(body)
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
            disabled={busy || tooLarge || !ready}
            onClick={() => void run((edited) => captures.getState().resendSelected('original', edited))}
          >
            <Send size={14} /> Send edited
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || tooLarge || !ready || unsigned !== null}
            title={unsigned === null ? undefined : `Unavailable: ${unsigned}`}
            onClick={() => void run((edited) => captures.getState().resendSelected('resigned', edited))}
          >
            <ShieldCheck size={14} /> Send edited, signed
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || tooLarge || !ready}
            onClick={() => void run((edited) => captures.getState().replaySelected(edited))}
          >
            <Play size={14} /> Replay edited
          </button>
        </>
      }
    >
      {!isText && <p className="capture-warning">This body is not UTF-8 text: editing starts from an empty body.</p>}
      {tooLarge && <p className="capture-warning">Keep the edited body under 5 MB.</p>}
      {/* A whole body, edited as a document: Tab indents here, and Escape then Tab (or Ctrl+M) moves on. */}
      <div className={`capture-edit-editor ${editorHost}`} aria-label="Edited body" role="region">
        <Editor
          height="100%"
          language={detail.bodyKind === 'json' ? 'json' : 'plaintext'}
          value={body ?? ''}
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          onMount={onEditorMount}
          onChange={(value) => setBody(value ?? '')}
          options={{
            minimap: { enabled: false },
            automaticLayout: true,
            fontSize: 13,
            scrollBeyondLastLine: false,
            ariaLabel: 'Edited body'
          }}
        />
      </div>
      <p className="muted capture-edit-hint" id={editHintId}>
        {escapeThenTabHint}
      </p>
    </Dialog>
  )
}
