import { definitionRequests } from '../../shared/capillary/definitionRequest'
import type { AdapterMappingBody } from '../../shared/engine/capillaryNativeMapping'
import type { EventDraft } from '../../shared/model/event'
import type { PublishAction, PublishRequestPreview } from '../../shared/model/publish'
import type { TransformerType, WebhookSettings } from '../../shared/model/webhookSettings'
import { maskedValue, maskHeaders } from '../listener/maskCredentials'
import type { WebhookUpdate } from '../capillary/uniquenessUpdate'
import { wireTransformerType } from '../capillary/wireTransformerType'

/** The headers every call carries (notes §8), the credential masked: `Basic [masked]` or the OAuth token masked. */
export function maskedHeaders(scheme: 'basic' | 'oauth'): Record<string, string> {
  const credential: [string, string] =
    scheme === 'basic' ? ['Authorization', 'Basic c2VjcmV0'] : ['X-CAP-API-OAUTH-TOKEN', 'token']
  const masked = maskHeaders([['Content-Type', 'application/json'], ['Accept', 'application/json'], credential])
  return Object.fromEntries(masked)
}

/** The definition calls for an action (shared/capillary's definitionRequests), as previews. */
export function definitionPreviews(
  draft: EventDraft,
  action: PublishAction,
  scheme: 'basic' | 'oauth'
): PublishRequestPreview[] {
  if (action === 'none') return []
  const mode = action === 'replace' ? 'replace' : 'create'
  // Each note says the rule itself: users cannot look up our notes (§4: create and replace; §2: standard events).
  const notes: Record<string, string> = {
    'POST /v2/events': 'Creates the custom event: Capillary refuses a name the org already has.',
    'PUT /v2/events': 'Replaces the whole definition: fields not sent are removed.',
    'POST /v2/events/standard_events/enable':
      'Enables the standard event: Capillary defines its fields, so it is enabled once per org, not created.'
  }
  return definitionRequests(draft, { mode }).map((request) => ({
    step: 'definition',
    method: request.method,
    path: request.path,
    query: request.query ?? {},
    headers: maskedHeaders(scheme),
    body: request.body ?? null,
    note: notes[`${request.method} ${request.path}`] ?? ''
  }))
}

/** `POST /v2/events/webhook` for a transformer the org has no webhook for (DOCS add-webhook; notes §5). */
export function webhookPreview(
  settings: WebhookSettings,
  tillCode: string,
  scheme: 'basic' | 'oauth'
): PublishRequestPreview {
  return {
    step: 'webhook',
    method: 'POST',
    path: '/v2/events/webhook',
    query: {},
    headers: maskedHeaders(scheme),
    body: {
      transformerType: wireTransformerType[settings.transformer],
      tillCode: settings.tillCode.trim() || tillCode,
      authEnabled: settings.auth !== 'none',
      ...(settings.auth !== 'none' ? { authMechanism: settings.auth } : {}),
      uniquenessCheckEnabled: settings.uniquenessCheckEnabled
    },
    note: `The org has no ${settings.transformer} webhook yet: it is created, and the webHookUri it answers is kept.`
  }
}

/** `PUT /v2/events/webhook` turning the org's webhook's uniqueness check on, as the project asks (notes §3). */
export function uniquenessUpdatePreview(update: WebhookUpdate, scheme: 'basic' | 'oauth'): PublishRequestPreview {
  return {
    step: 'webhook',
    method: 'PUT',
    path: '/v2/events/webhook',
    query: {},
    headers: maskedHeaders(scheme),
    body: { ...update },
    note: `The org's ${update.transformerType} webhook checks no uniqueness yet: the project asks for it, so it is turned on (for good, on Capillary).`
  }
}

export function adapterMappingPreview(body: AdapterMappingBody, scheme: 'basic' | 'oauth'): PublishRequestPreview {
  return {
    step: 'adapter_mapping',
    method: 'POST',
    path: '/v2/events/adapter_mapping',
    query: {},
    headers: maskedHeaders(scheme),
    body,
    // Notes §6.1: where Capillary's adapter can do the mapping, the studio does not relay.
    note: "Capillary's own adapter maps this integration's payloads: the studio does not relay them."
  }
}

// Keys that carry credentials, whatever their spelling (as the listener masks headers and queries).
const credentialKey = /secret|token|passw|api[-_]?key|authorization|signature/i

/** A body as the preview shows it: values under credential-like keys masked, at any depth. */
export function maskBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskBody)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [key, credentialKey.test(key) ? maskedValue : maskBody(entry)])
  )
}

/** The test post: to the webhook's URI as Capillary gave it, or a placeholder while it does not exist yet. */
export function testPostPreview(
  transformer: TransformerType,
  webHookUri: string | null,
  payload: unknown,
  scheme: 'basic' | 'oauth',
  note: string
): PublishRequestPreview {
  return {
    step: 'test_post',
    method: 'POST',
    path: webHookUri ?? `{webHookUri of the ${transformer} webhook}`,
    query: {},
    headers: maskedHeaders(scheme),
    body: maskBody(payload),
    note
  }
}

export function logsPreview(eventName: string, scheme: 'basic' | 'oauth'): PublishRequestPreview {
  return {
    step: 'logs',
    method: 'GET',
    path: '/v2/events/logs',
    query: { event_name: eventName, from_date: '{time of the test post}', limit: '50' },
    headers: maskedHeaders(scheme),
    body: null,
    // Notes §7.1: the statuses seen in Capillary's logs.
    note: "Polled until Capillary's logs show the test post as EVENT_SUCCESS or as a failure status."
  }
}
