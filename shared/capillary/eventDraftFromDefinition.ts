import { z } from 'zod'
import { type AttributeDraft, EventDraft } from '../model/event'
import { parseCapillaryFieldType } from './attributeTypes'
import { customerDefaults } from './sourceAccounts'
import { findStandardEvent } from './standardEvents'

// Notes §3: {valueType, value} with values as strings ("true"), or {valueType: LIST, values}; valueType casing varies.
const FieldAttribute = z.object({
  valueType: z.string().optional(),
  value: z.union([z.string(), z.boolean(), z.number()]).optional(),
  values: z.array(z.union([z.string(), z.number()])).optional()
})

const Field = z.object({
  name: z.string().min(1),
  type: z.string().min(1),
  attributes: z.record(z.string(), FieldAttribute).default({})
})

// The body of POST /v2/events (notes §4), or an event of GET /v2/events/meta: eventName, actions, fields.
const Definition = z.object({
  eventName: z.string().min(1),
  label: z.string().optional(),
  description: z.string().optional(),
  actions: z.array(z.string()).default([]),
  fields: z.array(Field).default([])
})

export type EventDraftFromDefinition = { ok: true; draft: EventDraft } | { ok: false; error: string }

/**
 * Reads Capillary's event definition JSON `{eventName, actions, fields}` (for a custom event the `POST /v2/events`
 * body, for a standard one its library entry with any custom attributes added) into a draft. Both spellings Capillary
 * uses are read (notes §12.6): field types in upper or camel case, valueType in any case, flags as "true" or true.
 */
export function eventDraftFromDefinition(json: unknown): EventDraftFromDefinition {
  const parsed = Definition.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      error: `Not an event definition {eventName, actions, fields}: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`
    }
  }
  const definition = parsed.data
  const standard = findStandardEvent(definition.eventName)
  const standardNames = new Set(standard?.fields.map((field) => field.name))
  const attributes: AttributeDraft[] = []
  for (const field of definition.fields) {
    const type = parseCapillaryFieldType(field.type)
    if (type === undefined) return { ok: false, error: `Field "${field.name}" has an unknown type "${field.type}".` }
    const read = (key: string): string | undefined => {
      const entry = Object.entries(field.attributes).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1]
      return entry?.value === undefined ? undefined : String(entry.value)
    }
    const flag = (key: string): boolean => read(key)?.toLowerCase() === 'true'
    const possibleValues = Object.entries(field.attributes).find(
      ([name]) => name.toLowerCase() === 'possiblevalues'
    )?.[1]
    attributes.push({
      name: field.name,
      type,
      description: '',
      isRequired: flag('isRequired'),
      isUniqueKeyField: flag('isUniqueKeyField'),
      isPsiData: flag('isPsiData'),
      standard: standardNames.has(field.name),
      ...(read('regex') !== undefined ? { regex: read('regex') } : {}),
      ...(possibleValues !== undefined
        ? {
            possibleValues:
              possibleValues.values?.map(String) ??
              (possibleValues.value === undefined ? [] : String(possibleValues.value).split(','))
          }
        : {}),
      ...(type === 'customer'
        ? {
            customer: {
              identifierType: read('identifierType') ?? customerDefaults.identifierType,
              source: read('source') ?? customerDefaults.source,
              ...(read('accountId') !== undefined ? { accountId: read('accountId') } : {}),
              addCustomerIfNotExists: flag('addCustomerIfNotExists')
            }
          }
        : {}),
      ...(read('groupIdentifierType') !== undefined ? { groupIdentifierType: read('groupIdentifierType') } : {})
    })
  }
  const draft = EventDraft.safeParse({
    name: definition.eventName,
    label: definition.label ?? standard?.label ?? definition.eventName,
    description: definition.description ?? '',
    kind: standard ? 'standard' : 'custom',
    actions: definition.actions,
    attributes
  })
  if (!draft.success) {
    const issue = draft.error.issues[0]
    return { ok: false, error: `Invalid event definition: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` }
  }
  return { ok: true, draft: draft.data }
}
