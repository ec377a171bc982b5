import { describe, expect, it } from 'vitest'
import { definitionRequests } from '../../../../shared/capillary/definitionRequest'
import { eventDefinitionBody } from '../../../../shared/capillary/eventDefinitionBody'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'
import { attribute, beReserved } from './eventFixtures'

const productRemovedWithColor = () => {
  const draft = standardEventDraft('ProductRemovedFromCart')
  return { ...draft, attributes: [...draft.attributes, attribute({ name: 'color', type: 'string' })] }
}

describe('definitionRequests', () => {
  it('creates a custom event with one POST /v2/events', () => {
    expect(definitionRequests(beReserved(), { mode: 'create' })).toEqual([
      { method: 'POST', path: '/v2/events', body: eventDefinitionBody(beReserved()) }
    ])
  })

  it('replaces a custom event with one whole-definition PUT /v2/events', () => {
    expect(definitionRequests(beReserved(), { mode: 'replace' })).toEqual([
      { method: 'PUT', path: '/v2/events', body: eventDefinitionBody(beReserved()) }
    ])
  })

  it('enables a standard event with a POST without body, as SLATE documents', () => {
    expect(definitionRequests(standardEventDraft('ProductRemovedFromCart'), { mode: 'create' })).toEqual([
      {
        method: 'POST',
        path: '/v2/events/standard_events/enable',
        query: { event_name: 'ProductRemovedFromCart' }
      }
    ])
  })

  it("asks for Capillary's default WebEngage mapping when told to", () => {
    const [enable] = definitionRequests(standardEventDraft('ProductViewed'), {
      mode: 'create',
      useStandardAdapterMappings: true
    })
    expect(enable?.query).toEqual({ event_name: 'ProductViewed', use_standard_adapter_mappings: 'true' })
  })

  it('enables a standard event with custom attributes, then sends its whole definition', () => {
    const draft = productRemovedWithColor()
    expect(definitionRequests(draft, { mode: 'create' })).toEqual([
      {
        method: 'POST',
        path: '/v2/events/standard_events/enable',
        query: { event_name: 'ProductRemovedFromCart' }
      },
      { method: 'PUT', path: '/v2/events', body: eventDefinitionBody(draft) }
    ])
  })

  it('sends the standard fields along with the custom attributes in the PUT', () => {
    const [, replace] = definitionRequests(productRemovedWithColor(), { mode: 'create' })
    expect(replace?.body?.fields.map((field) => field.name)).toEqual([
      'customer',
      'cartId',
      'productSku',
      'productBrand',
      'productCategory',
      'productQuantity',
      'productPrice',
      'productName',
      'productType',
      'color'
    ])
  })

  it('sends the library customer field of a standard event with its defaults', () => {
    const [, replace] = definitionRequests(productRemovedWithColor(), { mode: 'create' })
    expect(replace?.body?.fields[0]).toEqual({
      name: 'customer',
      type: 'customer',
      attributes: {
        addCustomerIfNotExists: { valueType: 'BOOLEAN', value: 'false' },
        identifierType: { valueType: 'ENUM', value: 'mobile' },
        isRequired: { valueType: 'BOOLEAN', value: 'true' },
        source: { valueType: 'ENUM', value: 'INSTORE' }
      }
    })
  })

  it('replaces an already enabled standard event with the PUT alone', () => {
    const draft = standardEventDraft('AppInstalled')
    expect(definitionRequests(draft, { mode: 'replace' })).toEqual([
      { method: 'PUT', path: '/v2/events', body: eventDefinitionBody(draft) }
    ])
  })
})
