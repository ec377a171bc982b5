import { Radio, TriangleAlert } from 'lucide-react'
import { useEffect } from 'react'
import type { ListenerStatus as Status } from '../../shared/model/listenerSettings'
import { useStudio, useStudioStore } from './StudioContext'
import { useListenerCommands } from './useListenerCommands'

/** The webhook listener's address and state in the status bar; a click starts or stops it (kept in the project). */
export function ListenerStatus() {
  const { listener } = useStudio()
  const status = useStudioStore(
    (s) => s.listener,
    (state) => state.status
  )
  const busy = useStudioStore(
    (s) => s.listener,
    (state) => state.busy
  )
  const project = useStudioStore(
    (s) => s.project,
    (state) => state.project
  )
  useEffect(() => {
    void listener.getState().load()
  }, [listener, project?.path])
  useListenerCommands()

  if (!project || !status) return null
  const running = status.state === 'listening' || status.state === 'starting'
  return (
    <button
      type="button"
      className={`status-button listener-${status.state}`}
      data-testid="status-listener"
      disabled={busy || project.readOnly}
      title={[
        describe(status),
        status.message,
        status.warning,
        running ? 'Click to stop listening.' : 'Click to start listening.'
      ]
        .filter(Boolean)
        .join('\n')}
      onClick={() => void listener.getState().toggle()}
    >
      <Radio size={12} /> {label(status)}
      {status.warning && (
        <span className="badge">
          <TriangleAlert size={11} /> not only this machine
        </span>
      )}
    </button>
  )
}

function label(status: Status): string {
  const address =
    status.host === null ? '' : `${status.host.includes(':') ? `[${status.host}]` : status.host}:${status.port}`
  switch (status.state) {
    case 'listening':
      return `Listening on ${address}`
    case 'starting':
      return `Starting listener on ${address}…`
    case 'error':
      return `Listener failed on ${address}`
    case 'off':
      return 'Listener off'
  }
}

function describe(status: Status): string {
  return status.url ? `Webhook listener: senders post to ${status.url}hooks/<integration>` : 'Webhook listener'
}
