import { describe, expect, it } from 'vitest'
import { MappingSpec } from '../../../../shared/model/mapping'
import { edgeCases } from '../../../../shared/testing/edgeCases'
import { fieldKey, fieldsReadBy, isRead } from '../../../../shared/testing/fieldKeys'
import { parsePath } from '../../../../shared/engine/sourcePath/parsePath'

const order = {
  type: 'order.completed',
  customer: { mobile: '919845012345', tier: 'G' },
  items: [
    { sku: 'A', qty: 1 },
    { sku: 'B', qty: 2 }
  ],
  note: 'unread'
}

const spec = MappingSpec.parse({
  match: { kind: 'eventName', field: 'type', sourceNames: ['order.completed'] },
  fanOut: { path: 'items' },
  rules: [
    { target: 'customer', source: { kind: 'path', path: '$.customer.mobile' } },
    { target: 'sku', source: { kind: 'path', path: 'sku' } }
  ]
})

const segments = (path: string) => {
  const parsed = parsePath(path)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.path.segments
}

describe('field keys', () => {
  it('name a field the same way whatever the list element', () => {
    expect(fieldKey(segments('items[0].sku'))).toBe(fieldKey(segments('items[*].sku')))
  })

  it("gather the fields a mapping reads: the event-name field, the fan-out list and its items' fields", () => {
    const read = fieldsReadBy(spec)
    expect([...read].sort()).toEqual(['.customer.mobile', '.items', '.items[*].sku', '.type'])
    expect(isRead(fieldKey(segments('customer.mobile')), read)).toBe(true)
    expect(isRead(fieldKey(segments('items[1].qty')), read)).toBe(true) // inside a list the mapping reads
    expect(isRead(fieldKey(segments('note')), read)).toBe(false)
  })
})

describe('edge cases', () => {
  const cases = edgeCases(order, fieldsReadBy(spec))
  const named = (name: string) => cases.find((entry) => entry.name === name)?.payload as typeof order | undefined

  it('change one field each, the way senders get it wrong, and leave the original alone', () => {
    expect(named('customer.mobile is null')?.customer.mobile).toBeNull()
    expect(named('customer.mobile is missing')?.customer).toEqual({ tier: 'G' })
    expect(named('customer.mobile has the wrong type')?.customer.mobile).toBe(12345)
    expect(named('customer.mobile is a 100,000-character string')?.customer.mobile).toHaveLength(100_000)
    expect(named('items[*].sku is unicode text')?.items[0]?.sku).toMatch(/漢字/)
    expect(named('items[*].sku is unicode text')?.items[1]?.sku).toBe('B')
    expect(order.customer.mobile).toBe('919845012345')
  })

  it('resize the lists: empty, one item, many', () => {
    expect(named('items is an empty list')?.items).toEqual([])
    expect(named('items has a single item')?.items).toHaveLength(1)
    expect(named('items has 50 items')?.items).toHaveLength(50)
  })

  it('leave out the fields the mapping does not read', () => {
    expect(cases.some((entry) => entry.path === 'note' || entry.path === 'customer.tier')).toBe(false)
    expect(edgeCases(order).some((entry) => entry.path === 'note')).toBe(true)
  })
})
