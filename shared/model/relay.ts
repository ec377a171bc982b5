import { z } from 'zod'
import { Id } from './ids'

/**
 * An integration's relay: off by default; when on, its captures are mapped and posted to the webhook URI Capillary
 * returned for its transformer (never built by us, notes §5), with the chosen connection profile.
 */
export const RelaySettingsPatch = z
  .object({
    integrationId: Id,
    enabled: z.boolean(),
    /** The connection profile whose org receives the events (its till or OAuth key signs the posts). */
    profileId: Id.nullable()
  })
  .strict()
export type RelaySettingsPatch = z.infer<typeof RelaySettingsPatch>

export interface RelaySettings {
  integrationId: string
  enabled: boolean
  profileId: string | null
  /** The `webHookUri` Capillary answered when the webhook was ensured; null until then. */
  webhookUri: string | null
  updatedAt: string | null
}

/** pending: waiting for its next attempt; delivered: Capillary queued it (1100); dead: gave up; invalid: never sent. */
export const DeliveryStatus = z.enum(['pending', 'delivered', 'dead', 'invalid'])
export type DeliveryStatus = z.infer<typeof DeliveryStatus>

/** One outbox row: one output of one capture, keyed by (capture, output index). */
export interface Delivery {
  /** `<capture id>:<output index>`. */
  id: string
  captureId: string
  outputIndex: number
  integrationId: string | null
  eventName: string
  externalEventId: string
  status: DeliveryStatus
  attempts: number
  /** When the next attempt is due (pending only). */
  nextAttemptAt: string | null
  /** The last answer: HTTP status, or null for a dropped connection or timeout. */
  lastStatus: number | null
  /** What the last answer said (Capillary's message, or why it failed); for dead letters, the reason. */
  lastResponse: string | null
  payload: Record<string, unknown>
  /** Invalid outputs: what the engine found wrong. */
  diagnostics: { severity: string; message: string; attribute?: string }[]
  createdAt: string
  updatedAt: string
  deliveredAt: string | null
}

export const DeliveryId = z.string().regex(/^\d{1,19}:\d{1,6}$/, 'A delivery id is <capture id>:<output index>.')

export const DeliveryQuery = z
  .object({
    statuses: z.array(DeliveryStatus).max(4).optional(),
    integrationId: Id.optional(),
    /** Keyset cursor: the `id` of the last row of the previous page. */
    cursor: DeliveryId.optional(),
    limit: z.number().int().min(1).max(500).default(100)
  })
  .strict()
export type DeliveryQuery = z.infer<typeof DeliveryQuery>

export interface DeliveryPage {
  items: Delivery[]
  nextCursor: string | null
}

/** Deliveries settled per minute (delivered, failed attempts, dead letters), oldest first. */
export interface DeliveryMinute {
  minute: string
  delivered: number
  failed: number
  dead: number
}

export interface RelayOverview {
  counts: Record<DeliveryStatus, number>
  perMinute: DeliveryMinute[]
  /** Integrations with the relay on. */
  relaying: number
  /** Whether the delivery worker runs (a project is open for editing). */
  running: boolean
  /** A slow-down in force (429/502/504 or Retry-After): no post before this time. */
  pausedUntil: string | null
}

/** Which rows a retry or replay concerns: some ids, or every dead letter. */
export const DeliverySelection = z.union([
  z.object({ ids: z.array(DeliveryId).min(1).max(1000) }).strict(),
  z.object({ allDead: z.literal(true) }).strict()
])
export type DeliverySelection = z.infer<typeof DeliverySelection>
