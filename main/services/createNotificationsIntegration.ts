import type { Integration } from '../../shared/model/integration'
import { integrationNameProblem } from '../../shared/model/integrationNameProblem'
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
  const existing = integrations.list()
  const takenSlugs = new Set(existing.map((integration) => integration.slug))
  const takenNames = existing.map((integration) => integration.name)
  const slugOf = (n: number) => (n === 1 ? 'capillary-notifications' : `capillary-notifications-${n}`)
  const nameOf = (n: number) => (n === 1 ? 'Capillary notifications' : `Capillary notifications ${n}`)
  // The first free pair: "Capillary notifications" (capillary-notifications), then "… 2" (…-2): names must differ too.
  let suffix = 1
  while (takenSlugs.has(slugOf(suffix)) || integrationNameProblem(nameOf(suffix), takenNames)) suffix += 1
  const integration = integrations.create({
    name: nameOf(suffix),
    slug: slugOf(suffix),
    kind: 'custom',
    sourceAccount: 'INSTORE',
    eventNameField: 'eventName',
    eventNameMap: []
  })
  captures.setCaptureOnly(integration.id, true)
  return integration
}
