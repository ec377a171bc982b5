import { z } from 'zod'
import { Id, IsoTime } from './ids'
import { maxSlugLength } from './slug'

/** Capillary's two integration types (notes §1 glossary): WebEngage, or Custom for any other third-party app. */
export const IntegrationKind = z.enum(['webengage', 'custom'])
export type IntegrationKind = z.infer<typeof IntegrationKind>

/** A source event name and the Capillary event it means (Capillary's `valueMap`: source name → event name). */
export const EventNameMapping = z.object({
  sourceName: z.string().max(200),
  eventName: z.string().max(200)
})
export type EventNameMapping = z.infer<typeof EventNameMapping>

/** The longest integration name a project keeps. */
export const maxIntegrationNameLength = 200

export const Integration = z.object({
  id: Id,
  name: z.string().max(maxIntegrationNameLength),
  /** Stable handle used in the listener path `/hooks/<slug>` and in bundles; renaming the integration keeps it. */
  slug: z.string().max(maxSlugLength),
  kind: IntegrationKind,
  /** Where the customers it sends are registered (Capillary's `source`, e.g. WEB_ENGAGE). */
  sourceAccount: z.string().max(50),
  /** The payload field that holds the source event name. */
  eventNameField: z.string().max(200),
  eventNameMap: z.array(EventNameMapping).max(500),
  createdAt: IsoTime,
  updatedAt: IsoTime
})
export type Integration = z.infer<typeof Integration>

export const IntegrationDraft = Integration.pick({
  name: true,
  slug: true,
  kind: true,
  sourceAccount: true,
  eventNameField: true,
  eventNameMap: true
})
export type IntegrationDraft = z.infer<typeof IntegrationDraft>
