import { describe, expect, it } from 'vitest'
import { checkAttributeOptions } from '../../../../shared/capillary/checkAttributeOptions'
import { attribute, customerId } from './eventFixtures'

describe('checkAttributeOptions', () => {
  it('accepts a unique, required String like hotel_name', () => {
    const hotelName = attribute({ name: 'hotel_name', type: 'string', isRequired: true, isUniqueKeyField: true })
    expect(checkAttributeOptions(hotelName, 1)).toEqual([])
  })

  it('accepts PSI on a Double like age', () => {
    expect(checkAttributeOptions(attribute({ name: 'age', type: 'double', isPsiData: true }), 4)).toEqual([])
  })

  it('accepts PSI on an Enum', () => {
    expect(checkAttributeOptions(attribute({ name: 'hobby', type: 'enum', isPsiData: true }), 0)).toEqual([])
  })

  it('accepts a regex on a Coupon Code', () => {
    expect(checkAttributeOptions(attribute({ name: 'code', type: 'couponCode', regex: '^C' }), 0)).toEqual([])
  })

  it('accepts the customer settings of the customer field', () => {
    expect(checkAttributeOptions(customerId(), 0)).toEqual([])
  })

  it('accepts a group identifier type on a Group ID', () => {
    const group = attribute({ name: 'group', type: 'groupId', groupIdentifierType: 'GroupExternalId' })
    expect(checkAttributeOptions(group, 0)).toEqual([])
  })

  it('rejects PSI on the customer identifier', () => {
    expect(checkAttributeOptions(customerId({ isPsiData: true }), 0)).toEqual([
      expect.objectContaining({ path: 'attributes/0/isPsiData', code: 'psi_on_customer', severity: 'error' })
    ])
  })

  it('rejects PSI on a Product SKU and names the types that take it', () => {
    expect(checkAttributeOptions(attribute({ name: 'sku', type: 'productSku', isPsiData: true }), 2)).toEqual([
      expect.objectContaining({
        path: 'attributes/2/isPsiData',
        code: 'option_not_supported',
        message: expect.stringContaining('only String, Double, Enum can')
      })
    ])
  })

  it('rejects a regex on a Double and names the types that take one', () => {
    expect(checkAttributeOptions(attribute({ name: 'price', type: 'double', regex: '^\\d+$' }), 0)).toEqual([
      expect.objectContaining({
        path: 'attributes/0/regex',
        code: 'option_not_supported',
        message: expect.stringContaining('only Coupon Code, String can')
      })
    ])
  })

  it('ignores an empty regex on a type without regexes', () => {
    expect(checkAttributeOptions(attribute({ name: 'price', type: 'double', regex: '' }), 0)).toEqual([])
  })

  it('rejects possible values on a String', () => {
    expect(checkAttributeOptions(attribute({ name: 'hobby', type: 'string', possibleValues: ['Music'] }), 0)).toEqual([
      expect.objectContaining({ path: 'attributes/0/possibleValues', code: 'option_not_supported' })
    ])
  })

  it('ignores an empty list of possible values on a String', () => {
    expect(checkAttributeOptions(attribute({ name: 'hobby', type: 'string', possibleValues: [] }), 0)).toEqual([])
  })

  it('rejects customer settings on a field that is not the customer', () => {
    const settings = { identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: false }
    expect(checkAttributeOptions(attribute({ name: 'phone', type: 'string', customer: settings }), 0)).toEqual([
      expect.objectContaining({ path: 'attributes/0/customer', code: 'option_not_supported' })
    ])
  })

  it('rejects a group identifier type on a String', () => {
    const field = attribute({ name: 'group', type: 'string', groupIdentifierType: 'GroupExternalId' })
    expect(checkAttributeOptions(field, 0)).toEqual([
      expect.objectContaining({ path: 'attributes/0/groupIdentifierType', code: 'option_not_supported' })
    ])
  })

  it('rejects a unique key field that is not required', () => {
    expect(checkAttributeOptions(attribute({ name: 'ref_id', type: 'string', isUniqueKeyField: true }), 3)).toEqual([
      expect.objectContaining({ path: 'attributes/3/isRequired', code: 'unique_key_not_required', severity: 'error' })
    ])
  })

  it.each(['integer', 'boolean', 'currencyCode'] as const)(
    'warns that the API encoding of %s is undocumented',
    (type) => {
      expect(checkAttributeOptions(attribute({ name: 'value', type }), 0)).toEqual([
        expect.objectContaining({ path: 'attributes/0/type', code: 'type_encoding_undocumented', severity: 'warning' })
      ])
    }
  )

  it('does not warn about Date, seen in Capillary responses', () => {
    expect(checkAttributeOptions(attribute({ name: 'createdDate', type: 'date' }), 0)).toEqual([])
  })
})
