import { describe, expect, it } from 'vitest'
import type { MappingSpec } from '../../../../shared/model/mapping'
import { connect, setFanOut } from '../../../../renderer/features/mapping/mappingEdits'

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
