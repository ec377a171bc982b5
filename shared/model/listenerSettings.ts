import { z } from 'zod'
import { Id } from './ids'

/** The first port a project's listener tries when it has none yet (the next free one is taken if it is busy). */
export const defaultListenerPort = 4890
export const defaultBodyLimitBytes = 5 * 1024 * 1024
/** The largest body limit a listener may be given: also the largest payload `capmap transform` reads. */
export const maxBodyLimitBytes = 100 * 1024 * 1024
export const loopbackHost = '127.0.0.1'

/** An IP literal (v4 or v6) or `localhost`; main checks it further before binding. */
const ListenHost = z
  .string()
  .trim()
  .regex(/^(localhost|[0-9.]+|[0-9a-fA-F:.]+)$/, 'Give an IP address such as 127.0.0.1 (or localhost).')
  .max(64)

/** The project's listener: stored in the project so a sender's configuration keeps working after a reopen. */
export const ListenerSettings = z.object({
  /** Listening is on: the listener starts whenever the project opens. */
  enabled: z.boolean(),
  /** 127.0.0.1 unless the user opts into another interface (shown with a warning). */
  host: ListenHost,
  /** Null until first chosen (the default port, or the next free one). */
  port: z.number().int().min(1).max(65535).nullable(),
  bodyLimitBytes: z.number().int().min(1024).max(maxBodyLimitBytes)
})
export type ListenerSettings = z.infer<typeof ListenerSettings>

export const defaultListenerSettings: ListenerSettings = {
  enabled: true,
  host: loopbackHost,
  port: null,
  bodyLimitBytes: defaultBodyLimitBytes
}

export const ListenerSettingsPatch = ListenerSettings.partial().strict()
export type ListenerSettingsPatch = z.infer<typeof ListenerSettingsPatch>

const HeaderName = z
  .string()
  .trim()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'Give an HTTP header name such as X-Signature.')
  .max(100)

/**
 * How an integration's requests are verified, optionally (issue 5): WebEngage's `secret` query parameter (MD5 of
 * `licenseCode:key`, Capillary notes §10), an HMAC-SHA256 of the body in a header, or Standard Webhooks
 * (webhook-id, webhook-timestamp, webhook-signature; https://www.standardwebhooks.com).
 */
export const Verification = z.discriminatedUnion('scheme', [
  z.object({ scheme: z.literal('none') }).strict(),
  z
    .object({
      scheme: z.literal('webengage'),
      /** When set, the `licenseCode` query parameter must be this one. */
      licenseCode: z.string().trim().max(100).optional()
    })
    .strict(),
  z
    .object({
      scheme: z.literal('hmac-sha256'),
      header: HeaderName,
      encoding: z.enum(['hex', 'base64']),
      /** Text before the signature in the header, such as `sha256=`. */
      prefix: z.string().max(30).default('')
    })
    .strict(),
  z
    .object({
      scheme: z.literal('standard-webhooks'),
      /** How far webhook-timestamp may be from this machine's clock, either way. */
      toleranceSeconds: z.number().int().min(1).max(86_400).default(300)
    })
    .strict()
])
export type Verification = z.infer<typeof Verification>

/**
 * Redaction of what is stored, per integration, off by default: values at given paths (`customer.email`,
 * `items.*.card`), values under sensitive key names, and values shaped like emails, phone numbers or card numbers.
 */
export const Redaction = z
  .object({
    enabled: z.boolean(),
    paths: z.array(z.string().trim().min(1).max(200)).max(100),
    keyNames: z.array(z.string().trim().min(1).max(100)).max(100),
    emails: z.boolean(),
    phoneNumbers: z.boolean(),
    cardNumbers: z.boolean()
  })
  .strict()
export type Redaction = z.infer<typeof Redaction>

export const defaultRedaction: Redaction = {
  enabled: false,
  paths: [],
  keyNames: ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'authorization', 'otp', 'pin', 'cvv'],
  emails: true,
  phoneNumbers: true,
  cardNumbers: true
}

/** How long captures are kept, user-set: all (until deleted), the newest N, or those of the last N days. */
export const Retention = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z
    .object({
      kind: z.literal('count'),
      count: z.number().int().min(1).max(10_000_000)
    })
    .strict(),
  z
    .object({
      kind: z.literal('days'),
      days: z.number().int().min(1).max(3650)
    })
    .strict()
])
export type Retention = z.infer<typeof Retention>

export const keepAll: Retention = { kind: 'all' }

/** Where a signing secret comes from in this studio; the secret itself never leaves main. */
export type SecretSource = 'environment' | 'memory' | 'encrypted'

export interface IntegrationCaptureSettings {
  integrationId: string
  slug: string
  name: string
  /** The listener path that belongs to it. */
  path: string
  verification: Verification
  redaction: Redaction
  retention: Retention
  secret: {
    /** Where it is, if this studio has it. */
    source: SecretSource | null
    /** The environment variable that supplies it in web mode and the CLI. */
    environmentVariable: string
  }
}

export interface ListenerSettingsView {
  listener: ListenerSettings
  /** Retention of the captures no integration matched. */
  unmatchedRetention: Retention
  integrations: IntegrationCaptureSettings[]
  /** Where this studio keeps secrets: Electron's safeStorage (the app) or the environment and memory. */
  secretBackend: 'safeStorage' | 'environment'
}

export const IntegrationCaptureSettingsPatch = z
  .object({
    integrationId: Id,
    verification: Verification.optional(),
    redaction: Redaction.optional()
  })
  .strict()

/** The listener as it is now. */
export interface ListenerStatus {
  state: 'off' | 'starting' | 'listening' | 'error'
  host: string | null
  port: number | null
  /** Where senders post, e.g. http://127.0.0.1:4890/hooks/<slug>. */
  url: string | null
  /** Why it is off or failed, in words a user can act on. */
  message: string | null
  /** Set when listening beyond this machine: other machines can send to it. */
  warning: string | null
}
