import type { WebhookSettings } from '../../shared/model/webhookSettings'
import { StudioError } from '../errors/StudioError'
import type { CapillaryClient } from './client/CapillaryClient'
import { uniquenessUpdate } from './uniquenessUpdate'
import { wireTransformerType } from './wireTransformerType'

/**
 * The org's webhook for a transformer, created with the project's webhook settings when the org has none yet (one
 * per transformer per org, notes §5), its uniqueness check turned on when the project asks for it (see
 * uniquenessUpdate). Answers the `webHookUri` Capillary gave: never built by us (notes §5).
 */
export async function ensureWebhook(
  client: CapillaryClient,
  settings: WebhookSettings,
  /** The profile's till, used when the project's webhook settings name none. */
  profileTillCode: string
): Promise<string> {
  const wanted = wireTransformerType[settings.transformer].toLowerCase()
  const existing = (await client.listWebhooks()).find((webhook) => webhook.transformerType.toLowerCase() === wanted)
  if (existing) {
    const update = uniquenessUpdate(existing, settings, profileTillCode)
    if (update) await client.updateWebhook(update)
    return existing.webHookUri
  }
  // tillCode is required by the create-webhook body (DOCS add-webhook).
  const tillCode = settings.tillCode.trim() || profileTillCode.trim()
  if (tillCode === '') {
    throw new StudioError(
      'invalid_input',
      'Capillary needs a till code to create the webhook: set one in the integration webhook settings.'
    )
  }
  const created = await client.createWebhook({
    transformerType: wireTransformerType[settings.transformer],
    tillCode,
    authEnabled: settings.auth !== 'none',
    ...(settings.auth !== 'none' ? { authMechanism: settings.auth } : {}),
    uniquenessCheckEnabled: settings.uniquenessCheckEnabled
  })
  return created.webHookUri
}
