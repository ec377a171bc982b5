import { useEffect } from 'react'
import type { DeliveryStatus } from '../../../shared/model/relay'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { DeliveryChart } from './DeliveryChart'
import { DeliveryTable } from './DeliveryTable'
import { RelaySwitches } from './RelaySwitches'
import type { StatusFilter } from './store'
import './deliveries.css'

const statuses: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'dead', label: 'Dead letters' },
  { value: 'invalid', label: 'Invalid' }
]

/** The relay at work: counts and a per-minute chart, each integration's relay, and the outbox with retry and replay. */
export function DeliveriesScreen() {
  const { deliveries, profiles } = useStudio()
  const overview = useStudioStore(
    (s) => s.deliveries,
    (state) => state.overview
  )
  const items = useStudioStore(
    (s) => s.deliveries,
    (state) => state.items
  )
  const status = useStudioStore(
    (s) => s.deliveries,
    (state) => state.status
  )
  const integrationId = useStudioStore(
    (s) => s.deliveries,
    (state) => state.integrationId
  )
  const integrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )

  useEffect(() => {
    void deliveries.getState().load()
    void profiles.getState().load()
  }, [deliveries, profiles])

  const counts = overview?.counts
  const integrationName = (id: string | null) =>
    integrations.find((integration) => integration.id === id)?.name ?? '(deleted)'
  return (
    <section className="editor-pane deliveries" aria-label="Deliveries">
      <header className="deliveries-header">
        <h1>Deliveries</h1>
        {counts && (
          <dl className="delivery-counts" aria-label="Delivery counts">
            {(Object.keys(counts) as DeliveryStatus[]).map((key) => (
              <div key={key} className={`status-${key}`}>
                <dt>{key === 'dead' ? 'dead letters' : key}</dt>
                <dd data-testid={`count-${key}`}>{counts[key]}</dd>
              </div>
            ))}
          </dl>
        )}
        {overview && <DeliveryChart minutes={overview.perMinute} />}
      </header>
      {overview?.pausedUntil && (
        <p className="banner" role="status">
          Capillary asked to slow down: no post before {new Date(overview.pausedUntil).toLocaleTimeString()}.
        </p>
      )}
      <RelaySwitches />
      <div className="delivery-filters" role="toolbar" aria-label="Filters">
        <div className="tabs" role="tablist" aria-label="Status">
          {statuses.map((option) => (
            <button
              key={option.value}
              type="button"
              role="tab"
              className="tab"
              aria-selected={status === option.value}
              onClick={() => void deliveries.getState().setStatus(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <select
          className="input"
          aria-label="Integration"
          value={integrationId ?? ''}
          onChange={(event) => void deliveries.getState().setIntegration(event.target.value || null)}
        >
          <option value="">Every integration</option>
          {integrations.map((integration) => (
            <option key={integration.id} value={integration.id}>
              {integration.name}
            </option>
          ))}
        </select>
        {(counts?.dead ?? 0) > 0 && (
          <button type="button" className="button" onClick={() => void deliveries.getState().retry('allDead')}>
            Retry every dead letter
          </button>
        )}
      </div>
      {items.length > 0 ? (
        <DeliveryTable items={items} integrationName={integrationName} />
      ) : (
        <div className="empty-state small">
          <p>{status === 'all' ? 'Nothing relayed yet.' : `No ${status} deliveries.`}</p>
          <p className="muted">
            With the relay on, each capture the listener commits for that integration is mapped and posted to its
            Capillary webhook; every output shows here with its attempts and Capillary&apos;s answers.
          </p>
        </div>
      )}
    </section>
  )
}
