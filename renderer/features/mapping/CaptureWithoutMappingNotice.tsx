import { Inbox, Plus } from 'lucide-react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import type { CaptureWithoutMapping } from './store'

interface CaptureWithoutMappingNoticeProps {
  capture: CaptureWithoutMapping
  onCreate(): void
}

/**
 * Stands in for the designer when the capture the user opened has no mapping to show: its integration has none yet
 * (offered to create it, with this capture under test), or it matched no integration at all.
 */
export function CaptureWithoutMappingNotice({ capture, onCreate }: CaptureWithoutMappingNoticeProps) {
  const { navigation } = useStudio()
  const integration = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations.find((candidate) => candidate.id === capture.integrationId)
  )
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const sourceEvent = capture.sourceEvent === null ? '' : ` (${capture.sourceEvent})`
  const backToInbox = (
    <button
      type="button"
      className="button"
      onClick={() => navigation.getState().open('captures', { id: capture.captureId })}
    >
      <Inbox size={14} /> Back to capture #{capture.captureId}
    </button>
  )

  return (
    <section className="editor-pane" aria-label="Mapping designer">
      <div className="empty-state" data-testid="capture-without-mapping">
        {integration ? (
          <>
            <h2>{integration.name} has no mapping yet</h2>
            <p>
              Capture #{capture.captureId}
              {sourceEvent} came to {capture.path}, but no mapping reads {integration.name}’s payloads.
            </p>
            <p className="muted">
              Create one to design it with this capture as the payload under test, or pick another mapping from the
              list.
            </p>
            <div className="button-row">
              <button type="button" className="button button-primary" disabled={readOnly} onClick={onCreate}>
                <Plus size={14} /> Create a mapping for {integration.name}
              </button>
              {backToInbox}
            </div>
          </>
        ) : (
          <>
            <h2>Capture #{capture.captureId} matched no integration</h2>
            <p>
              It came to {capture.path}
              {sourceEvent}, where no integration listens (or the one that did was deleted), so no mapping can read it.
            </p>
            <p className="muted">
              Add an integration at this path on the Integrations screen, then send the payload again; or pick a mapping
              from the list.
            </p>
            <div className="button-row">
              <button type="button" className="button" onClick={() => navigation.getState().open('integrations')}>
                Go to Integrations
              </button>
              {backToInbox}
            </div>
          </>
        )}
      </div>
    </section>
  )
}
