import { describe, expect, it } from 'vitest'
import type { MappingSpec } from '../../../../shared/model/mapping'
import { compileMapping } from '../../../../shared/engine/compileMapping'
import { connect, setFanOut } from '../../../../renderer/features/mapping/mappingEdits'
import { beReserved } from '../../../unit/shared/engine/fixtures/events'

const mapped: MappingSpec = {
  match: { kind: 'integration' },
  fanOut: null,
  rules: [
    { target: 'customer', source: { kind: 'path', path: 'user', scope: 'item' }, transforms: [] },
    { target: 'channel', source: { kind: 'constant', value: 'web' }, transforms: [] }
  ]
}

describe('setFanOut', () => {
  it('keeps the rules made before fan-out reading the whole payload, as they did', () => {
    const fannedOut = setFanOut(mapped, 'i')
    expect(fannedOut.fanOut).toEqual({ path: 'i' })
    expect(fannedOut.rules).toEqual([
      { target: 'customer', source: { kind: 'path', path: 'user', scope: 'payload' }, transforms: [] },
      mapped.rules[1]
    ])
    // Typing on changes the list, not the rules; a rule connected after reads the item.
    const typed = connect(setFanOut(fannedOut, 'items'), 'items[*].sku', 'productSku')
    expect(typed.rules.map((rule) => rule.source)).toEqual([
      { kind: 'path', path: 'user', scope: 'payload' },
      { kind: 'constant', value: 'web' },
      { kind: 'path', path: 'sku', scope: 'item' }
    ])
  })

  it('keeps expression and template rules reading the whole payload once fan-out is on', async () => {
    const reading: MappingSpec = {
      match: { kind: 'always' },
      fanOut: null,
      rules: [
        { target: 'customer_id', source: { kind: 'expression', expression: '$string(customer.id)' }, transforms: [] },
        {
          target: 'hotel_name',
          source: { kind: 'constant', value: 'ignored' },
          transforms: [{ kind: 'template', template: '{hotel} ({city}, {nights} nights)' }]
        }
      ]
    }
    const payload = { customer: { id: 919933772255 }, hotel: 'Indiranagar', city: 'Bengaluru', nights: 2 }
    const before = await compileMapping(reading, beReserved)(payload)
    // Each item has fields of the payload's names: a rule left reading the item would read them.
    const items = [
      { customer: { id: 1 }, hotel: 'Item hotel', city: 'Item city', nights: 9 },
      { customer: { id: 2 }, hotel: 'Other', city: 'Other', nights: 8 }
    ]
    const after = await compileMapping(setFanOut(reading, 'items'), beReserved)({ ...payload, items })
    expect(before.outputs[0]?.payload).toMatchObject({
      customer_id: '919933772255',
      hotel_name: 'Indiranagar (Bengaluru, 2 nights)'
    })
    expect(after.outputs.map((output) => output.payload)).toEqual([
      before.outputs[0]?.payload,
      before.outputs[0]?.payload
    ])
  })

  it('turns fan-out off for an empty path, leaving the rules as they are', () => {
    const fannedOut = setFanOut(mapped, 'items')
    expect(setFanOut(fannedOut, '  ')).toEqual({ ...fannedOut, fanOut: null })
  })
})

describe('connect', () => {
  it('keeps a rule that already reads the field, transforms and all', () => {
    const withTransform: MappingSpec = {
      ...mapped,
      rules: [{ ...mapped.rules[0]!, transforms: [{ kind: 'trim' }] }]
    }
    expect(connect(withTransform, 'user', 'customer')).toBe(withTransform)
    expect(connect(withTransform, 'user_id', 'customer').rules[0]).toEqual({
      target: 'customer',
      source: { kind: 'path', path: 'user_id', scope: 'item' },
      transforms: []
    })
  })
})
