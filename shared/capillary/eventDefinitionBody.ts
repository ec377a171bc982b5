import type { AttributeDraft, EventAction, EventDraft } from '../model/event'
import { attributeTypes, supportsOption } from './attributeTypes'
import { customerDefaults } from './sourceAccounts'

/** One field attribute as Capillary spells it: values are strings, even booleans (notes §3). */
export type FieldAttributeValue =
  { valueType: 'BOOLEAN' | 'STRING' | 'ENUM'; value: string } | { valueType: 'LIST'; values: string[] }

export type FieldDefinition = { name: string; type: string; attributes: Record<string, FieldAttributeValue> }

export type EventDefinitionBody = {
  eventName: string
  actions: EventAction[]
  description?: string
  fields: FieldDefinition[]
}

// SLATE meta_fields and BEREF 22 spell value types in upper case (older samples mix in "Boolean").
const flag = (value: boolean): FieldAttributeValue => ({ valueType: 'BOOLEAN', value: String(value) })
const choice = (value: string): FieldAttributeValue => ({ valueType: 'ENUM', value })

/**
 * The field's attributes, keys in alphabetical order as Capillary stores them (BEREF 22), so what we send reads the
 * same as what `GET /v2/events/meta` answers. isRequired is always sent, as in every documented sample;
 * isUniqueKeyField only when set (it cannot be unset once published); isPsiData on the types that take it, true or
 * false, as the be_reserved definition stores it (BEREF 22). Settings a type does not take are never sent.
 */
const fieldAttributes = (attribute: AttributeDraft): Record<string, FieldAttributeValue> => {
  const { type } = attribute
  const entries: [string, FieldAttributeValue][] = [['isRequired', flag(attribute.isRequired)]]
  if (attribute.isUniqueKeyField) entries.push(['isUniqueKeyField', flag(true)])
  if (supportsOption(type, 'isPsiData')) entries.push(['isPsiData', flag(attribute.isPsiData)])
  // SLATE meta_fields: regex is a STRING attribute of string and couponCode fields.
  if (supportsOption(type, 'regex') && (attribute.regex ?? '') !== '') {
    entries.push(['regex', { valueType: 'STRING', value: attribute.regex ?? '' }])
  }
  // BEREF 22 (be_reserved, room_nights): possibleValues is {valueType: LIST, values}.
  if (supportsOption(type, 'possibleValues')) {
    entries.push(['possibleValues', { valueType: 'LIST', values: [...(attribute.possibleValues ?? [])] }])
  }
  // SLATE meta_fields: identifierType, source, accountId are ENUM and addCustomerIfNotExists BOOLEAN.
  if (supportsOption(type, 'customer')) {
    const customer = attribute.customer ?? customerDefaults
    entries.push(['identifierType', choice(customer.identifierType)], ['source', choice(customer.source)])
    if ((customer.accountId ?? '') !== '') entries.push(['accountId', choice(customer.accountId ?? '')])
    entries.push(['addCustomerIfNotExists', flag(customer.addCustomerIfNotExists)])
  }
  // Notes §3: groupIdentifierType (ENUM, e.g. GroupExternalId) on GROUPID fields.
  if (supportsOption(type, 'groupIdentifierType') && (attribute.groupIdentifierType ?? '') !== '') {
    entries.push(['groupIdentifierType', choice(attribute.groupIdentifierType ?? '')])
  }
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * The body of `POST /v2/events` (create) and `PUT /v2/events` (whole-definition replace). Key order follows SLATE's
 * "Update Custom Event" sample (SLATE:L151-300): eventName, actions, description, fields[{name, type, attributes}],
 * each attribute `{valueType, value}` as in SLATE's "Create Custom Event" sample (SLATE:L6-150). The description is
 * left out when empty, as in the create sample; the display name (label) is not sent: no request document has it.
 */
export const eventDefinitionBody = (draft: EventDraft): EventDefinitionBody => ({
  eventName: draft.name,
  actions: [...draft.actions],
  ...(draft.description.trim() === '' ? {} : { description: draft.description }),
  fields: draft.attributes.map((attribute) => ({
    name: attribute.name,
    type: attributeTypes[attribute.type].wireType,
    attributes: fieldAttributes(attribute)
  }))
})
