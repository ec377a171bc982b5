import { Inbox, Plus } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { plural } from '../../ui/plural'
import type { CaptureWithoutMapping } from './store'

interface CaptureWithoutMappingNoticeProps {
  capture: CaptureWithoutMapping
  onCreate(): void
}

/**
 * Whether an integration only captures (Capillary's own Event Notifications: never mapped, nothing relayed); null
 * while the answer is on its way. Should the question fail, the integration is taken as any other.
 */
function useCapturesOnly(integrationId: string | null): boolean | null {
  const { api } = useStudio()
  const [answer, setAnswer] = useState<{ integrationId: string; capturesOnly: boolean } | null>(null)
  useEffect(() => {
    if (integrationId === null) return
    let current = true
    void api.listCaptureOnlyIntegrations().then((result) => {
      if (current) setAnswer({ integrationId, capturesOnly: result.ok && result.value.includes(integrationId) })
    })
    return () => {
      current = false
    }
  }, [api, integrationId])
  if (integrationId === null) return false
  return answer?.integrationId === integrationId ? answer.capturesOnly : null
}

/** "the 1 mapping of Shop reads", "the 2 mappings of Shop read". */
const mappingsOf = (integrationName: string, count: number) =>
  `the ${plural(count, 'mapping')} of ${integrationName} ${count === 1 ? 'reads' : 'read'}`

/**
 * Stands in for the designer when the capture the user opened has no mapping to show: its integration has none yet,
 * or none for the capture's source event (offered to create it, with this capture under test), its integration only
 * captures (never mapped: nothing to create), or it matched no integration at all.
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
  const capturesOnly = useCapturesOnly(capture.integrationId)
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

  // Offering to create a mapping, then taking it back once the answer comes, would move a button under the pointer.
  if (integration && capturesOnly === null) {
    return <section className="editor-pane" aria-label="Mapping designer" aria-busy="true" />
  }
  return (
    <section className="editor-pane" aria-label="Mapping designer">
      <div className="empty-state" data-testid="capture-without-mapping">
        {integration && capturesOnly ? (
          <>
            <h2>{integration.name} only captures</h2>
            <p>
              Capture #{capture.captureId}
              {sourceEvent} came to {capture.path}. {integration.name} is capture-only: it watches Capillary’s own Event
              Notifications in the Inbox, so it is never mapped and nothing it receives is relayed to Capillary.
            </p>
            <p className="muted">
              There is no mapping to create for it: read its captures in the Inbox, or pick a mapping from the list.
            </p>
            <div className="button-row">{backToInbox}</div>
          </>
        ) : integration ? (
          <>
            {capture.otherMappings > 0 ? (
              <>
                <h2>
                  No mapping of {integration.name} reads {capture.sourceEvent ?? 'this capture'}
                </h2>
                <p>
                  {capture.sourceEvent === null
                    ? `Capture #${capture.captureId} came to ${capture.path} with no source event name at ${integration.eventNameField}; ${mappingsOf(integration.name, capture.otherMappings)} named source events only.`
                    : `Capture #${capture.captureId} (${capture.sourceEvent}) came to ${capture.path}; ${mappingsOf(integration.name, capture.otherMappings)} other source events.`}
                </p>
              </>
            ) : (
              <>
                <h2>{integration.name} has no mapping yet</h2>
                <p>
                  Capture #{capture.captureId}
                  {sourceEvent} came to {capture.path}, but no mapping reads {integration.name}’s payloads.
                </p>
              </>
            )}
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
