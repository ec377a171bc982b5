import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'

/** What the listener answered to a re-send or a test payload (the new capture shows in the inbox as it lands). */
export function ListenerReplyDialog() {
  const { captures } = useStudio()
  const reply = useStudioStore(
    (s) => s.captures,
    (state) => state.reply
  )
  if (!reply) return null
  const close = () => captures.getState().clearReply()
  const accepted = reply.status >= 200 && reply.status < 300
  return (
    <Dialog
      title={
        accepted ? `Sent: the listener answered ${reply.status}` : `Sent: the listener refused it (${reply.status})`
      }
      description={`POST ${reply.url}`}
      onClose={close}
      footer={
        <button type="button" className="button button-primary" onClick={close} autoFocus>
          Close
        </button>
      }
    >
      {reply.note && <p className="capture-note">{reply.note}</p>}
      <pre className="capture-reply mono" aria-label="Listener answer">
        {reply.body}
      </pre>
      <p className="muted capture-note">It is captured like any request: it is at the top of the inbox.</p>
    </Dialog>
  )
}
