import type { WebhookSettings } from '../../shared/model/webhookSettings'
import type { WebhookInput } from './client/CapillaryClient'
import type { RemoteWebhook } from './client/responses'
import { wireTransformerType } from './wireTransformerType'

export type WebhookUpdate = WebhookInput & { webHookUri: string }

/**
 * The `PUT /v2/events/webhook` that turns on the uniqueness check of the org's webhook when the project asks for it
 * (the user's choice, confirmed: irreversible on Capillary, notes §3) and the org's is off. The webhook keeps its till
 * and auth. Undefined when nothing is to change, or when its auth scheme cannot be told: Capillary's listing does not
 * give it (notes §5) and a PUT without one would make it Basic (DOCS add-webhook default), so the project's settings
 * must name it.
 */
export function uniquenessUpdate(
  existing: RemoteWebhook,
  settings: WebhookSettings,
  profileTillCode: string
): WebhookUpdate | undefined {
  if (!settings.uniquenessCheckEnabled || existing.uniquenessCheckEnabled) return undefined
  const listed = existing.authMechanism?.toUpperCase()
  const mechanism = listed === 'BASIC' || listed === 'OAUTH' ? listed : settings.auth !== 'none' ? settings.auth : null
  if (existing.authEnabled && mechanism === null) return undefined
  return {
    transformerType: wireTransformerType[settings.transformer],
    tillCode: existing.tillCode?.trim() || settings.tillCode.trim() || profileTillCode.trim(),
    authEnabled: existing.authEnabled,
    ...(existing.authEnabled && mechanism !== null ? { authMechanism: mechanism } : {}),
    uniquenessCheckEnabled: true,
    webHookUri: existing.webHookUri
  }
}
