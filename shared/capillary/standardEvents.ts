import { z } from 'zod'
import type { AttributeType, EventAction } from '../model/event'

// SETUP "Types of Behavioral Events": the 12 standard events, in the order SLATE's standard_events_meta lists them.
export const StandardEventName = z.enum([
  'ProductRemovedFromCart',
  'CustomerLoggedOut',
  'AppInstalled',
  'ProductAddedToCart',
  'CustomerRegistered',
  'CategoryViewed',
  'ProductViewed',
  'CustomerLoggedIn',
  'CouponApplied',
  'ProductSearched',
  'CouponDenied',
  'AppUninstalled'
])
export type StandardEventName = z.infer<typeof StandardEventName>

export type StandardField = {
  name: string
  type: AttributeType
  isRequired: boolean
  /** The WebEngage attribute Capillary's default WebEngage mapping reads this field from. */
  webEngageFieldName: string
}

export type StandardEvent = {
  name: StandardEventName
  label: string
  category: 'Ecommerce' | 'MobileApp'
  actions: readonly EventAction[]
  /** The WebEngage event name Capillary's default WebEngage mapping turns into this event. */
  webEngageEventName: string
  fields: readonly StandardField[]
}

const field = (name: string, type: AttributeType, webEngageFieldName: string, isRequired = false): StandardField => ({
  name,
  type,
  isRequired,
  webEngageFieldName
})

// SLATE standard_events_meta: every standard event's customer field is required, WebEngage "Customer Mobile".
const customer = field('customer', 'customer', 'Customer Mobile', true)

// SLATE:L737-2340: actions are ["EIConsumer","EMFConsumer"] for every standard event but ProductSearched.
const allActions: readonly EventAction[] = ['EIConsumer', 'EMFConsumer']

// SLATE standard_events_meta: Capillary's default WebEngage map keys productCategory under the misspelt
// `productCateogry`, reading WebEngage "Cateogry" (sic), except ProductAddedToCart which reads "Category".
const cartFields = (categoryWebEngageName: string): StandardField[] => [
  customer,
  field('cartId', 'string', 'Cart ID'),
  field('productSku', 'productSku', 'SKU ID', true),
  field('productBrand', 'productBrand', 'Brand'),
  field('productCategory', 'productCategory', categoryWebEngageName),
  field('productQuantity', 'double', 'Quantity'),
  field('productPrice', 'double', 'Price'),
  field('productName', 'string', 'Product Name'),
  field('productType', 'string', 'Product Type')
]

// SLATE standard_events_meta: the customer-session events share these fields; which one is required varies.
const sessionFields = (required: 'firstName' | 'lastName' | 'none'): StandardField[] => [
  customer,
  field('firstName', 'string', 'First Name', required === 'firstName'),
  field('lastName', 'string', 'Last Name', required === 'lastName'),
  field('deviceId', 'string', 'Device ID'),
  field('ipAddress', 'string', 'IP Address'),
  field('location', 'string', 'Location')
]

const couponFields: StandardField[] = [
  customer,
  field('couponId', 'string', 'Coupon ID'),
  field('orderId', 'string', 'Order ID', true),
  field('cartId', 'string', 'Cart ID'),
  field('checkoutId', 'string', 'Checkout ID'),
  field('couponCode', 'couponCode', 'Coupon Code'),
  field('discount', 'double', 'Discount')
]

const definitions: { readonly [N in StandardEventName]: Omit<StandardEvent, 'name'> } = {
  ProductRemovedFromCart: {
    label: 'Product Removed From Cart',
    category: 'Ecommerce',
    actions: allActions,
    webEngageEventName: 'Product Removed From Cart',
    fields: cartFields('Cateogry')
  },
  CustomerLoggedOut: {
    label: 'Customer Logged Out',
    category: 'Ecommerce',
    actions: allActions,
    webEngageEventName: 'Customer Logged Out',
    fields: sessionFields('none')
  },
  AppInstalled: {
    label: 'App Installed',
    category: 'MobileApp',
    actions: allActions,
    webEngageEventName: 'App Installed',
    fields: sessionFields('none')
  },
  ProductAddedToCart: {
    label: 'Product Added To Cart',
    category: 'Ecommerce',
    actions: allActions,
    webEngageEventName: 'Product Added To Cart',
    fields: cartFields('Category')
  },
  CustomerRegistered: {
    label: 'Customer Registered',
    category: 'Ecommerce',
    actions: allActions,
    webEngageEventName: 'Customer Registered',
    fields: sessionFields('firstName')
  },
  CategoryViewed: {
    label: 'Category Viewed',
    category: 'Ecommerce',
    actions: allActions,
    webEngageEventName: 'Category Viewed',
    fields: [
      customer,
      field('categoryId', 'string', 'Category ID'),
      field('productCategory', 'productCategory', 'Cateogry', true)
    ]
  },
  ProductViewed: {
    label: 'Product Viewed',
    category: 'Ecommerce',
    actions: allActions,
    webEngageEventName: 'Product Viewed',
    fields: [
      customer,
      field('productSku', 'productSku', 'SKU ID', true),
      field('productBrand', 'productBrand', 'Brand'),
      field('productCategory', 'productCategory', 'Cateogry'),
      field('productPrice', 'double', 'Price'),
      field('productName', 'string', 'Product Name'),
      field('productType', 'string', 'Product Type')
    ]
  },
  CustomerLoggedIn: {
    label: 'Customer Logged In',
    category: 'Ecommerce',
    actions: allActions,
    webEngageEventName: 'Customer Logged In',
    fields: sessionFields('lastName')
  },
  CouponApplied: {
    label: 'Coupon Applied',
    category: 'Ecommerce',
    actions: allActions,
    webEngageEventName: 'Coupon Applied',
    fields: couponFields
  },
  // SLATE standard_events_meta: ProductSearched goes to Essential Insights only.
  ProductSearched: {
    label: 'Product Searched',
    category: 'Ecommerce',
    actions: ['EIConsumer'],
    webEngageEventName: 'Product Searched',
    fields: [customer, field('searchTerm', 'string', 'Search', true)]
  },
  // SLATE standard_events_meta: the default WebEngage event name is "CouponDenied" (sic, no spaces).
  CouponDenied: {
    label: 'Coupon Denied',
    category: 'Ecommerce',
    actions: allActions,
    webEngageEventName: 'CouponDenied',
    fields: [...couponFields, field('reason', 'string', 'Reason')]
  },
  // SLATE:L737-2340 lists lastName; the later copy of the sample (SLATE:L5082-6662) omits it. We follow the first.
  AppUninstalled: {
    label: 'App Uninstalled',
    category: 'MobileApp',
    actions: allActions,
    webEngageEventName: 'App Uninstalled',
    fields: sessionFields('none')
  }
}

export const standardEvent = (name: StandardEventName): StandardEvent => ({ name, ...definitions[name] })

export const standardEvents: readonly StandardEvent[] = StandardEventName.options.map(standardEvent)

export const findStandardEvent = (name: string): StandardEvent | undefined => {
  const parsed = StandardEventName.safeParse(name)
  return parsed.success ? standardEvent(parsed.data) : undefined
}
