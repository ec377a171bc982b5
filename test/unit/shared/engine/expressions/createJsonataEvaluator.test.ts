import { describe, expect, it } from 'vitest'
import { createJsonataEvaluator } from '../../../../../shared/engine/expressions/createJsonataEvaluator'

const payload = {
  order: {
    number: 'SO-1',
    items: [
      { sku: 'A', qty: 2 },
      { sku: 'B', qty: 1 }
    ]
  }
}

describe('createJsonataEvaluator', () => {
  it('evaluates over the input', async () => {
    const evaluator = createJsonataEvaluator()
    expect(await evaluator.evaluate('$sum(order.items.qty)', payload, payload)).toEqual({ ok: true, value: 3 })
  })

  it('binds $ to the item and $$ to the whole payload', async () => {
    const evaluator = createJsonataEvaluator()
    const item = payload.order.items[1]
    expect(await evaluator.evaluate('$$.order.number & "/" & sku', item, payload)).toEqual({
      ok: true,
      value: 'SO-1/B'
    })
  })

  it('gives plain arrays for sequences and nothing for no match', async () => {
    const evaluator = createJsonataEvaluator()
    const listed = await evaluator.evaluate('order.items.sku', payload, payload)
    expect(listed).toEqual({ ok: true, value: ['A', 'B'] })
    expect(await evaluator.evaluate('order.colour', payload, payload)).toEqual({ ok: true, value: undefined })
  })

  it('reports a runtime error with its code and position', async () => {
    const outcome = await createJsonataEvaluator().evaluate('$number("x")', {}, {})
    expect(outcome).toEqual({ ok: false, code: 'expression_error', message: expect.stringContaining('D3030') })
  })

  it('leaves functions out of its values at any depth, and keeps a __proto__ key as data', async () => {
    const outcome = await createJsonataEvaluator().evaluate(
      '{ "a": $lowercase, "b": [1, $uppercase], "__proto__": 2 }',
      {},
      {}
    )
    expect(outcome).toEqual({ ok: true, value: JSON.parse('{ "b": [1], "__proto__": 2 }') })
  })

  it('reports a syntax error', async () => {
    expect(await createJsonataEvaluator().evaluate('order.(', {}, {})).toMatchObject({
      ok: false,
      code: 'expression_error'
    })
  })

  it('stops an endless loop at the time limit read from the injected clock', async () => {
    let now = 0
    const evaluator = createJsonataEvaluator({ clock: () => (now += 1), timeLimitMs: 50 })
    const outcome = await evaluator.evaluate('($f := function($x){ $f($x + 1) }; $f(0))', {}, {})
    expect(outcome).toEqual({ ok: false, code: 'expression_timeout', message: expect.stringContaining('50 ms') })
  })

  it('stops runaway recursion at the depth limit', async () => {
    const evaluator = createJsonataEvaluator({ depthLimit: 100 })
    const outcome = await evaluator.evaluate('($f := function($x){ $x > 1000000 ? 0 : 1 + $f($x + 1) }; $f(0))', {}, {})
    expect(outcome).toEqual({
      ok: false,
      code: 'expression_error',
      message: expect.stringContaining('deeper than 100')
    })
  })

  it('reads $millis and $now from the injected clock', async () => {
    const evaluator = createJsonataEvaluator({ clock: () => 1712836800000 })
    expect(await evaluator.evaluate('$millis()', {}, {})).toEqual({ ok: true, value: 1712836800000 })
    expect(await evaluator.evaluate('$now()', {}, {})).toEqual({ ok: true, value: '2024-04-11T12:00:00.000Z' })
  })

  it('keeps evaluations of one expression apart when they run together', async () => {
    const evaluator = createJsonataEvaluator()
    const outcomes = await Promise.all(
      ['A', 'B', 'C'].map((sku) => evaluator.evaluate('$$.tag & sku', { sku }, { tag: sku.toLowerCase() }))
    )
    expect(outcomes.map((outcome) => outcome.ok && outcome.value)).toEqual(['aA', 'bB', 'cC'])
  })
})
