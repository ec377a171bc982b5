import { describe, expect, it } from 'vitest'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'
import { nodeSourceCompiler } from '../../../../main/engine/nodeSourceCompiler'
import { type CompileOptions, compileMapping, type MappingEvent } from '../../../../shared/engine/compileMapping'
import { decodeBody } from '../../../../shared/engine/decode/decodeBody'
import type { MappingResult } from '../../../../shared/engine/mappingResult'
import { MappingSpec } from '../../../../shared/model/mapping'
import { bytes, orderXml, reservationForm } from './fixtures/bodies'
import orderPayload from './fixtures/custom-app-order-with-items.json'
import { beReserved, orderItemPurchased, promotionViewed } from './fixtures/events'
import bookingFormMapping from './fixtures/mappings/booking-form.json'
import orderMapping from './fixtures/mappings/custom-app-order.json'
import orderXmlMapping from './fixtures/mappings/order-xml.json'
import addedToCartMapping from './fixtures/mappings/webengage-added-to-cart.json'
import promotionMapping from './fixtures/mappings/webengage-promotion-viewed.json'
import addedToCartPayload from './fixtures/webengage-added-to-cart-flat.json'
import promotionPayload from './fixtures/webengage-promotion-viewed-nested.json'

// Whole mappings over the realistic payloads of ../shared/fixtures (copied beside this file) and two raw bodies:
// the exact payloads Capillary would receive, and every diagnostic, are the specification. Both engines must meet it:
// the closures (the renderer's) and the generated code main compiles.
const engines: [string, CompileOptions][] = [
  ['closures', {}],
  ['generated', { sourceCompiler: nodeSourceCompiler }]
]

const summary = (result: MappingResult) =>
  result.diagnostics.map((diagnostic) => [
    diagnostic.code,
    diagnostic.attribute,
    diagnostic.inputPointer,
    diagnostic.outputPointer
  ])

describe.each(engines)('golden mappings (%s)', (_, options) => {
  function run(mapping: unknown, event: MappingEvent, payload: unknown): MappingResult {
    const compiled = compileMapping(MappingSpec.parse(mapping), event, options)
    if (compiled.isAsync) throw new Error('these mappings have no JSONata rules')
    return compiled(payload)
  }

  it('maps WebEngage flat keys onto the standard ProductAddedToCart', () => {
    const result = run(addedToCartMapping, standardEventDraft('ProductAddedToCart'), addedToCartPayload)
    expect(result.outputs.map((output) => output.payload)).toEqual([
      {
        event_name: 'ProductAddedToCart',
        customer: '919663673779',
        cartId: '7f1e74da-36d3-4fda-9aef-9e8be379a6db',
        productSku: '14572567',
        productBrand: 'Bukl',
        productCategory: 'Men/Top Wear/Shirts',
        productQuantity: 1,
        productPrice: 1299,
        productName: "Men's Casual shirt",
        productType: 'M'
      }
    ])
    expect(result.diagnostics).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('does not map another WebEngage event', () => {
    const result = run(addedToCartMapping, standardEventDraft('ProductAddedToCart'), {
      ...addedToCartPayload,
      event_name: 'Product Viewed'
    })
    expect(result).toMatchObject({ matched: false, outputs: [] })
    expect(summary(result)).toEqual([['no_match', undefined, '/event_name', undefined]])
  })

  it('maps nested event_data/system_data with quoted keys, a converted time and a hashed id', () => {
    const result = run(promotionMapping, promotionViewed, promotionPayload)
    expect(result.outputs.map((output) => output.payload)).toEqual([
      {
        event_name: 'promotionViewed',
        customerId: '919880012345',
        promotionId: 'PROMO-DIWALI-25',
        promotionName: 'Diwali 25% off',
        discount: 25,
        channel: 'PUSH',
        eventDateTime: '2026-11-20 18:42:07',
        // sha256("919880012345:PROMO-DIWALI-25:2026-11-20T18:42:07+05:30")
        external_event_id: '7aab2d13f96bd6ac4aa96f8d15c49e02c9be3c947301d8d26cf9ef6a40b4da7c'
      }
    ])
    expect(result.outputs[0]?.provenance.find((entry) => entry.target === 'promotionId')?.inputPointers).toEqual([
      '/event_data/Promotion ID'
    ])
    expect(result.diagnostics).toEqual([])
  })

  it('fans an order out into one event per line item', () => {
    const result = run(orderMapping, orderItemPurchased, orderPayload)
    const common = {
      event_name: 'orderItemPurchased',
      customer: '919845012345',
      email: 'asha.rao@example.com',
      orderNumber: 'SO-100482',
      tillCode: 'blr.koramangala.till1',
      couponCode: 'FESTIVE10',
      currency: 'INR',
      tier: 'Gold',
      itemCount: 3,
      // sha256("asha.rao@example.com")
      customerHash: 'f00fd4a89e84212b5eda5fe53095146e1619900ecd503089efe3e5beee340aba',
      maskedMobile: '***********2345',
      eventDateTime: '2025-11-28T14:32:07+05:30'
    }
    expect(result.outputs.map((output) => output.payload)).toEqual([
      {
        ...common,
        sku: 'TSHIRT-BLK-M',
        brand: 'Acme',
        category: 'Apparel',
        quantity: 2,
        unitPrice: 499.5,
        external_event_id: 'evt_01JD8Q3F5Z-TSHIRT-BLK-M'
      },
      {
        ...common,
        sku: 'CAP-RED',
        brand: 'Acme',
        category: 'Accessories',
        quantity: 1,
        unitPrice: 299,
        external_event_id: 'evt_01JD8Q3F5Z-CAP-RED'
      }
    ])
    expect(result.outputs.map((output) => output.itemPointer)).toEqual(['/order/items/0', '/order/items/1'])
    expect(summary(result)).toEqual([
      ['identifier_normalised', 'customer', '/customer/mobile', '/0/customer'],
      ['identifier_normalised', 'customer', '/customer/mobile', '/1/customer']
    ])
    expect(result.valid).toBe(true)
  })

  it('maps a form-encoded body', () => {
    const decoded = decodeBody(bytes(reservationForm), 'application/x-www-form-urlencoded')
    const result = run(bookingFormMapping, beReserved, decoded.value)
    expect(result.outputs.map((output) => output.payload)).toEqual([
      {
        event_name: 'be_reserved',
        customer_id: '919933772255',
        hotel_name: 'Indiranagar & Co',
        room_nights: '12',
        age: 20,
        check_in_date: '2024-04-11',
        external_event_id: 'wifi+breakfast'
      }
    ])
    expect(summary(result)).toEqual([
      ['identifier_normalised', 'customer_id', '/customer_id', '/0/customer_id'],
      ['naive_datetime', 'check_in_date', '/check_in', '/0/check_in_date']
    ])
  })

  it('maps an XML body, fanning out over its repeated elements', () => {
    const decoded = decodeBody(bytes(orderXml), 'application/xml')
    const result = run(orderXmlMapping, orderItemPurchased, decoded.value)
    const common = {
      event_name: 'orderItemPurchased',
      customer: '919845012345',
      email: 'asha.rao@example.com',
      orderNumber: 'SO-100482',
      currency: 'INR',
      itemCount: 3,
      eventDateTime: '2025-11-28 09:02:07'
    }
    expect(result.outputs.map((output) => output.payload)).toEqual([
      { ...common, sku: 'TSHIRT-BLK-M', quantity: 2, unitPrice: 499.5 },
      { ...common, sku: 'CAP-RED', quantity: 1, unitPrice: 299 }
    ])
    expect(summary(result)).toEqual([
      ['identifier_normalised', 'customer', '/order/customer/@_mobile', '/0/customer'],
      ['timezone_converted', 'eventDateTime', '/order/@_placedAt', '/0/eventDateTime'],
      ['identifier_normalised', 'customer', '/order/customer/@_mobile', '/1/customer'],
      ['timezone_converted', 'eventDateTime', '/order/@_placedAt', '/1/eventDateTime']
    ])
  })

  it("passes Capillary's own Post Event example through unchanged", async () => {
    const { default: payload } = await import('./fixtures/custom-be-reserved.json')
    const identity = {
      match: { kind: 'eventName', field: 'event_name', sourceNames: ['be_reserved'] },
      rules: ['customer_id', 'hotel_name', 'room_nights', 'age', 'eventDateTime', 'external_event_id'].map((name) => ({
        target: name,
        source: { kind: 'path', path: name }
      }))
    }
    const result = run(identity, beReserved, payload)
    expect(result.outputs[0]?.payload).toEqual(payload)
    expect(summary(result)).toEqual([['invalid_identifier', 'customer_id', '/customer_id', '/0/customer_id']])
    expect(result.valid).toBe(true)
  })
})
