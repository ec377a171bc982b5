import { useState } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { SelectField } from '../../ui/SelectField'
import type { CaptureWithoutMapping } from './store'

interface NewMappingDialogProps {
  /** A capture no mapping reads yet: its integration, and the event its source event means, come chosen. */
  forCapture?: CaptureWithoutMapping | null
  onClose(): void
}

/**
 * Picks the integration and the event of a new mapping (one mapping per pair: an existing one is opened). Made for
 * a capture, the mapping opens with that capture under test, as long as it stays on the capture's integration.
 */
export function NewMappingDialog({ forCapture = null, onClose }: NewMappingDialogProps) {
  const { mapping } = useStudio()
  const integrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  const events = useStudioStore(
    (s) => s.events,
    (state) => state.events
  )
  const mappings = useStudioStore(
    (s) => s.mapping,
    (state) => state.mappings
  )
  const captureIntegration = integrations.find((candidate) => candidate.id === forCapture?.integrationId)
  // The event that the integration's event-name map (Capillary's valueMap) gives the capture's source event.
  const meantEventName = captureIntegration?.eventNameMap.find(
    (entry) => entry.sourceName === forCapture?.sourceEvent
  )?.eventName
  const meantEvent = events.find((candidate) => candidate.name === meantEventName)
  const [integrationId, setIntegrationId] = useState(captureIntegration?.id ?? integrations[0]?.id ?? '')
  const [eventId, setEventId] = useState(meantEvent?.id ?? events[0]?.id ?? '')
  const existing = mappings.find(
    (candidate) => candidate.integrationId === integrationId && candidate.eventId === eventId
  )
  const underTest = forCapture?.integrationId === integrationId ? { captureId: forCapture.captureId } : {}

  const submit = async () => {
    if (existing) await mapping.getState().select(existing.id, underTest)
    else if (integrationId && eventId) await mapping.getState().create(integrationId, eventId, underTest)
    onClose()
  }

  return (
    <Dialog
      title="New mapping"
      description={
        forCapture
          ? `Which integration's payloads, onto which event of this project. Capture #${forCapture.captureId} will be the payload under test.`
          : "Which integration's payloads, onto which event of this project."
      }
      onClose={onClose}
      footer={
        <div className="button-row">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!integrationId || !eventId}
            onClick={() => void submit()}
          >
            {existing ? 'Open mapping' : 'Create mapping'}
          </button>
        </div>
      }
    >
      {integrations.length === 0 || events.length === 0 ? (
        <p className="muted">A mapping needs an integration and an event: add them on their screens first.</p>
      ) : (
        // Both fields come chosen: Enter on either creates (or opens) the mapping, rather than opening the list.
        <div
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || !integrationId || !eventId) return
            event.preventDefault()
            void submit()
          }}
        >
          <SelectField
            label="Integration"
            value={integrationId}
            options={integrations.map((integration) => ({ value: integration.id, label: integration.name }))}
            onChange={setIntegrationId}
          />
          <SelectField
            label="Event"
            value={eventId}
            options={events.map((event) => ({ value: event.id, label: event.name }))}
            onChange={setEventId}
          />
          {existing && <p className="muted">This pair already has a mapping: it will be opened.</p>}
        </div>
      )}
    </Dialog>
  )
}
