import type { Integration } from '../../shared/model/integration'
import type { CaptureService } from './CaptureService'
import type { IntegrationService } from './IntegrationService'

/**
 * A capture-only integration for Capillary's own Event Notifications (customerAdded, transactionAdded,
 * pointsIssued...), so a consultant can watch what Capillary sends back after publishing: never mapped, never
 * relayed. Capillary posts them as JSON (docs.capillarytech.com, "Configure Event Notification").
 */
export function createNotificationsIntegration(
  integrations: IntegrationService,
  captures: CaptureService
): Integration {
  const taken = new Set(integrations.list().map((integration) => integration.slug))
  let slug = 'capillary-notifications'
  for (let suffix = 2; taken.has(slug); suffix += 1) slug = `capillary-notifications-${suffix}`
  const integration = integrations.create({
    name: slug === 'capillary-notifications' ? 'Capillary notifications' : `Capillary notifications ${slug.slice(24)}`,
    slug,
    kind: 'custom',
    sourceAccount: 'INSTORE',
    eventNameField: 'eventName',
    eventNameMap: []
  })
  captures.setCaptureOnly(integration.id, true)
  return integration
}
