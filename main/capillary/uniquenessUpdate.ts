import type { WebhookSettings } from '../../shared/model/webhookSettings'
import type { WebhookInput } from './client/CapillaryClient'
import { listedAuthScheme, type RemoteWebhook } from './client/responses'
import { wireTransformerType } from './wireTransformerType'

export type WebhookUpdate = WebhookInput & { webHookUri: string }

/**
 * The `PUT /v2/events/webhook` that turns on the uniqueness check of the org's webhook when the project asks for it
 * (the user's choice, confirmed: irreversible on Capillary, notes §3) and the org's is off. The webhook keeps its till
 * and auth. Undefined when nothing is to change, or when its auth is on and Capillary does not say its scheme (its
 * listing does not, notes §5): the PUT must name one (a missing one makes it Basic, DOCS add-webhook), and a guess
 * would lock out every sender of the other scheme. See `uniquenessLeftOff`.
 */
export function uniquenessUpdate(
  existing: RemoteWebhook,
  settings: WebhookSettings,
  profileTillCode: string
): WebhookUpdate | undefined {
  if (!settings.uniquenessCheckEnabled || existing.uniquenessCheckEnabled) return undefined
  const mechanism = listedAuthScheme(existing)
  if (existing.authEnabled && mechanism === undefined) return undefined
  return {
    transformerType: wireTransformerType[settings.transformer],
    tillCode: existing.tillCode?.trim() || settings.tillCode.trim() || profileTillCode.trim(),
    authEnabled: existing.authEnabled,
    ...(mechanism !== undefined ? { authMechanism: mechanism } : {}),
    uniquenessCheckEnabled: true,
    webHookUri: existing.webHookUri
  }
}

/** Why the org's webhook keeps its uniqueness check off though the project asks for it, or undefined when it does not. */
export function uniquenessLeftOff(existing: RemoteWebhook, settings: WebhookSettings): string | undefined {
  if (!settings.uniquenessCheckEnabled || existing.uniquenessCheckEnabled) return undefined
  if (uniquenessUpdate(existing, settings, '') !== undefined) return undefined
  return (
    `The project asks the org's ${settings.transformer} webhook to check uniqueness and it does not yet, but its auth ` +
    "is on and Capillary's listing does not say which scheme: the studio leaves it as it is, since a guess would " +
    'lock out the senders of the other one. Turn the check on with PUT /v2/events/webhook naming its scheme ' +
    '(API only, irreversible).'
  )
}
