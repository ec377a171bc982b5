import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { httpStatusText, readListenerReply } from './readListenerReply'

/**
 * What the listener answered to a re-send or a test payload, read for a person (status, the capture it made, why
 * it refused), with its raw answer a click away. The new capture shows in the inbox as it lands.
 */
export function ListenerReplyDialog() {
  const { captures } = useStudio()
  const reply = useStudioStore(
    (s) => s.captures,
    (state) => state.reply
  )
  if (!reply) return null
  const close = () => captures.getState().clearReply()
  const accepted = reply.status >= 200 && reply.status < 300
  const read = readListenerReply(reply.body)
  const show = (id: string) => {
    close()
    void captures.getState().select(id)
  }
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
      <dl className="capture-reply-facts">
        <dt>HTTP status</dt>
        <dd>{httpStatusText(reply.status)}</dd>
        {read?.captureId && (
          <>
            <dt>Capture</dt>
            <dd>
              <button
                type="button"
                className="link-button"
                title="Show this capture in the inbox"
                onClick={() => read.captureId && show(read.captureId)}
              >
                #{read.captureId}
              </button>
            </dd>
          </>
        )}
        {read?.error && (
          <>
            <dt>Refused because</dt>
            <dd className="capture-reply-error">
              {read.error.message}
              {read.error.code && <span className="muted mono"> ({read.error.code})</span>}
            </dd>
          </>
        )}
        {read?.message && (
          <>
            <dt>Listener says</dt>
            <dd>{read.message}</dd>
          </>
        )}
      </dl>
      <details className="capture-reply-raw" open={read === null}>
        <summary>Raw reply</summary>
        <pre className="capture-reply mono" aria-label="Raw listener answer">
          {reply.body}
        </pre>
      </details>
      <p className="muted capture-note">
        {read?.captureId
          ? `It is captured like any request: capture #${read.captureId} is at the top of the inbox.`
          : 'It is captured like any request: it is at the top of the inbox.'}
      </p>
    </Dialog>
  )
}
