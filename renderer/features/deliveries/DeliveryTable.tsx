import { useState } from 'react'
import type { Delivery } from '../../../shared/model/relay'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { severityLabels } from '../../ui/severityLabels'
import type { DiagnosticSeverity } from '../../../shared/engine/diagnostics'

const time = (iso: string | null) => (iso === null ? '' : new Date(iso).toLocaleTimeString())

/** The outbox rows: what went where, how many attempts, what Capillary last said; retry and replay per row. */
export function DeliveryTable({
  items,
  integrationName
}: {
  items: readonly Delivery[]
  integrationName(id: string | null): string
}) {
  const { deliveries, navigation } = useStudio()
  /** The delivered row the user asked to send again, waiting for the confirmation. */
  const [replaying, setReplaying] = useState<Delivery | null>(null)
  const settings = useStudioStore(
    (s) => s.deliveries,
    (state) => state.settings
  )
  // A relay left on with no connection profile holds its rows: they wait for one, whatever Retry would say.
  const waitsForProfile = (item: Delivery) =>
    item.status === 'pending' &&
    settings.some((entry) => entry.integrationId === item.integrationId && entry.enabled && !entry.profileId)
  // A capture fanned out into several events has one row per output: those rows say which output they are.
  const listed = new Map<string, number>()
  for (const item of items) listed.set(item.captureId, (listed.get(item.captureId) ?? 0) + 1)
  const fannedOut = (item: Delivery) => item.outputIndex > 0 || (listed.get(item.captureId) ?? 0) > 1
  return (
    <>
      {replaying && (
        <Dialog
          title={`Send #${replaying.captureId} to Capillary again?`}
          description={
            'It was delivered. Capillary stores it again, and Loyalty may reward it twice, unless the webhook checks ' +
            "uniqueness and the event's unique-key attributes match the stored one (with the customer and event name)."
          }
          onClose={() => setReplaying(null)}
          footer={
            <>
              <button type="button" className="button" autoFocus onClick={() => setReplaying(null)}>
                Cancel
              </button>
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  void deliveries.getState().replay([replaying.id])
                  setReplaying(null)
                }}
              >
                Send again
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
      <table className="delivery-table">
        <thead>
          <tr>
            <th>Capture</th>
            <th>Integration</th>
            <th>Event</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Next attempt</th>
            <th>Last response</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-status={item.status}>
              <td title={`external_event_id ${item.externalEventId}`}>
                <button
                  type="button"
                  className="link-button"
                  title="Show the capture in the inbox"
                  onClick={() => navigation.getState().open('captures', { id: item.captureId })}
                >
                  #{item.captureId}
                </button>
                {fannedOut(item) && <span className="muted"> · output {item.outputIndex + 1}</span>}
              </td>
              <td>{integrationName(item.integrationId)}</td>
              <td>{item.eventName || '—'}</td>
              <td>
                <span className={`delivery-status status-${item.status}`}>{item.status}</span>
              </td>
              <td>{item.attempts}</td>
              <td>{waitsForProfile(item) ? 'When a connection profile is chosen' : time(item.nextAttemptAt)}</td>
              <td className="delivery-response">
                {item.status === 'invalid' ? (
                  <DiagnosticList diagnostics={item.diagnostics} />
                ) : (
                  [item.lastStatus, item.lastResponse].filter((part) => part !== null).join(' · ')
                )}
              </td>
              <td>
                {(item.status === 'dead' || item.status === 'pending') && !waitsForProfile(item) && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void deliveries.getState().retry([item.id])}
                  >
                    Retry
                  </button>
                )}
                {item.status === 'delivered' && (
                  <button type="button" className="link-button" onClick={() => setReplaying(item)}>
                    Replay
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

const severityOrder: Record<string, number> = { error: 0, warning: 1, info: 2 }

/**
 * Why an output was not sent: what kept it from Capillary (errors) first, one per line, and what was only noted
 * (warnings, info: attributes left out) after it, each with its kind.
 */
function DiagnosticList({ diagnostics }: { diagnostics: Delivery['diagnostics'] }) {
  const sorted = [...diagnostics].sort((a, b) => (severityOrder[a.severity] ?? 3) - (severityOrder[b.severity] ?? 3))
  return (
    <ul className="delivery-diagnostics">
      {sorted.map((diagnostic, index) => (
        <li key={index} className={`delivery-diagnostic-${diagnostic.severity}`}>
          <strong>{severityLabels[diagnostic.severity as DiagnosticSeverity] ?? diagnostic.severity}</strong>{' '}
          {diagnostic.message}
        </li>
      ))}
    </ul>
  )
}
