import { z } from 'zod'
import { Id, IsoTime } from './ids'

/**
 * The attribute types a behavioural event field can have. The first eight are Capillary's typed fields, the rest
 * custom types (Capillary notes §3). `integer`, `boolean` and `currencyCode` appear in Capillary's UI but their API
 * encoding is undocumented: `shared/capillary` marks them so.
 */
export const AttributeType = z.enum([
  'customer',
  'tillCode',
  'couponCode',
  'productSku',
  'productBrand',
  'productCategory',
  'groupId',
  'currencyCode',
  'string',
  'double',
  'date',
  'enum',
  'integer',
  'boolean'
])
export type AttributeType = z.infer<typeof AttributeType>

/**
 * The longest texts, and the most items, a project keeps for an event: the project file and bundles refuse more, so
 * the designer holds a draft over them at its fields. Capillary's own, stricter limits are in shared/capillary.
 */
export const eventLimits = {
  nameLength: 200,
  labelLength: 200,
  descriptionLength: 2000,
  attributes: 200
} as const
export const attributeLimits = {
  nameLength: 200,
  descriptionLength: 2000,
  regexLength: 1000,
  possibleValueLength: 500,
  possibleValues: 1000,
  groupIdentifierTypeLength: 100
} as const
export const customerSettingsLimits = { identifierTypeLength: 50, sourceLength: 50, accountIdLength: 100 } as const

/** Where a customer identifier comes from (Capillary `meta_fields`, notes §3). */
export const CustomerSettings = z.object({
  identifierType: z.string().min(1).max(customerSettingsLimits.identifierTypeLength),
  source: z.string().min(1).max(customerSettingsLimits.sourceLength),
  accountId: z.string().max(customerSettingsLimits.accountIdLength).optional(),
  addCustomerIfNotExists: z.boolean()
})
export type CustomerSettings = z.infer<typeof CustomerSettings>

/** One field of an event, as the user designs it. Rules (names, limits) live in shared/capillary, not here. */
export const Attribute = z.object({
  id: Id,
  name: z.string().max(attributeLimits.nameLength),
  type: AttributeType,
  description: z.string().max(attributeLimits.descriptionLength).default(''),
  isRequired: z.boolean().default(false),
  isUniqueKeyField: z.boolean().default(false),
  isPsiData: z.boolean().default(false),
  /** Only for string and couponCode. */
  regex: z.string().max(attributeLimits.regexLength).optional(),
  /** Only for enum: the possible values, in order. */
  possibleValues: z
    .array(z.string().max(attributeLimits.possibleValueLength))
    .max(attributeLimits.possibleValues)
    .optional(),
  /** Only for customer. */
  customer: CustomerSettings.optional(),
  /** Only for groupId (e.g. GroupExternalId). */
  groupIdentifierType: z.string().max(attributeLimits.groupIdentifierTypeLength).optional(),
  /** True for the fields a standard event brings from Capillary's library: they stay as Capillary defines them. */
  standard: z.boolean().default(false)
})
export type Attribute = z.infer<typeof Attribute>

/** Capillary's destinations for an event (notes §1): Loyalty/DVS/Communication and Essential Insights. */
export const EventAction = z.enum(['EMFConsumer', 'EIConsumer'])
export type EventAction = z.infer<typeof EventAction>

export const EventKind = z.enum(['custom', 'standard'])
export type EventKind = z.infer<typeof EventKind>

/** Draft until its tests pass (Tested); publication is recorded per org elsewhere. */
export const EventStatus = z.enum(['draft', 'tested'])
export type EventStatus = z.infer<typeof EventStatus>

/** A publication of the event to one org (connection profile): Capillary then locks its attributes. */
export const EventPublication = z.object({
  profile: z.string().max(200),
  publishedAt: IsoTime,
  publishedBy: z.string().max(200)
})
export type EventPublication = z.infer<typeof EventPublication>

/** The longest event name a project keeps. */
export const maxEventNameLength = eventLimits.nameLength

/**
 * An attribute without a name is not kept (it would be a nameless target in the mappings, and a bundle that no
 * studio imports): the designer waits until it is named, as it does for the event's own name.
 */
export function unnamedAttributeProblem(draft: Pick<EventDraft, 'attributes'>): string | null {
  const index = draft.attributes.findIndex((attribute) => attribute.name.trim() === '')
  return index === -1 ? null : `Name attribute ${index + 1}, or remove it.`
}

/** What makes two event names the same in a project: letter case aside, as SQLite's NOCASE compares (ASCII only). */
export const eventNameKey = (name: string): string => name.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())

export const EventDefinition = z.object({
  id: Id,
  name: z.string().max(maxEventNameLength),
  label: z.string().max(eventLimits.labelLength),
  description: z.string().max(eventLimits.descriptionLength),
  kind: EventKind,
  actions: z.array(EventAction).max(2),
  attributes: z.array(Attribute).max(eventLimits.attributes),
  status: EventStatus,
  publications: z.array(EventPublication),
  createdAt: IsoTime,
  updatedAt: IsoTime
})
export type EventDefinition = z.infer<typeof EventDefinition>

/** What the user edits: everything but what main owns (id, status, times). */
export const EventDraft = EventDefinition.pick({
  name: true,
  label: true,
  description: true,
  kind: true,
  actions: true
}).extend({
  attributes: z.array(Attribute.omit({ id: true }).extend({ id: Id.optional() })).max(eventLimits.attributes)
})
export type EventDraft = z.infer<typeof EventDraft>
export type AttributeDraft = EventDraft['attributes'][number]

/** A deleted event: `restoreEvent` with its undo id puts it back, whole, for ten minutes. */
export interface EventDeletion {
  id: string
  name: string
  undoId: string
}

/** An event put back; mappings whose integration was deleted meanwhile stay out, with their test cases. */
export interface EventRestoration {
  event: EventDefinition
  droppedMappings: number
}
