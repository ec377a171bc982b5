import type { AttributeType } from '../model/event'
import { capillaryDateFormats } from './implicitAttributes'

/** The per-type settings an attribute may carry besides isRequired and isUniqueKeyField. */
export type AttributeOption = 'regex' | 'isPsiData' | 'possibleValues' | 'customer' | 'groupIdentifierType'

export type AttributeTypeInfo = {
  type: AttributeType
  /** As Capillary's UI names the data type. */
  label: string
  /** The `type` string sent in `POST`/`PUT /v2/events` (camel/lower case, as the create docs spell it). */
  wireType: string
  /** Typed fields are Capillary entities (SKU, till, ...); custom ones are plain values. */
  kind: 'typed' | 'custom'
  options: readonly AttributeOption[]
  /** False when Capillary's UI offers the type but no document shows how the API spells it. */
  apiEncodingDocumented: boolean
  note?: string
  acceptedFormats?: readonly string[]
}

const undocumentedEncodingNote =
  "Capillary's UI offers this type, but its API encoding is not documented: publishing may fail with error 1823 " +
  '(invalid event field type). Try it in a test org first, or use String or Double instead.'

export const attributeTypes: { readonly [T in AttributeType]: AttributeTypeInfo & { type: T } } = {
  // BEREF 01: customer identifier; SETUP "Custom Attributes": mandatory for every event.
  customer: {
    type: 'customer',
    label: 'Customer Identifier',
    wireType: 'customer',
    kind: 'typed',
    options: ['customer'],
    apiEncodingDocumented: true
  },
  // BEREF 01 type list.
  tillCode: {
    type: 'tillCode',
    label: 'Till Code',
    wireType: 'tillCode',
    kind: 'typed',
    options: [],
    apiEncodingDocumented: true,
    // SETUP "Add Webhook Integration": an event's Till Code wins over the webhook's.
    note: 'When an event has a Till Code, Capillary uses it instead of the till tagged on the webhook.'
  },
  // BEREF 01 type list; SETUP "Custom Attributes": coupon codes take a regex.
  couponCode: {
    type: 'couponCode',
    label: 'Coupon Code',
    wireType: 'couponCode',
    kind: 'typed',
    options: ['regex'],
    apiEncodingDocumented: true
  },
  // BEREF 01 type list.
  productSku: {
    type: 'productSku',
    label: 'Product SKU',
    wireType: 'productSku',
    kind: 'typed',
    options: [],
    apiEncodingDocumented: true
  },
  // BEREF 01 type list.
  productBrand: {
    type: 'productBrand',
    label: 'Product Brand',
    wireType: 'productBrand',
    kind: 'typed',
    options: [],
    apiEncodingDocumented: true
  },
  // BEREF 01 type list.
  productCategory: {
    type: 'productCategory',
    label: 'Product Category',
    wireType: 'productCategory',
    kind: 'typed',
    options: [],
    apiEncodingDocumented: true
  },
  // BEREF 02 example and BEREF 03 response ("GROUPID"); groupIdentifierType e.g. GroupExternalId.
  groupId: {
    type: 'groupId',
    label: 'Group ID',
    wireType: 'groupId',
    kind: 'typed',
    options: ['groupIdentifierType'],
    apiEncodingDocumented: true
  },
  // SETUP "Custom Attributes" lists Currency Code; no API document shows it.
  currencyCode: {
    type: 'currencyCode',
    label: 'Currency Code',
    wireType: 'currencyCode',
    kind: 'typed',
    options: [],
    apiEncodingDocumented: false,
    note: undocumentedEncodingNote
  },
  // BEREF 01 type list; SETUP: free text, may take a regex; PSI allowed on Enum, String and Double.
  string: {
    type: 'string',
    label: 'String',
    wireType: 'string',
    kind: 'custom',
    options: ['regex', 'isPsiData'],
    apiEncodingDocumented: true
  },
  // BEREF 01 type list; SETUP: 64-bit floating value with precision up to 15 decimal places.
  double: {
    type: 'double',
    label: 'Double',
    wireType: 'double',
    kind: 'custom',
    options: ['isPsiData'],
    apiEncodingDocumented: true,
    note: 'A 64-bit floating point number with up to 15 decimal places.'
  },
  // SLATE:L4124 response shows type "date"; SETUP: same formats as eventDateTime.
  date: {
    type: 'date',
    label: 'Date',
    wireType: 'date',
    kind: 'custom',
    options: [],
    apiEncodingDocumented: true,
    note: 'Accepts the same formats as eventDateTime.',
    acceptedFormats: capillaryDateFormats
  },
  // BEREF 22 response: type "ENUM" with possibleValues {valueType: LIST}.
  enum: {
    type: 'enum',
    label: 'Enum',
    wireType: 'enum',
    kind: 'custom',
    options: ['possibleValues', 'isPsiData'],
    apiEncodingDocumented: true
  },
  // SETUP "Limitations" lists integer; no API document shows it.
  integer: {
    type: 'integer',
    label: 'Integer',
    wireType: 'integer',
    kind: 'custom',
    options: [],
    apiEncodingDocumented: false,
    note: undocumentedEncodingNote
  },
  // SETUP "Limitations" lists Boolean; no API document shows it.
  boolean: {
    type: 'boolean',
    label: 'Boolean',
    wireType: 'boolean',
    kind: 'custom',
    options: [],
    apiEncodingDocumented: false,
    note: undocumentedEncodingNote
  }
}

export const supportsOption = (type: AttributeType, option: AttributeOption): boolean =>
  attributeTypes[type].options.includes(option)

const typesByLowerCaseWireType = new Map<string, AttributeType>(
  Object.values(attributeTypes).map((info) => [info.wireType.toLowerCase(), info.type])
)

/**
 * Reads a field `type` from a Capillary response. Newer orgs answer in upper case (`CUSTOMER`, `GROUPID`,
 * `PRODUCTSKU`: BEREF 03) and older ones in the request spelling (`customer`, `tillCode`: SLATE), so case is ignored.
 */
export const parseCapillaryFieldType = (raw: string): AttributeType | undefined =>
  typesByLowerCaseWireType.get(raw.trim().toLowerCase())
