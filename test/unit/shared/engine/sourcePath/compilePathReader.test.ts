import { describe, expect, it } from 'vitest'
import { compilePathReader, type PathReader } from '../../../../../shared/engine/sourcePath/compilePathReader'
import { parsePath } from '../../../../../shared/engine/sourcePath/parsePath'

const reader = (text: string): PathReader => {
  const parsed = parsePath(text)
  if (!parsed.ok) throw new Error(parsed.error)
  return compilePathReader(parsed.path.segments, text)
}

const order = { order: { items: [{ sku: 'A', qty: 2 }, { sku: 'B', qty: 1 }, { sku: 'C' }] }, 'a/b': { '~x': 1 } }

describe('compilePathReader', () => {
  it('reads nested keys and indexes', () => {
    expect(reader('order.items[1].sku').read(order)).toBe('B')
    expect(reader('order.items[-1].sku').read(order)).toBe('C')
  })

  it('gives the JSON pointer of what it read, escaping ~ and /', () => {
    expect(reader('order.items[1].sku').pointer(order)).toBe('/order/items/1/sku')
    expect(reader('order.items[-1]').pointer(order)).toBe('/order/items/2')
    expect(reader('["a/b"]["~x"]').pointer(order)).toBe('/a~1b/~0x')
  })

  it('reads every element with [*], skipping those without the key', () => {
    expect(reader('order.items[*].qty').read(order)).toEqual([2, 1])
    expect(reader('order.items[*].qty').pointer(order)).toBe('/order/items')
  })

  it('flattens nested [*] lists', () => {
    expect(reader('a[*].b[*]').read({ a: [{ b: [1, 2] }, { b: [3] }] })).toEqual([1, 2, 3])
  })

  it('reads a single object under [*] as a list of one (XML)', () => {
    expect(reader('item[*].sku').read({ item: { sku: 'A' } })).toEqual(['A'])
  })

  it('gives undefined for what is not there', () => {
    expect(reader('order.items[7].sku').read(order)).toBeUndefined()
    expect(reader('order.sku.x').read(order)).toBeUndefined()
    expect(reader('order.items.sku').read(order)).toBeUndefined()
  })

  it('reads own properties only', () => {
    expect(reader('constructor').read({})).toBeUndefined()
    expect(reader('__proto__').read({})).toBeUndefined()
    expect(reader('a.toString').read({ a: 'x' })).toBeUndefined()
  })

  it('reads a numeric key on an array as an index', () => {
    expect(reader('items.0').read({ items: ['x'] })).toBe('x')
  })

  it('explains what is missing, naming the deepest part that exists', () => {
    expect(reader('order.customer.mobile').explainMissing(order)).toBe('order has no key "customer"')
    expect(reader('order.items[9]').explainMissing(order)).toBe('order.items has no element 9')
    expect(reader('x').explainMissing(null)).toBe('the payload is null')
  })
})
