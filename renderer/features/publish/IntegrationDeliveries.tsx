import type { IntegrationDelivery } from '../../../shared/model/publish'

const transformerLabels: Record<IntegrationDelivery['transformer'], string> = {
  webEngageTransformer: 'WebEngage transformer',
  defaultTransformer: 'Custom (defaultTransformer)'
}

/** How each mapped integration's events will reach Capillary, and the webhook each needs. */
export function IntegrationDeliveries({ eventName, items }: { eventName: string; items: IntegrationDelivery[] }) {
  if (items.length === 0) return <p className="muted">No integration is mapped onto {eventName}.</p>
  return (
    <table className="table">
      <caption className="publish-sr-only">Integration deliveries of {eventName}</caption>
      <thead>
        <tr>
          <th scope="col">Integration</th>
          <th scope="col">Delivery</th>
          <th scope="col">Webhook</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.mappingId}>
            <th scope="row">{item.integrationName}</th>
            <td>
              {item.delivery === 'adapter_mapping' ? (
                <span className="chip chip-ok">Capillary’s adapter mapping</span>
              ) : (
                <>
                  <span className="chip chip-draft">Relayed by the studio</span>
                  {item.reasons.length > 0 && (
                    <ul className="delivery-reasons">
                      {item.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </td>
            <td>
              <div>{transformerLabels[item.transformer]}</div>
              <div className="muted">
                {item.webhook.exists ? (
                  <span className="mono">{item.webhook.webHookUri}</span>
                ) : (
                  'Created by the publish'
                )}
                {' · '}till <span className="mono">{item.webhook.tillCode || '—'}</span>, auth {item.webhook.auth}
                {item.webhook.authAssumed && ' (assumed: Capillary does not list it)'}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
