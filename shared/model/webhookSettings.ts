import { z } from 'zod'

/**
 * Capillary allows one webhook per transformer type per org (notes §5, SLATE:L4900): the WebEngage transformer and
 * the default (Custom) one. Integrations of one kind share their transformer's webhook.
 */
export const TransformerType = z.enum(['webEngageTransformer', 'defaultTransformer'])
export type TransformerType = z.infer<typeof TransformerType>

/** Webhook auth: none, or `authEnabled` with BASIC or OAUTH (notes §5, DOCS add-webhook). */
export const WebhookAuth = z.enum(['none', 'BASIC', 'OAUTH'])
export type WebhookAuth = z.infer<typeof WebhookAuth>

export const WebhookSettings = z.object({
  transformer: TransformerType,
  /** The till code the webhook is created with (`tillCode*` in the create-webhook body). */
  tillCode: z.string().max(100),
  auth: WebhookAuth,
  /** Irreversible on Capillary once enabled (notes §3, "Enabling uniqueness check"). */
  uniquenessCheckEnabled: z.boolean()
})
export type WebhookSettings = z.infer<typeof WebhookSettings>

/** The webhook whose adapter takes an integration's own payloads (for a Capillary-native mapping). */
export const transformerOf = (kind: 'webengage' | 'custom'): TransformerType =>
  kind === 'webengage' ? 'webEngageTransformer' : 'defaultTransformer'

/**
 * The webhook the relay posts to, whatever the integration: relayed outputs are already Capillary's flat payloads,
 * which the Custom (defaultTransformer) webhook takes as they are (notes §5, §6.3).
 */
export const relayTransformer: TransformerType = 'defaultTransformer'
