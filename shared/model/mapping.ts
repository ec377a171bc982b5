import { z } from 'zod'
import { Id, IsoTime } from './ids'

/**
 * A path into a source payload, in our syntax: dots and brackets, array indexes, quoted keys for names with spaces
 * or dots (`event_data["Product Name"]`, `items[0].sku`, `["a.b"]`). Parsed and checked by shared/engine.
 */
export const SourcePath = z.string().trim().min(1, 'Give a source path.').max(500)
export type SourcePath = z.infer<typeof SourcePath>

const Scalar = z.union([z.string().max(10_000), z.number(), z.boolean()])

/** When a default applies: the value is missing, null, or empty (an empty or blank string, an empty array). */
export const DefaultWhen = z.enum(['missing', 'null', 'empty'])

/** How a date arrives: ISO 8601, epoch seconds or milliseconds, or one of Capillary's documented patterns. */
export const DateInput = z.union([z.enum(['iso8601', 'epochSeconds', 'epochMillis']), z.string().min(1).max(60)])

/**
 * One step of a rule's pipeline. Every kind is a small pure function in shared/engine/transforms with its own tests;
 * the set is closed (a whitelist), so compiling never splices user text into code.
 */
export const Transform = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trim') }),
  z.object({ kind: z.literal('lowerCase') }),
  z.object({ kind: z.literal('upperCase') }),
  z.object({ kind: z.literal('toNumber') }),
  z.object({ kind: z.literal('toInteger') }),
  z.object({ kind: z.literal('toBoolean') }),
  z.object({
    kind: z.literal('parseDate'),
    /** Tried in order; the first that reads the value wins. */
    formats: z.array(DateInput).min(1).max(20),
    /** The zone of values that carry no offset (IANA name, e.g. Asia/Kolkata). */
    timeZone: z.string().min(1).max(64).default('UTC')
  }),
  z.object({
    kind: z.literal('formatDate'),
    /** One of Capillary's accepted formats (shared/capillary capillaryDateFormats). */
    format: z.string().min(1).max(60),
    timeZone: z.string().min(1).max(64).default('UTC')
  }),
  z.object({
    kind: z.literal('lookup'),
    table: z.record(z.string().max(500), Scalar),
    /** Used when the value is not in the table; without it, an unknown value is a diagnostic. */
    fallback: Scalar.optional()
  }),
  z.object({
    kind: z.literal('default'),
    value: Scalar,
    when: z.array(DefaultWhen).min(1).default(['missing', 'null', 'empty'])
  }),
  /** `{path}` placeholders are source paths (in the item's scope under fan-out, `$.path` for the whole payload). */
  z.object({ kind: z.literal('template'), template: z.string().max(2000) }),
  z.object({ kind: z.literal('split'), separator: z.string().max(20) }),
  z.object({ kind: z.literal('join'), separator: z.string().max(20) }),
  z.object({ kind: z.literal('first') }),
  z.object({ kind: z.literal('last') }),
  z.object({ kind: z.literal('sum') }),
  z.object({ kind: z.literal('count') }),
  z.object({ kind: z.literal('sha256') }),
  z.object({
    kind: z.literal('mask'),
    keepStart: z.number().int().min(0).max(50).default(0),
    keepEnd: z.number().int().min(0).max(50).default(4),
    character: z.string().length(1).default('*')
  })
])
export type Transform = z.infer<typeof Transform>
export type TransformKind = Transform['kind']

/** Where a rule's value comes from. Under fan-out, a path reads the current item unless `scope` is `payload`. */
export const RuleSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: SourcePath, scope: z.enum(['item', 'payload']).default('item') }),
  z.object({ kind: z.literal('constant'), value: Scalar }),
  /** JSONata 2.x, sandboxed and time-boxed; `$` is the item under fan-out, `$$` the whole payload. */
  z.object({ kind: z.literal('expression'), expression: z.string().min(1).max(20_000) })
])
export type RuleSource = z.infer<typeof RuleSource>

/** Keys a mapping may set besides the event's attributes (Capillary notes §2 and §7). */
export const extraTargets = ['eventDateTime', 'external_event_id'] as const

export const MappingRule = z.object({
  /** An attribute name of the event, or one of `extraTargets`. */
  target: z.string().min(1).max(200),
  source: RuleSource,
  transforms: z.array(Transform).max(30).default([])
})
export type MappingRule = z.infer<typeof MappingRule>

/** Which payloads a mapping applies to. */
export const MappingMatch = z.discriminatedUnion('kind', [
  /** The integration's source-event-name map decides (resolved to `eventName` when compiled in the studio). */
  z.object({ kind: z.literal('integration') }),
  /** A source field and the source names that mean this event (Capillary's valueMap, notes §6). */
  z.object({
    kind: z.literal('eventName'),
    field: SourcePath,
    sourceNames: z.array(z.string().max(200)).min(1).max(500)
  }),
  /** A JSONata condition, true for payloads of this event. */
  z.object({ kind: z.literal('expression'), expression: z.string().min(1).max(20_000) }),
  z.object({ kind: z.literal('always') })
])
export type MappingMatch = z.infer<typeof MappingMatch>

/** What the engine compiles: portable, with no project ids (the CLI's mapping file, and bundles, hold this). */
export const MappingSpec = z.object({
  match: MappingMatch,
  /** One output event per element of this array (line items); rules then read the item, or the whole payload. */
  fanOut: z.object({ path: SourcePath }).nullable().default(null),
  rules: z.array(MappingRule).max(200)
})
export type MappingSpec = z.infer<typeof MappingSpec>

/** A mapping as the project stores it: one integration's payloads onto one event. */
export const Mapping = MappingSpec.extend({
  id: Id,
  integrationId: Id,
  eventId: Id,
  createdAt: IsoTime,
  updatedAt: IsoTime
})
export type Mapping = z.infer<typeof Mapping>
