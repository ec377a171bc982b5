import { standardEvents } from './standardEvents'

/** A Capillary attribute name and the WebEngage field Capillary's own mappings read it from. */
export interface WebEngageFieldName {
  attribute: string
  webEngageField: string
}

// Notes §6.2: a real WebEngage field map for an addedToCart-style event (SLATE Get Event Data, around L4590-4625).
const slateWebEngageMap: readonly WebEngageFieldName[] = [
  { attribute: 'customerId', webEngageField: 'user_id' },
  { attribute: 'cartId', webEngageField: 'cartRefKey' },
  { attribute: 'skuCode', webEngageField: 'skuCode' },
  { attribute: 'quantity', webEngageField: 'quantity' },
  { attribute: 'price', webEngageField: 'price' },
  { attribute: 'productName', webEngageField: 'name' },
  { attribute: 'brand', webEngageField: 'brand' },
  { attribute: 'categoryName', webEngageField: 'category' },
  { attribute: 'locationName', webEngageField: 'LocationName' },
  { attribute: 'variant', webEngageField: 'variant' },
  { attribute: 'pageURL', webEngageField: 'page_url' },
  { attribute: 'browserName', webEngageField: 'browser_name' },
  { attribute: 'osName', webEngageField: 'os_name' },
  { attribute: 'device', webEngageField: 'device' },
  { attribute: 'city', webEngageField: 'city' },
  { attribute: 'region', webEngageField: 'region' },
  { attribute: 'country', webEngageField: 'country' },
  { attribute: 'ip', webEngageField: 'ip' }
]

/**
 * Every WebEngage field name Capillary's default mappings use for an attribute name: the standard library's
 * (SLATE standard_events_meta, e.g. productSku ← "SKU ID", customer ← "Customer Mobile") and the SLATE field map
 * of notes §6.2 (customerId ← user_id ...). Used to rank mapping suggestions.
 */
export const webEngageFieldNames: readonly WebEngageFieldName[] = [
  ...new Map(
    [
      ...standardEvents.flatMap((event) =>
        event.fields.map((field) => ({ attribute: field.name, webEngageField: field.webEngageFieldName }))
      ),
      ...slateWebEngageMap
    ].map((entry) => [`${entry.attribute}\u0000${entry.webEngageField}`, entry])
  ).values()
]
