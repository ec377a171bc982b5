import { describe, expect, it } from 'vitest'
import { eventDefinitionBody } from '../../../../shared/capillary/eventDefinitionBody'
import { attribute, beReserved, customerId } from './eventFixtures'

const yes = { valueType: 'BOOLEAN', value: 'true' }
const no = { valueType: 'BOOLEAN', value: 'false' }

const fieldOf = (draft: Parameters<typeof eventDefinitionBody>[0], index: number) =>
  eventDefinitionBody(draft).fields[index]

describe('eventDefinitionBody', () => {
  it('re-creates be_reserved with the fields Capillary stores for it (BEREF 22), types in request case', () => {
    expect(eventDefinitionBody(beReserved())).toEqual({
      eventName: 'be_reserved',
      actions: ['EMFConsumer', 'EIConsumer'],
      description: 'be_reserved',
      fields: [
        {
          name: 'customer_id',
          type: 'customer',
          attributes: {
            addCustomerIfNotExists: yes,
            identifierType: { valueType: 'ENUM', value: 'mobile' },
            isRequired: yes,
            source: { valueType: 'ENUM', value: 'INSTORE' }
          }
        },
        {
          name: 'hotel_name',
          type: 'string',
          attributes: { isPsiData: no, isRequired: yes, isUniqueKeyField: yes }
        },
        {
          name: 'external_event_id',
          type: 'string',
          attributes: { isPsiData: no, isRequired: yes, isUniqueKeyField: yes }
        },
        {
          name: 'room_nights',
          type: 'enum',
          attributes: {
            isPsiData: no,
            isRequired: no,
            possibleValues: {
              valueType: 'LIST',
              values: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']
            }
          }
        },
        { name: 'age', type: 'double', attributes: { isPsiData: yes, isRequired: no } }
      ]
    })
  })

  it('orders the body keys as the Update Custom Event sample', () => {
    expect(Object.keys(eventDefinitionBody(beReserved()))).toEqual(['eventName', 'actions', 'description', 'fields'])
  })

  it('orders each field as name, type, attributes', () => {
    expect(Object.keys(fieldOf(beReserved(), 0) ?? {})).toEqual(['name', 'type', 'attributes'])
  })

  it('orders field attributes alphabetically, as Capillary answers them', () => {
    expect(Object.keys(fieldOf(beReserved(), 0)?.attributes ?? {})).toEqual([
      'addCustomerIfNotExists',
      'identifierType',
      'isRequired',
      'source'
    ])
  })

  it('writes each value as valueType then value', () => {
    expect(Object.keys(fieldOf(beReserved(), 1)?.attributes.isRequired ?? {})).toEqual(['valueType', 'value'])
  })

  it('sends a String regex as a STRING value', () => {
    const draft = beReserved({
      attributes: [customerId(), attribute({ name: 'code', type: 'string', regex: '^C\\d+$' })]
    })
    expect(fieldOf(draft, 1)?.attributes.regex).toEqual({ valueType: 'STRING', value: '^C\\d+$' })
  })

  it('sends a Coupon Code with its regex and without a PSI flag', () => {
    const coupon = attribute({ name: 'coupon', type: 'couponCode', isRequired: true, regex: '^[A-Z]{6}$' })
    expect(fieldOf(beReserved({ attributes: [customerId(), coupon] }), 1)).toEqual({
      name: 'coupon',
      type: 'couponCode',
      attributes: { isRequired: yes, regex: { valueType: 'STRING', value: '^[A-Z]{6}$' } }
    })
  })

  it('leaves out an empty regex', () => {
    const draft = beReserved({ attributes: [attribute({ name: 'code', type: 'string', regex: '' })] })
    expect(fieldOf(draft, 0)?.attributes).toEqual({ isPsiData: no, isRequired: no })
  })

  it('sends the source account of a customer from a multi-account source', () => {
    const customer = {
      identifierType: 'wechat',
      source: 'WECHAT',
      accountId: 'wx-brand',
      addCustomerIfNotExists: false
    }
    expect(fieldOf(beReserved({ attributes: [customerId({ customer })] }), 0)?.attributes.accountId).toEqual({
      valueType: 'ENUM',
      value: 'wx-brand'
    })
  })

  it("sends Capillary's customer defaults when the settings are missing", () => {
    expect(fieldOf(beReserved({ attributes: [customerId({ customer: undefined })] }), 0)?.attributes).toEqual({
      addCustomerIfNotExists: no,
      identifierType: { valueType: 'ENUM', value: 'mobile' },
      isRequired: yes,
      source: { valueType: 'ENUM', value: 'INSTORE' }
    })
  })

  it('sends a Group ID with its group identifier type', () => {
    const group = attribute({ name: 'group', type: 'groupId', groupIdentifierType: 'GroupExternalId' })
    expect(fieldOf(beReserved({ attributes: [group] }), 0)).toEqual({
      name: 'group',
      type: 'groupId',
      attributes: { groupIdentifierType: { valueType: 'ENUM', value: 'GroupExternalId' }, isRequired: no }
    })
  })

  it('sends typed fields with only isRequired, as the Create Custom Event sample', () => {
    const till = attribute({ name: 'till', type: 'tillCode', isRequired: true })
    expect(fieldOf(beReserved({ attributes: [till] }), 0)).toEqual({
      name: 'till',
      type: 'tillCode',
      attributes: { isRequired: yes }
    })
  })

  it('never sends settings the type does not take', () => {
    const price = attribute({
      name: 'price',
      type: 'productSku',
      regex: '\\d',
      isPsiData: true,
      possibleValues: ['1'],
      groupIdentifierType: 'GroupExternalId'
    })
    expect(fieldOf(beReserved({ attributes: [price] }), 0)?.attributes).toEqual({ isRequired: no })
  })

  it('sends the unique-key flag only when it is set', () => {
    expect(fieldOf(beReserved(), 4)?.attributes.isUniqueKeyField).toBeUndefined()
  })

  it('leaves out an empty description', () => {
    expect(eventDefinitionBody(beReserved({ description: ' ' }))).not.toHaveProperty('description')
  })

  it('does not send the display name, which no request document has', () => {
    expect(eventDefinitionBody(beReserved({ label: 'Hotel reserved' }))).not.toHaveProperty('label')
  })

  it('sends an undocumented type under its guessed wire name', () => {
    expect(fieldOf(beReserved({ attributes: [attribute({ name: 'nights', type: 'integer' })] }), 0)?.type).toBe(
      'integer'
    )
  })
})
