import { z } from 'zod'
import type { AttributeType } from '../../../shared/model/event'
import { parseCapillaryFieldType } from '../../../shared/capillary/attributeTypes'

/**
 * What Capillary answers, read leniently: unknown keys are kept, and where Capillary's own samples differ both
 * spellings are read (notes §12.6): `defaultTransformerMappping`/`defaultTransformerMapping`,
 * `webEngageFieldName`/`fieldName`, upper- and lower-case `type` and `valueType`.
 */

const FieldAttributeWire = z.looseObject({
  valueType: z.string().optional(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  values: z.array(z.union([z.string(), z.number()])).optional()
})

const FieldWire = z.looseObject({
  name: z.string(),
  type: z.string(),
  attributes: z.record(z.string(), FieldAttributeWire).nullish(),
  standardField: z.boolean().optional()
})

const FieldMappingWire = z.looseObject({
  eventFieldName: z.string(),
  fieldName: z.string().nullish(),
  webEngageFieldName: z.string().nullish()
})

const TransformerMappingWire = z.looseObject({
  eventNameMapping: z
    .looseObject({
      fieldName: z.string().nullish(),
      webEngageFieldName: z.string().nullish(),
      valueMap: z.record(z.string(), z.string()).nullish()
    })
    .nullish(),
  eventFieldMappings: z.array(FieldMappingWire).nullish()
})

const ClickEventsMetaWire = z.looseObject({
  eventId: z.union([z.string(), z.number()]).optional(),
  eventName: z.string(),
  eventType: z.string().optional(),
  actions: z.array(z.string()).nullish(),
  fields: z.array(FieldWire).nullish(),
  orgId: z.number().optional(),
  status: z.string().optional(),
  testStatus: z.string().optional(),
  label: z.string().nullish(),
  description: z.string().nullish(),
  date: z.number().optional(),
  standardEvent: z.boolean().optional()
})

const MappingsHolder = z.looseObject({
  defaultTransformerMapping: z.union([TransformerMappingWire, z.boolean()]).nullish(),
  // SLATE 2022 sample: three p's, and a boolean.
  defaultTransformerMappping: z.union([TransformerMappingWire, z.boolean()]).nullish(),
  webEngageTransformerMapping: TransformerMappingWire.nullish()
})

export const EventItemWire = z.looseObject({
  clickEventsMeta: ClickEventsMetaWire,
  // BEREF 03 nests the mappings under transformerMappings; SLATE puts them beside clickEventsMeta.
  transformerMappings: MappingsHolder.nullish(),
  defaultTransformerMapping: z.union([TransformerMappingWire, z.boolean()]).nullish(),
  defaultTransformerMappping: z.union([TransformerMappingWire, z.boolean()]).nullish(),
  webEngageTransformerMapping: TransformerMappingWire.nullish()
})

export interface RemoteFieldAttribute {
  valueType?: string
  value?: string
  values?: string[]
}

export interface RemoteField {
  name: string
  /** As Capillary spelled it (`CUSTOMER`, `customer`). */
  wireType: string
  /** Our type, when the spelling is one we know. */
  type: AttributeType | undefined
  attributes: Record<string, RemoteFieldAttribute>
  standardField: boolean
}

export interface RemoteTransformerMapping {
  /** The source field holding the event name (`event_name`). */
  eventNameField: string | undefined
  /** Source event name → Capillary event name (notes §6.2). */
  valueMap: Record<string, string>
  /** Capillary field ← source field; no source field means identity or unmapped (BEREF 03). */
  fieldMappings: { eventFieldName: string; sourceFieldName: string | undefined }[]
}

export interface RemoteEvent {
  eventId: string
  eventName: string
  eventType: string | undefined
  actions: string[]
  label: string | undefined
  description: string | undefined
  /** `PUBLISHED` or `UNPUBLISHED` (notes §1). */
  status: string | undefined
  /** `VERIFIED` or `NOT_VERIFIED` (notes §1). */
  testStatus: string | undefined
  standardEvent: boolean
  orgId: number | undefined
  date: number | undefined
  fields: RemoteField[]
  mappings: {
    /** True when the default (Custom) transformer maps the event; the 2022 samples only say yes or no. */
    defaultMapped: boolean
    default: RemoteTransformerMapping | null
    webEngage: RemoteTransformerMapping | null
  }
}

const text = (value: string | number | boolean | undefined): string | undefined =>
  value === undefined ? undefined : String(value)

function toField(field: z.infer<typeof FieldWire>): RemoteField {
  const attributes: Record<string, RemoteFieldAttribute> = {}
  for (const [name, attribute] of Object.entries(field.attributes ?? {})) {
    const value = text(attribute.value)
    attributes[name] = {
      ...(attribute.valueType !== undefined ? { valueType: attribute.valueType } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(attribute.values !== undefined ? { values: attribute.values.map(String) } : {})
    }
  }
  return {
    name: field.name,
    wireType: field.type,
    type: parseCapillaryFieldType(field.type),
    attributes,
    standardField: field.standardField ?? false
  }
}

export function toTransformerMapping(
  mapping: z.infer<typeof TransformerMappingWire> | boolean | null | undefined
): RemoteTransformerMapping | null {
  if (mapping === null || mapping === undefined || typeof mapping === 'boolean') return null
  const nameMapping = mapping.eventNameMapping
  return {
    eventNameField: nameMapping?.webEngageFieldName ?? nameMapping?.fieldName ?? undefined,
    valueMap: { ...(nameMapping?.valueMap ?? {}) },
    fieldMappings: (mapping.eventFieldMappings ?? []).map((entry) => ({
      eventFieldName: entry.eventFieldName,
      sourceFieldName: entry.webEngageFieldName ?? entry.fieldName ?? undefined
    }))
  }
}

export function toRemoteEvent(item: z.infer<typeof EventItemWire>): RemoteEvent {
  const meta = item.clickEventsMeta
  const holder = item.transformerMappings ?? {}
  const defaultMapping =
    holder.defaultTransformerMapping ??
    holder.defaultTransformerMappping ??
    item.defaultTransformerMapping ??
    item.defaultTransformerMappping
  const parsedDefault = toTransformerMapping(defaultMapping)
  return {
    eventId: meta.eventId === undefined ? '' : String(meta.eventId),
    eventName: meta.eventName,
    eventType: meta.eventType,
    actions: meta.actions ?? [],
    label: meta.label ?? undefined,
    description: meta.description ?? undefined,
    status: meta.status,
    testStatus: meta.testStatus,
    standardEvent: meta.standardEvent ?? false,
    orgId: meta.orgId,
    date: meta.date,
    fields: (meta.fields ?? []).map(toField),
    mappings: {
      defaultMapped: parsedDefault !== null || defaultMapping === true,
      default: parsedDefault,
      webEngage: toTransformerMapping(holder.webEngageTransformerMapping ?? item.webEngageTransformerMapping)
    }
  }
}

export const EventListWire = z.looseObject({ data: z.array(EventItemWire).nullish() })
/** `GET /v2/events/meta` (BEREF 22): one item, or a list of one. */
export const EventMetaWire = z.looseObject({ data: z.union([EventItemWire, z.array(EventItemWire)]) })

export const StandardEventsWire = z.looseObject({
  data: z
    .array(
      z.looseObject({
        standardClickEventsMeta: z.looseObject({
          eventName: z.string(),
          label: z.string().nullish(),
          description: z.string().nullish(),
          eventCategory: z.string().nullish(),
          actions: z.array(z.string()).nullish(),
          fields: z.array(FieldWire).nullish()
        }),
        webEngageTransformerMapping: TransformerMappingWire.nullish()
      })
    )
    .nullish()
})

export interface RemoteStandardEvent {
  eventName: string
  label: string | undefined
  description: string | undefined
  category: string | undefined
  actions: string[]
  fields: RemoteField[]
  webEngageMapping: RemoteTransformerMapping | null
}

export const toStandardEvents = (body: z.infer<typeof StandardEventsWire>): RemoteStandardEvent[] =>
  (body.data ?? []).map((item) => ({
    eventName: item.standardClickEventsMeta.eventName,
    label: item.standardClickEventsMeta.label ?? undefined,
    description: item.standardClickEventsMeta.description ?? undefined,
    category: item.standardClickEventsMeta.eventCategory ?? undefined,
    actions: item.standardClickEventsMeta.actions ?? [],
    fields: (item.standardClickEventsMeta.fields ?? []).map(toField),
    webEngageMapping: toTransformerMapping(item.webEngageTransformerMapping)
  }))

/** `GET /v2/events/meta_fields` (SLATE:L522-735): each type's label, value type and allowed attributes. */
export const FieldTypesWire = z.looseObject({
  data: z
    .array(
      z.looseObject({
        type: z.string(),
        label: z.string().nullish(),
        valueType: z.string().nullish(),
        attributes: z
          .array(
            z.looseObject({
              name: z.string(),
              label: z.string().nullish(),
              valueType: z.string().nullish(),
              defaultValue: z.string().nullish(),
              possibleValues: z.array(z.string()).nullish()
            })
          )
          .nullish()
      })
    )
    .nullish()
})
export type RemoteFieldType = NonNullable<z.infer<typeof FieldTypesWire>['data']>[number]

/** `GET /v2/events/adapters_meta` (SLATE:L4846). */
export const AdaptersWire = z.looseObject({
  data: z.array(z.looseObject({ name: z.string(), label: z.string().nullish() })).nullish()
})

export const WebhookWire = z.looseObject({
  transformerType: z.string(),
  webHookId: z.string().nullish(),
  tillCode: z.string().nullish(),
  webHookUri: z.string(),
  authEnabled: z.boolean().nullish(),
  authMechanism: z.string().nullish(),
  uniquenessCheckEnabled: z.boolean().nullish(),
  listenToChildEvents: z.boolean().nullish()
})
export const WebhookListWire = z.looseObject({ data: z.array(WebhookWire).nullish() })

export interface RemoteWebhook {
  transformerType: string
  /** The id to disable it with; the create answer does not carry it, only the URI ending in it. */
  webHookId: string | undefined
  tillCode: string | undefined
  /** Store it as given: never build a webhook URL yourself (notes §5). */
  webHookUri: string
  authEnabled: boolean
  authMechanism: string | undefined
  uniquenessCheckEnabled: boolean
}

/** The auth scheme Capillary gave for a webhook, when it gave one (its listing does not, notes §5). */
export const listedAuthScheme = (webhook: { authMechanism?: string | undefined }): 'BASIC' | 'OAUTH' | undefined => {
  const listed = webhook.authMechanism?.toUpperCase()
  return listed === 'BASIC' || listed === 'OAUTH' ? listed : undefined
}

export const toWebhook = (wire: z.infer<typeof WebhookWire>): RemoteWebhook => ({
  transformerType: wire.transformerType,
  // The create answer has no webHookId; the URI ends with it (SLATE:L4900 samples) [I].
  webHookId: wire.webHookId ?? /\/webhooks\/([^/?#]+)$/.exec(wire.webHookUri)?.[1],
  tillCode: wire.tillCode ?? undefined,
  webHookUri: wire.webHookUri,
  authEnabled: wire.authEnabled ?? false,
  authMechanism: wire.authMechanism ?? undefined,
  uniquenessCheckEnabled: wire.uniquenessCheckEnabled ?? false
})

/** The answer of a post to a webhook URI (BEREF 25): code 1100, "pushed to transformation state". */
export const PushAnswerWire = z.looseObject({
  status: z.looseObject({ code: z.number(), message: z.string().nullish() }),
  requestId: z.string().nullish()
})

export interface PushReceipt {
  code: number
  message: string
  /** The id to look the event up by: the answer's requestId, else the x-cap-hydra-request-id header. */
  requestId: string | undefined
}

/** `GET /v2/events/logs` (BEREF 18). */
export const EventLogsWire = z.looseObject({
  data: z
    .array(
      z.looseObject({
        id: z.string(),
        startTime: z.number().nullish(),
        responseTime: z.number().nullish(),
        orgId: z.number().nullish(),
        status: z.string(),
        eventName: z.string().nullish(),
        inputRequest: z.string().nullish(),
        webhookId: z.string().nullish(),
        parentOrgId: z.number().nullish(),
        message: z.string().nullish()
      })
    )
    .nullish()
})

export interface EventLogEntry {
  id: string
  status: string
  message: string
  eventName: string | undefined
  startTime: number | undefined
  responseTime: number | undefined
  webhookId: string | undefined
  /** The payload as posted, parsed when it is JSON. */
  input: unknown
}

export const toEventLogs = (body: z.infer<typeof EventLogsWire>): EventLogEntry[] =>
  (body.data ?? []).map((entry) => ({
    id: entry.id,
    status: entry.status,
    message: entry.message ?? '',
    eventName: entry.eventName ?? undefined,
    startTime: entry.startTime ?? undefined,
    responseTime: entry.responseTime ?? undefined,
    webhookId: entry.webhookId ?? undefined,
    input: parseJson(entry.inputRequest ?? undefined)
  }))

const StateListWire = z.array(
  z.looseObject({ message: z.string().nullish(), date: z.string().nullish(), status: z.string() })
)
/** `GET /v2/events/running_status` (SLATE:L4946): `stateList` at the top level, or under `data`. */
export const RunningStatusWire = z.looseObject({
  id: z.string().nullish(),
  eventName: z.string().nullish(),
  stateList: StateListWire.nullish(),
  data: z
    .looseObject({ id: z.string().nullish(), eventName: z.string().nullish(), stateList: StateListWire.nullish() })
    .nullish()
})

export interface RunningStatus {
  eventId: string | undefined
  eventName: string | undefined
  states: { status: string; message: string; date: string | undefined }[]
}

export const toRunningStatus = (body: z.infer<typeof RunningStatusWire>): RunningStatus => {
  const holder = body.stateList ? body : (body.data ?? body)
  return {
    eventId: holder.id ?? body.id ?? undefined,
    eventName: holder.eventName ?? body.eventName ?? undefined,
    states: (holder.stateList ?? []).map((state) => ({
      status: state.status,
      message: state.message ?? '',
      date: state.date ?? undefined
    }))
  }
}

/** `GET /v2/org/{orgId}/sources?details=true` (ORG1): each source type, with its accounts when asked. */
export const SourcesWire = z.looseObject({
  data: z
    .array(
      z.looseObject({
        id: z.number().nullish(),
        sourceTypeId: z.number().nullish(),
        sourceTypeName: z.string(),
        accounts: z.array(z.looseObject({})).nullish()
      })
    )
    .nullish()
})

export interface RemoteSource {
  id: number | undefined
  sourceTypeName: string
  accounts: Record<string, unknown>[]
}

export const toSources = (body: z.infer<typeof SourcesWire>): RemoteSource[] =>
  (body.data ?? []).map((source) => ({
    id: source.id ?? source.sourceTypeId ?? undefined,
    sourceTypeName: source.sourceTypeName,
    accounts: source.accounts ?? []
  }))

/** `GET /v2/events/adapter_mapping`: undocumented answer (ORG1 has no sample), read as per-event mappings. */
export const AdapterMappingsWire = z.looseObject({
  data: z
    .array(
      z.looseObject({
        eventName: z.string(),
        transformerMappings: MappingsHolder.nullish(),
        defaultTransformerMapping: z.union([TransformerMappingWire, z.boolean()]).nullish(),
        webEngageTransformerMapping: TransformerMappingWire.nullish()
      })
    )
    .nullish()
})

export interface RemoteAdapterMapping {
  eventName: string
  default: RemoteTransformerMapping | null
  webEngage: RemoteTransformerMapping | null
}

export const toAdapterMappings = (body: z.infer<typeof AdapterMappingsWire>): RemoteAdapterMapping[] =>
  (body.data ?? []).map((entry) => {
    const holder = entry.transformerMappings ?? {}
    return {
      eventName: entry.eventName,
      default: toTransformerMapping(
        holder.defaultTransformerMapping ?? holder.defaultTransformerMappping ?? entry.defaultTransformerMapping
      ),
      webEngage: toTransformerMapping(holder.webEngageTransformerMapping ?? entry.webEngageTransformerMapping)
    }
  })

/** OAuth token answer (notes §8): `{"data":{"accessToken":"<JWT>","ttlSeconds":300},"errors":null}`. */
export const TokenWire = z.looseObject({
  data: z.looseObject({ accessToken: z.string().min(1), ttlSeconds: z.number().positive() })
})

function parseJson(raw: string | undefined): unknown {
  if (raw === undefined) return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}
