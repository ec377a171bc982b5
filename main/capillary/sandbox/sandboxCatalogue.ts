import { attributeTypes, supportsOption } from '../../../shared/capillary/attributeTypes'
import { eventDefinitionBody } from '../../../shared/capillary/eventDefinitionBody'
import { customerSources, identifierTypes } from '../../../shared/capillary/sourceAccounts'
import { standardEventDraft } from '../../../shared/capillary/standardEventDraft'
import { standardEvents, type StandardEvent } from '../../../shared/capillary/standardEvents'

/** `GET /v2/events/meta_fields`, built from shared/capillary's type table (SLATE:L522-735 shape). */
export function metaFields(): unknown[] {
  return Object.values(attributeTypes)
    .filter((info) => info.apiEncodingDocumented)
    .map((info) => {
      const attributes: Record<string, unknown>[] = []
      if (supportsOption(info.type, 'regex')) attributes.push({ name: 'regex', label: 'Regex', valueType: 'STRING' })
      if (supportsOption(info.type, 'customer')) {
        attributes.push({
          defaultValue: 'MOBILE',
          name: 'identifierType',
          label: 'Identifier type',
          possibleValues: identifierTypes.map((type) => type.value),
          valueType: 'ENUM'
        })
      }
      attributes.push({ defaultValue: 'true', name: 'isRequired', label: 'is field required', valueType: 'BOOLEAN' })
      if (supportsOption(info.type, 'customer')) {
        attributes.push(
          {
            defaultValue: 'INSTORE',
            name: 'source',
            label: 'Source',
            possibleValues: customerSources.map((source) => source.value),
            valueType: 'ENUM'
          },
          {
            name: 'accountId',
            label: 'Source account',
            possibleValues: customerSources.filter((source) => source.multiAccount).map((source) => source.value),
            valueType: 'ENUM'
          },
          {
            defaultValue: 'false',
            name: 'addCustomerIfNotExists',
            label: 'Add Customer if not already present',
            valueType: 'BOOLEAN'
          }
        )
      }
      if (supportsOption(info.type, 'isPsiData'))
        attributes.push({ defaultValue: 'false', name: 'isPsiData', label: 'Is PSI data', valueType: 'BOOLEAN' })
      if (supportsOption(info.type, 'possibleValues'))
        attributes.push({ name: 'possibleValues', label: 'Possible values', valueType: 'LIST' })
      if (supportsOption(info.type, 'groupIdentifierType'))
        attributes.push({ name: 'groupIdentifierType', label: 'Group identifier type', valueType: 'ENUM' })
      return {
        type: info.wireType,
        label: info.label,
        valueType: info.type === 'double' ? 'double' : 'String',
        attributes
      }
    })
}

/** Capillary's default WebEngage map of a standard event (SLATE standard_events_meta `webEngageTransformerMapping`). */
export function standardWebEngageMapping(event: StandardEvent) {
  return {
    eventNameField: 'event_name',
    valueMap: { [event.webEngageEventName]: event.name },
    fieldMappings: event.fields.map((field) => ({ eventFieldName: field.name, fieldName: field.webEngageFieldName }))
  }
}

/** `GET /v2/events/standard_events_meta` (SLATE:L737-2340 shape), from shared/capillary's library. */
export function standardEventsMeta(): unknown[] {
  return standardEvents.map((event) => {
    const mapping = standardWebEngageMapping(event)
    return {
      standardClickEventsMeta: {
        label: event.label,
        description: event.label,
        eventCategory: event.category,
        eventName: event.name,
        actions: [...event.actions],
        fields: eventDefinitionBody(standardEventDraft(event.name)).fields
      },
      webEngageTransformerMapping: {
        eventNameMapping: { webEngageFieldName: mapping.eventNameField, valueMap: mapping.valueMap },
        eventFieldMappings: mapping.fieldMappings.map((entry) => ({
          eventFieldName: entry.eventFieldName,
          webEngageFieldName: entry.fieldName
        })),
        mapperName: event.name
      }
    }
  })
}

/** `GET /v2/events/adapters_meta` (SLATE:L4846), as documented. */
export const adaptersMeta = [
  { name: 'DefaultTransformer', label: 'Default Transformer Mapping' },
  { name: 'WebEngageTransformer', label: 'WebEngage Transformer' }
]

/** `GET /v2/org/{orgId}/sources?details=true`: the source types notes §10 names, with their documented ids. */
export const sourceTypes = [
  { id: 1, sourceTypeName: 'Facebook', accounts: [] },
  { id: 2, sourceTypeName: 'WEB_ENGAGE', accounts: [{ accountId: '~sandbox', name: 'Sandbox WebEngage account' }] },
  { id: 6, sourceTypeName: 'MARTJACK', accounts: [] }
]

/** The event type Capillary gives a standard event (`clickEventsMeta.eventType`, BEREF 22). */
export const standardEventType = (name: string): string =>
  name.startsWith('Product') || name === 'CategoryViewed'
    ? 'PRODUCTEVENT'
    : name.startsWith('Coupon')
      ? 'COUPONEVENT'
      : 'USEREVENT'
