import { describe, expect, it } from 'vitest'
import { AttributeType } from '../../../../shared/model/event'
import { attributeTypes, parseCapillaryFieldType, supportsOption } from '../../../../shared/capillary/attributeTypes'
import { capillaryDateFormats } from '../../../../shared/capillary/implicitAttributes'

const typesWith = (predicate: (type: AttributeType) => boolean): AttributeType[] =>
  AttributeType.options.filter(predicate)

describe('attributeTypes', () => {
  it('describes every attribute type of the model', () => {
    expect(Object.keys(attributeTypes).sort()).toEqual([...AttributeType.options].sort())
  })

  it('sends the type strings of the create docs, in camel and lower case', () => {
    expect(AttributeType.options.map((type) => attributeTypes[type].wireType)).toEqual([
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
  })

  it('labels the types as Capillary UI does', () => {
    expect(attributeTypes.productSku.label).toBe('Product SKU')
    expect(attributeTypes.groupId.label).toBe('Group ID')
    expect(attributeTypes.currencyCode.label).toBe('Currency Code')
  })

  it('counts the eight Capillary entities as typed fields and the rest as custom', () => {
    expect(typesWith((type) => attributeTypes[type].kind === 'typed')).toEqual([
      'customer',
      'tillCode',
      'couponCode',
      'productSku',
      'productBrand',
      'productCategory',
      'groupId',
      'currencyCode'
    ])
  })

  it('allows a regex only on String and Coupon Code', () => {
    expect(typesWith((type) => supportsOption(type, 'regex'))).toEqual(['couponCode', 'string'])
  })

  it('allows the PSI flag only on Enum, String and Double, never on the customer', () => {
    expect(typesWith((type) => supportsOption(type, 'isPsiData'))).toEqual(['string', 'double', 'enum'])
  })

  it('gives possible values only to Enum', () => {
    expect(typesWith((type) => supportsOption(type, 'possibleValues'))).toEqual(['enum'])
  })

  it('gives customer settings only to the Customer Identifier', () => {
    expect(typesWith((type) => supportsOption(type, 'customer'))).toEqual(['customer'])
  })

  it('gives a group identifier type only to Group ID', () => {
    expect(typesWith((type) => supportsOption(type, 'groupIdentifierType'))).toEqual(['groupId'])
  })

  it('marks integer, boolean and currencyCode as having an undocumented API encoding', () => {
    expect(typesWith((type) => !attributeTypes[type].apiEncodingDocumented)).toEqual([
      'currencyCode',
      'integer',
      'boolean'
    ])
  })

  it('explains the undocumented encoding in a note', () => {
    expect(attributeTypes.integer.note).toContain('not documented')
  })

  it('lets Date accept the same formats as eventDateTime', () => {
    expect(attributeTypes.date.acceptedFormats).toEqual(capillaryDateFormats)
  })
})

describe('parseCapillaryFieldType', () => {
  it('reads the upper-case types of newer responses', () => {
    expect(parseCapillaryFieldType('CUSTOMER')).toBe('customer')
    expect(parseCapillaryFieldType('GROUPID')).toBe('groupId')
    expect(parseCapillaryFieldType('PRODUCTSKU')).toBe('productSku')
  })

  it('reads every upper-case type of the Get Org Events sample', () => {
    const sample = ['CUSTOMER', 'STRING', 'DOUBLE', 'DATE', 'TILLCODE', 'PRODUCTSKU', 'PRODUCTBRAND', 'PRODUCTCATEGORY']
    expect(sample.map(parseCapillaryFieldType)).toEqual([
      'customer',
      'string',
      'double',
      'date',
      'tillCode',
      'productSku',
      'productBrand',
      'productCategory'
    ])
  })

  it('reads the ENUM type of the be_reserved sample', () => {
    expect(parseCapillaryFieldType('ENUM')).toBe('enum')
  })

  it('reads the request spelling of older responses', () => {
    expect(parseCapillaryFieldType('tillCode')).toBe('tillCode')
  })

  it('reads back every wire type it sends', () => {
    expect(AttributeType.options.map((type) => parseCapillaryFieldType(attributeTypes[type].wireType))).toEqual(
      AttributeType.options
    )
  })

  it('returns undefined for a type it does not know', () => {
    expect(parseCapillaryFieldType('GEOLOCATION')).toBeUndefined()
  })
})
