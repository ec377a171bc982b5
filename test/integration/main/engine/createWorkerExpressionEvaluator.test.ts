import { afterEach, describe, expect, it } from 'vitest'
import {
  createWorkerExpressionEvaluator,
  type WorkerExpressionEvaluator
} from '../../../../main/engine/createWorkerExpressionEvaluator'

let evaluator: WorkerExpressionEvaluator | undefined

afterEach(async () => {
  await evaluator?.close()
  evaluator = undefined
})

const payload = { hotel: 'BLR', rooms: [{ number: '101' }, { number: '102' }] }

describe('createWorkerExpressionEvaluator', () => {
  it('evaluates in a worker, $ being the input and $$ the payload', async () => {
    evaluator = createWorkerExpressionEvaluator()
    expect(await evaluator.evaluate('$$.hotel & "-" & number', payload.rooms[1], payload)).toEqual({
      ok: true,
      value: 'BLR-102'
    })
    expect(await evaluator.evaluate('rooms.number', payload, payload)).toEqual({ ok: true, value: ['101', '102'] })
  })

  it('leaves functions out of the values it answers, at any depth (a half-typed rule can make one)', async () => {
    evaluator = createWorkerExpressionEvaluator()
    expect(await evaluator.evaluate('{ "a": $lowercase, "b": [1, $uppercase], "c": hotel }', payload, payload)).toEqual(
      {
        ok: true,
        value: { b: [1], c: 'BLR' }
      }
    )
  })

  it('reports syntax and runtime errors', async () => {
    evaluator = createWorkerExpressionEvaluator()
    expect(await evaluator.evaluate('rooms[', payload, payload)).toMatchObject({ ok: false, code: 'expression_error' })
    expect(await evaluator.evaluate('$number("x")', payload, payload)).toMatchObject({
      ok: false,
      code: 'expression_error',
      message: expect.stringContaining('D3030')
    })
  })

  it('terminates a call that cannot be interrupted from inside, and carries on with a new worker', async () => {
    evaluator = createWorkerExpressionEvaluator({ timeLimitMs: 300 })
    const started = Date.now()
    const outcome = await evaluator.evaluate(
      "$contains('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /^(a+)+$/)",
      {},
      {}
    )
    expect(outcome).toEqual({ ok: false, code: 'expression_timeout', message: expect.stringContaining('300 ms') })
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(await evaluator.evaluate('1 + 1', {}, {})).toEqual({ ok: true, value: 2 })
  })

  it('runs evaluations one after another, each answered with its own result', async () => {
    evaluator = createWorkerExpressionEvaluator()
    const outcomes = await Promise.all(
      ['101', '102', '103'].map((number) => evaluator!.evaluate('number', { number }, {}))
    )
    expect(outcomes.map((outcome) => outcome.ok && outcome.value)).toEqual(['101', '102', '103'])
  })

  it('refuses a payload that cannot be sent to a worker', async () => {
    evaluator = createWorkerExpressionEvaluator()
    expect(await evaluator.evaluate('x', { f: () => 1 }, {})).toMatchObject({ ok: false, code: 'expression_error' })
  })
})
