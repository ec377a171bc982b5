import { describe, expect, it } from 'vitest'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'
import { inferSchema } from '../../../../shared/engine/inferSchema'
import { suggestMappings } from '../../../../shared/engine/suggestMappings'
import orderPayload from './fixtures/custom-app-order-with-items.json'
import { orderItemPurchased, promotionViewed } from './fixtures/events'
import addedToCartPayload from './fixtures/webengage-added-to-cart-flat.json'
import promotionPayload from './fixtures/webengage-promotion-viewed-nested.json'

const best = (suggestions: ReturnType<typeof suggestMappings>, target: string) =>
  suggestions.find((entry) => entry.target === target)?.suggestions[0]

describe('suggestMappings', () => {
  it('ranks the flat WebEngage fields first for ProductAddedToCart', () => {
    const suggestions = suggestMappings(inferSchema([addedToCartPayload]), standardEventDraft('ProductAddedToCart'))
    expect(
      Object.fromEntries(
        [
          'customer',
          'cartId',
          'productSku',
          'productBrand',
          'productCategory',
          'productQuantity',
          'productPrice',
          'productName'
        ].map((target) => [target, best(suggestions, target)?.path])
      )
    ).toEqual({
      customer: 'user_id',
      cartId: 'cartRefKey',
      productSku: 'skuCode',
      productBrand: 'brand',
      productCategory: 'category',
      productQuantity: 'quantity',
      productPrice: 'price',
      productName: 'name'
    })
  })

  it("uses Capillary's default WebEngage field names", () => {
    const payload = { 'SKU ID': 'A-1', 'Customer Mobile': '919663673779', Cateogry: 'Shirts' }
    const suggestions = suggestMappings(inferSchema([payload]), standardEventDraft('ProductViewed'))
    expect(best(suggestions, 'productSku')).toMatchObject({
      path: '["SKU ID"]',
      reasons: expect.arrayContaining([expect.stringContaining('default WebEngage')])
    })
    expect(best(suggestions, 'productCategory')?.path).toBe('Cateogry')
  })

  it('proposes the transforms values need: toNumber for numeric text, parseDate and formatDate for dates', () => {
    const suggestions = suggestMappings(inferSchema([promotionPayload]), promotionViewed)
    expect(best(suggestions, 'discount')?.rule).toEqual({
      target: 'discount',
      source: { kind: 'path', path: 'event_data.Discount', scope: 'item' },
      transforms: [{ kind: 'toNumber' }]
    })
    expect(best(suggestions, 'eventDateTime')?.rule.transforms.map((transform) => transform.kind)).toEqual([
      'parseDate',
      'formatDate'
    ])
    expect(best(suggestions, 'promotionId')?.path).toBe('event_data["Promotion ID"]')
  })

  it('suggests list fields lower, saying they need fan-out', () => {
    const suggestions = suggestMappings(inferSchema([orderPayload]), orderItemPurchased)
    expect(best(suggestions, 'sku')).toMatchObject({
      path: 'order.items[*].sku',
      reasons: expect.arrayContaining([expect.stringContaining('fan out')])
    })
    expect(best(suggestions, 'customer')?.path).toBe('customer.mobile')
  })

  it('suggests nothing rather than anything', () => {
    const suggestions = suggestMappings(inferSchema([{ zzz: 'q' }]), promotionViewed)
    expect(suggestions.find((entry) => entry.target === 'discount')?.suggestions).toEqual([])
  })
})
