import { describe, expect, it } from 'vitest'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'
import { capillaryNativeMapping } from '../../../../shared/engine/capillaryNativeMapping'
import { MappingSpec } from '../../../../shared/model/mapping'
import { beReserved, promotionViewed } from './fixtures/events'
import orderMapping from './fixtures/mappings/custom-app-order.json'
import addedToCartMapping from './fixtures/mappings/webengage-added-to-cart.json'
import promotionMapping from './fixtures/mappings/webengage-promotion-viewed.json'

const renames = MappingSpec.parse({
  match: { kind: 'eventName', field: 'event_name', sourceNames: ['Promotion Viewed'] },
  rules: [
    { target: 'customerId', source: { kind: 'path', path: 'user_id' } },
    { target: 'promotionId', source: { kind: 'path', path: '["Promotion ID"]' } }
  ]
})

describe('capillaryNativeMapping', () => {
  it('gives the WebEngage adapter body for renames of top-level fields (notes §6.1 and §11.C)', () => {
    expect(capillaryNativeMapping(renames, promotionViewed)).toEqual({
      native: true,
      transformerType: 'webEngageTransformer',
      body: {
        transformerType: 'webEngageTransformer',
        webEngageTransformerData: {
          eventMapper: {
            eventFieldName: 'event_name',
            eventDataType: '',
            fieldName: 'event_name',
            valueMap: { 'Promotion Viewed': 'promotionViewed' }
          },
          eventFieldMapper: {
            promotionViewed: [
              { eventFieldName: 'customerId', eventDataType: '', fieldName: 'user_id' },
              { eventFieldName: 'promotionId', eventDataType: '', fieldName: 'Promotion ID' }
            ]
          }
        }
      }
    })
  })

  it('says which rules need the relay: transforms, nested paths', () => {
    const result = capillaryNativeMapping(MappingSpec.parse(promotionMapping), promotionViewed)
    expect(result.native).toBe(false)
    expect(!result.native && result.reasons.map((reason) => reason.target)).toEqual([
      'promotionId',
      'promotionName',
      'discount',
      'channel',
      'eventDateTime',
      'external_event_id'
    ])
    // Transforms named as the designer's picker names them.
    expect(!result.native && result.reasons.map((reason) => reason.reason)).toContainEqual(
      expect.stringMatching(
        / is transformed \((Trim white space|To number|Lower case|Upper case|Parse date|Format date|Lookup table)[^)]*\)\.$/
      )
    )
  })

  it('says fan-out needs the relay', () => {
    const result = capillaryNativeMapping(MappingSpec.parse(orderMapping), promotionViewed)
    expect(!result.native && result.reasons[0]?.reason).toMatch(/^Fan-out/)
  })

  it('needs the relay for an unresolved integration match or a JSONata condition', () => {
    for (const match of [
      { kind: 'integration' as const },
      { kind: 'expression' as const, expression: 'x' },
      { kind: 'always' as const }
    ]) {
      expect(capillaryNativeMapping({ ...renames, match }, promotionViewed).native).toBe(false)
    }
  })

  it("passes the same-name fields of Capillary's own example through the default transformer", () => {
    const identity = MappingSpec.parse({
      match: { kind: 'eventName', field: 'event_name', sourceNames: ['be_reserved'] },
      rules: ['customer_id', 'hotel_name', 'eventDateTime'].map((name) => ({
        target: name,
        source: { kind: 'path', path: name }
      }))
    })
    expect(capillaryNativeMapping(identity, beReserved, 'defaultTransformer')).toEqual({
      native: true,
      transformerType: 'defaultTransformer',
      body: { transformerType: 'defaultTransformer', eventsMapped: ['be_reserved'] }
    })
  })

  it('needs the WebEngage transformer or the relay for renames through the default transformer', () => {
    const result = capillaryNativeMapping(
      MappingSpec.parse(addedToCartMapping),
      standardEventDraft('ProductAddedToCart'),
      'defaultTransformer'
    )
    expect(result.native).toBe(false)
  })

  it('takes the flat WebEngage mapping without transforms natively', () => {
    const spec = MappingSpec.parse(addedToCartMapping)
    const plain = { ...spec, rules: spec.rules.map((rule) => ({ ...rule, transforms: [] })) }
    expect(capillaryNativeMapping(plain, standardEventDraft('ProductAddedToCart')).native).toBe(true)
  })
})
