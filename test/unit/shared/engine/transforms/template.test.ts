import { describe, expect, it } from 'vitest'
import { template, templateReadingPayload } from '../../../../../shared/engine/transforms/template'
import { compiled, runStep } from './runStep'

const payload = { id: 'evt_1', order: { number: 'SO-1', items: [{ sku: 'A' }] } }
const scope = { payload, item: { sku: 'A' }, itemPointer: '/order/items/0' }

describe('template', () => {
  it('fills item paths, payload paths and the current value', () => {
    const step = compiled(template({ kind: 'template', template: '{}-{$.order.number}-{sku}' }))
    expect(runStep(step, 'evt_1', scope)).toEqual({ value: 'evt_1-SO-1-A', reports: [] })
  })

  it('keeps doubled braces literal', () => {
    expect(runStep(compiled(template({ kind: 'template', template: '{{x}} {}' })), 'y', scope).value).toBe('{x} y')
  })

  it('writes nothing for a missing placeholder and points at it', () => {
    const { value, reports } = runStep(
      compiled(template({ kind: 'template', template: 'a{colour}b' })),
      undefined,
      scope
    )
    expect(value).toBe('ab')
    expect(reports).toEqual([expect.objectContaining({ code: 'missing_value', inputPointer: '/order/items/0/colour' })])
  })

  it('refuses an unclosed or unmatched brace and a bad path when compiled', () => {
    expect(template({ kind: 'template', template: 'a{b' }).ok).toBe(false)
    expect(template({ kind: 'template', template: 'a}b' }).ok).toBe(false)
    expect(template({ kind: 'template', template: '{a..b}' }).ok).toBe(false)
  })
})

describe('templateReadingPayload', () => {
  it('anchors the placeholders that read the item to the payload root, and leaves the rest as written', () => {
    expect(templateReadingPayload('{first} {{literal}} {} { $.city } {items[0].sku}-{["a b"]}')).toBe(
      '{$.first} {{literal}} {} { $.city } {$.items[0].sku}-{$["a b"]}'
    )
  })

  it('leaves a template that does not parse as it is', () => {
    expect(templateReadingPayload('{first')).toBe('{first')
    expect(templateReadingPayload('{a..b} {c}')).toBe('{a..b} {c}')
  })
})
