import { listedAuthScheme } from '../capillary/client/responses'
import type { WebhookAuth } from '../../shared/model/webhookSettings'

/**
 * The auth an org's webhook takes. Capillary's listing says whether auth is on but not its scheme (notes §5, Get Org
 * Webhooks): a scheme it does give is taken; else the project's webhook settings' scheme, else the profile's own,
 * which a refusal of the test post would then correct.
 */
export function authOfExisting(
  existing: { authEnabled: boolean; authMechanism?: string | undefined },
  settingsAuth: WebhookAuth | undefined,
  scheme: 'basic' | 'oauth'
): WebhookAuth {
  if (!existing.authEnabled) return 'none'
  const listed = listedAuthScheme(existing)
  if (listed) return listed
  if (settingsAuth !== undefined && settingsAuth !== 'none') return settingsAuth
  return scheme === 'oauth' ? 'OAUTH' : 'BASIC'
}
