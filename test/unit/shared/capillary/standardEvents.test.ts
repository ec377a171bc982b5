import { describe, expect, it } from 'vitest'
import { findStandardEvent, standardEvent, standardEvents } from '../../../../shared/capillary/standardEvents'

const requiredFields = (name: Parameters<typeof standardEvent>[0]): string[] =>
  standardEvent(name)
    .fields.filter((field) => field.isRequired)
    .map((field) => field.name)

describe('standardEvents', () => {
  it('are the 12 events of the library, in the documented order', () => {
    expect(standardEvents.map((event) => event.label)).toEqual([
      'Product Removed From Cart',
      'Customer Logged Out',
      'App Installed',
      'Product Added To Cart',
      'Customer Registered',
      'Category Viewed',
      'Product Viewed',
      'Customer Logged In',
      'Coupon Applied',
      'Product Searched',
      'Coupon Denied',
      'App Uninstalled'
    ])
  })

  it('send ProductSearched to Essential Insights only', () => {
    expect(standardEvent('ProductSearched').actions).toEqual(['EIConsumer'])
  })

  it('send every other event to Essential Insights and EMF', () => {
    const others = standardEvents.filter((event) => event.name !== 'ProductSearched')
    expect(others.every((event) => event.actions.join() === 'EIConsumer,EMFConsumer')).toBe(true)
  })

  it('put the app events in MobileApp and the rest in Ecommerce', () => {
    const mobileApp = standardEvents.filter((event) => event.category === 'MobileApp').map((event) => event.name)
    expect(mobileApp).toEqual(['AppInstalled', 'AppUninstalled'])
  })

  it('start every event with a required customer field read from WebEngage "Customer Mobile"', () => {
    const customers = standardEvents.map((event) => event.fields[0])
    expect(customers.every((field) => field?.type === 'customer' && field.isRequired)).toBe(true)
    expect(customers.every((field) => field?.webEngageFieldName === 'Customer Mobile')).toBe(true)
  })

  it('have exactly one customer field each', () => {
    expect(standardEvents.every((event) => event.fields.filter((f) => f.type === 'customer').length === 1)).toBe(true)
  })

  it.each([
    ['ProductAddedToCart', ['customer', 'productSku']],
    ['ProductRemovedFromCart', ['customer', 'productSku']],
    ['ProductViewed', ['customer', 'productSku']],
    ['CategoryViewed', ['customer', 'productCategory']],
    ['ProductSearched', ['customer', 'searchTerm']],
    ['CouponApplied', ['customer', 'orderId']],
    ['CouponDenied', ['customer', 'orderId']],
    ['CustomerRegistered', ['customer', 'firstName']],
    ['CustomerLoggedIn', ['customer', 'lastName']],
    ['CustomerLoggedOut', ['customer']],
    ['AppInstalled', ['customer']],
    ['AppUninstalled', ['customer']]
  ] as const)('require in %s exactly the fields %j', (name, required) => {
    expect(requiredFields(name)).toEqual(required)
  })

  it('define the cart fields with their types', () => {
    expect(standardEvent('ProductAddedToCart').fields.map((field) => `${field.name}:${field.type}`)).toEqual([
      'customer:customer',
      'cartId:string',
      'productSku:productSku',
      'productBrand:productBrand',
      'productCategory:productCategory',
      'productQuantity:double',
      'productPrice:double',
      'productName:string',
      'productType:string'
    ])
  })

  it('define CouponDenied as CouponApplied plus a reason', () => {
    const applied = standardEvent('CouponApplied').fields.map((field) => field.name)
    expect(standardEvent('CouponDenied').fields.map((field) => field.name)).toEqual([...applied, 'reason'])
  })

  it('type the coupon code as Coupon Code and the discount as Double', () => {
    const types = Object.fromEntries(standardEvent('CouponApplied').fields.map((field) => [field.name, field.type]))
    expect(types).toMatchObject({ couponCode: 'couponCode', discount: 'double', orderId: 'string' })
  })

  it('give each event its default WebEngage event name', () => {
    expect(standardEvent('ProductAddedToCart').webEngageEventName).toBe('Product Added To Cart')
  })

  it('keep the WebEngage name "CouponDenied" without spaces, as Capillary defines it', () => {
    expect(standardEvent('CouponDenied').webEngageEventName).toBe('CouponDenied')
  })

  it('map the cart fields from their default WebEngage names', () => {
    expect(standardEvent('ProductAddedToCart').fields.map((field) => field.webEngageFieldName)).toEqual([
      'Customer Mobile',
      'Cart ID',
      'SKU ID',
      'Brand',
      'Category',
      'Quantity',
      'Price',
      'Product Name',
      'Product Type'
    ])
  })

  it('keep the misspelt WebEngage name "Cateogry" where Capillary uses it', () => {
    expect(standardEvent('ProductRemovedFromCart').fields[4]?.webEngageFieldName).toBe('Cateogry')
  })

  it('map searchTerm from WebEngage "Search"', () => {
    expect(standardEvent('ProductSearched').fields[1]).toMatchObject({
      name: 'searchTerm',
      webEngageFieldName: 'Search'
    })
  })
})

describe('findStandardEvent', () => {
  it('finds a standard event by its name', () => {
    expect(findStandardEvent('CategoryViewed')?.label).toBe('Category Viewed')
  })

  it('does not find a custom event name', () => {
    expect(findStandardEvent('be_reserved')).toBeUndefined()
  })

  it('does not find a label', () => {
    expect(findStandardEvent('Category Viewed')).toBeUndefined()
  })
})
