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

export const transformerOf = (kind: 'webengage' | 'custom'): TransformerType =>
  kind === 'webengage' ? 'webEngageTransformer' : 'defaultTransformer'
