import type { Delivery } from '../../../shared/model/relay'
import { useStudio } from '../../app/StudioContext'

const time = (iso: string | null) => (iso === null ? '' : new Date(iso).toLocaleTimeString())

/** The outbox rows: what went where, how many attempts, what Capillary last said; retry and replay per row. */
export function DeliveryTable({
  items,
  integrationName
}: {
  items: readonly Delivery[]
  integrationName(id: string | null): string
}) {
  const { deliveries } = useStudio()
  return (
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
            <td className="mono" title={`external_event_id ${item.externalEventId}`}>
              {item.id}
            </td>
            <td>{integrationName(item.integrationId)}</td>
            <td>{item.eventName || '—'}</td>
            <td>
              <span className={`delivery-status status-${item.status}`}>{item.status}</span>
            </td>
            <td>{item.attempts}</td>
            <td>{time(item.nextAttemptAt)}</td>
            <td className="delivery-response">
              {item.status === 'invalid'
                ? item.diagnostics.map((diagnostic) => diagnostic.message).join(' ')
                : [item.lastStatus, item.lastResponse].filter((part) => part !== null).join(' · ')}
            </td>
            <td>
              {(item.status === 'dead' || item.status === 'pending') && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void deliveries.getState().retry([item.id])}
                >
                  Retry
                </button>
              )}
              {item.status === 'delivered' && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void deliveries.getState().replay([item.id])}
                >
                  Replay
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
