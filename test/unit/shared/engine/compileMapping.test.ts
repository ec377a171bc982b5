import { describe, expect, it } from 'vitest'
import { compileMapping } from '../../../../shared/engine/compileMapping'
import type { MappingResult } from '../../../../shared/engine/mappingResult'
import type { MappingRule, MappingSpec } from '../../../../shared/model/mapping'
import { attribute, beReserved, customEvent } from './fixtures/events'

const path = (target: string, source: string, transforms: MappingRule['transforms'] = []): MappingRule => ({
  target,
  source: { kind: 'path', path: source, scope: 'item' },
  transforms
})

const spec = (rules: MappingRule[], extra: Partial<MappingSpec> = {}): MappingSpec => ({
  match: { kind: 'always' },
  fanOut: null,
  rules,
  ...extra
})

const reservation = { event_name: 'be_reserved', customer_id: '919933772255', hotel_name: 'Indiranagar', age: 20 }
const baseRules = [path('customer_id', 'customer_id'), path('hotel_name', 'hotel_name')]

function runSync(mapping: MappingSpec, payload: unknown, event = beReserved): MappingResult {
  const compiled = compileMapping(mapping, event)
  if (compiled.isAsync) throw new Error('expected a synchronous mapping')
  return compiled(payload)
}

const codes = (result: MappingResult) => result.diagnostics.map((diagnostic) => diagnostic.code)

describe('compileMapping', () => {
  it('is synchronous without JSONata rules', () => {
    const compiled = compileMapping(spec(baseRules), beReserved)
    expect(compiled.isAsync).toBe(false)
    expect(compiled(reservation)).not.toBeInstanceOf(Promise)
  })

  it("writes Capillary's flat shape: event_name first, then attributes in the event's order, then the extras", () => {
    const result = runSync(spec([path('external_event_id', 'id'), path('age', 'age'), ...baseRules]), {
      ...reservation,
      id: 'RAND121'
    })
    expect(Object.keys(result.outputs[0]?.payload ?? {})).toEqual([
      'event_name',
      'customer_id',
      'hotel_name',
      'age',
      'external_event_id'
    ])
    expect(result.valid).toBe(true)
  })

  it('leaves missing, null and empty values out, with info for optional attributes', () => {
    const result = runSync(
      spec([...baseRules, path('age', 'age'), path('room_nights', 'nights'), path('check_in_date', 'checkIn')]),
      {
        ...reservation,
        age: null,
        checkIn: '  '
      }
    )
    expect(result.outputs[0]?.payload).toEqual({
      event_name: 'be_reserved',
      customer_id: '919933772255',
      hotel_name: 'Indiranagar'
    })
    expect(codes(result)).toEqual(['missing_value', 'null_value', 'empty_value'])
    expect(result.valid).toBe(true)
  })

  it('makes a missing required attribute an error that points at the missing path', () => {
    const result = runSync(spec(baseRules), { customer_id: '919933772255', hotel: {} })
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'missing_required',
        attribute: 'hotel_name',
        inputPointer: '/hotel_name',
        outputPointer: '/0/hotel_name'
      })
    ])
    expect(result.outputs[0]?.valid).toBe(false)
    expect(result.valid).toBe(false)
  })

  it('makes a missing customer identifier a missing_customer error', () => {
    const result = runSync(spec(baseRules), { hotel_name: 'x' })
    expect(result.diagnostics[0]).toMatchObject({ code: 'missing_customer', severity: 'error' })
  })

  it('makes a required attribute without a rule an error of the mapping itself', () => {
    const compiled = compileMapping(spec([path('customer_id', 'customer_id')]), beReserved)
    expect(compiled.problems).toEqual([expect.objectContaining({ code: 'missing_required', attribute: 'hotel_name' })])
    expect(runSync(spec([path('customer_id', 'customer_id')]), reservation).valid).toBe(false)
  })

  it('refuses a target that is not an attribute', () => {
    const compiled = compileMapping(spec([...baseRules, path('colour', 'colour')]), beReserved)
    expect(compiled.problems).toEqual([expect.objectContaining({ code: 'unknown_target', attribute: 'colour' })])
  })

  it("refuses a target named like one of Object.prototype's keys", () => {
    expect(compileMapping(spec([...baseRules, path('toString', 'x')]), beReserved).problems[0]?.code).toBe(
      'unknown_target'
    )
  })

  it('refuses a second rule for the same target', () => {
    expect(compileMapping(spec([...baseRules, path('hotel_name', 'x')]), beReserved).problems[0]?.code).toBe(
      'invalid_rule'
    )
  })

  it('refuses a rule with a bad path or transform, once, at compile time', () => {
    const compiled = compileMapping(
      spec([
        ...baseRules,
        path('age', 'a..b'),
        path('check_in_date', 'd', [{ kind: 'formatDate', format: 'dd/MM/yyyy', timeZone: 'UTC' }])
      ]),
      beReserved
    )
    expect(compiled.problems.map((problem) => [problem.code, problem.attribute])).toEqual([
      ['invalid_rule', 'age'],
      ['invalid_rule', 'check_in_date']
    ])
  })

  it("validates values against the attribute's type", () => {
    const result = runSync(spec([...baseRules, path('room_nights', 'nights'), path('age', 'age')]), {
      ...reservation,
      nights: 13,
      age: 'old'
    })
    expect(codes(result)).toEqual(['invalid_enum', 'type_mismatch'])
    expect(result.outputs[0]?.payload).not.toHaveProperty('room_nights')
  })

  it('sends a constant', () => {
    const result = runSync(
      spec([...baseRules, { target: 'age', source: { kind: 'constant', value: 30 }, transforms: [] }]),
      reservation
    )
    expect(result.outputs[0]?.payload.age).toBe(30)
    expect(result.outputs[0]?.provenance.find((entry) => entry.target === 'age')).toMatchObject({
      source: 'constant',
      inputPointers: []
    })
  })

  it('records provenance: paths, pointers, transforms, raw and final values', () => {
    const result = runSync(spec([path('customer_id', 'phone', [{ kind: 'trim' }]), path('hotel_name', 'hotel_name')]), {
      phone: ' +91 99337 72255',
      hotel_name: 'x'
    })
    expect(result.outputs[0]?.provenance[0]).toEqual({
      target: 'customer_id',
      source: 'path',
      path: 'phone',
      inputPointers: ['/phone'],
      transforms: ['trim'],
      raw: ' +91 99337 72255',
      value: '919933772255'
    })
  })

  it('can leave provenance out', () => {
    const compiled = compileMapping(spec(baseRules), beReserved, { provenance: false })
    expect(!compiled.isAsync && compiled(reservation).outputs[0]?.provenance).toEqual([])
  })

  it('writes a parsed date without formatDate as yyyy-MM-dd HH:mm:ss in UTC', () => {
    const rules = [
      ...baseRules,
      path('check_in_date', 'checkIn', [{ kind: 'parseDate', formats: ['iso8601'], timeZone: 'UTC' }])
    ]
    const result = runSync(spec(rules), { ...reservation, checkIn: '2024-04-11T12:00:00+05:30' })
    expect(result.outputs[0]?.payload.check_in_date).toBe('2024-04-11 06:30:00')
    expect(codes(result)).toEqual(['timezone_converted'])
  })

  describe('match', () => {
    const byName = spec(baseRules, {
      match: { kind: 'eventName', field: 'event_name', sourceNames: ['be_reserved', 'room_reserved'] }
    })

    it('applies to payloads whose name field holds one of the source names', () => {
      expect(runSync(byName, { ...reservation, event_name: 'room_reserved' }).matched).toBe(true)
    })

    it('gives no output and a no_match note for other payloads', () => {
      const result = runSync(byName, { ...reservation, event_name: 'checked_out' })
      expect(result).toMatchObject({ matched: false, outputs: [], valid: false })
      expect(result.diagnostics).toEqual([
        expect.objectContaining({ code: 'no_match', severity: 'info', inputPointer: '/event_name' })
      ])
    })

    it('treats an unresolved integration match as matching every payload', () => {
      expect(runSync(spec(baseRules, { match: { kind: 'integration' } }), reservation).matched).toBe(true)
    })

    it('applies a JSONata condition', async () => {
      const conditional = spec(baseRules, { match: { kind: 'expression', expression: 'age >= 18' } })
      const compiled = compileMapping(conditional, beReserved)
      expect(compiled.isAsync).toBe(true)
      expect((await compiled(reservation)).matched).toBe(true)
      expect((await compiled({ ...reservation, age: 12 })).diagnostics).toEqual([
        expect.objectContaining({ code: 'no_match' })
      ])
    })
  })

  describe('fan-out', () => {
    const perRoom = customEvent('roomBooked', [
      attribute('customer', 'customer'),
      attribute('room', 'string', { isRequired: true })
    ])
    const rules = [path('customer', '$.guest'), path('room', 'number')]
    const mapping = spec(rules, { fanOut: { path: 'rooms' } })

    it('makes one output per element, reading items and the payload', () => {
      const result = runSync(mapping, { guest: '919933772255', rooms: [{ number: '101' }, { number: '102' }] }, perRoom)
      expect(result.outputs.map((output) => [output.payload.room, output.itemPointer])).toEqual([
        ['101', '/rooms/0'],
        ['102', '/rooms/1']
      ])
      expect(result.outputs[1]?.provenance[1]?.inputPointers).toEqual(['/rooms/1/number'])
    })

    it('points diagnostics at their output', () => {
      const result = runSync(mapping, { guest: '919933772255', rooms: [{ number: '101' }, {}] }, perRoom)
      expect(result.diagnostics).toEqual([
        expect.objectContaining({ code: 'missing_required', outputPointer: '/1/room', inputPointer: '/rooms/1/number' })
      ])
      expect(result.outputs.map((output) => output.valid)).toEqual([true, false])
    })

    it('reads a single object as a list of one (XML)', () => {
      const result = runSync(mapping, { guest: '919933772255', rooms: { number: '101' } }, perRoom)
      expect(result.outputs).toHaveLength(1)
      expect(codes(result)).toEqual(['fan_out_not_array'])
    })

    it('makes no output for an empty or missing list, with a warning', () => {
      expect(codes(runSync(mapping, { guest: '1', rooms: [] }, perRoom))).toEqual(['fan_out_empty'])
      expect(runSync(mapping, { guest: '1' }, perRoom)).toMatchObject({ outputs: [], valid: false })
    })
  })

  describe('JSONata rules', () => {
    it('make the mapping asynchronous and read $ as the item, $$ as the payload', async () => {
      const perRoom = customEvent('roomBooked', [attribute('customer', 'customer'), attribute('room', 'string')])
      const compiled = compileMapping(
        spec(
          [
            path('customer', '$.guest'),
            { target: 'room', source: { kind: 'expression', expression: '$$.hotel & "-" & number' }, transforms: [] }
          ],
          {
            fanOut: { path: 'rooms' }
          }
        ),
        perRoom
      )
      expect(compiled.isAsync).toBe(true)
      const result = await compiled({ guest: '919933772255', hotel: 'BLR', rooms: [{ number: '101' }] })
      expect(result.outputs[0]?.payload.room).toBe('BLR-101')
    })

    it('report a syntax error once, at compile time', () => {
      const compiled = compileMapping(
        spec([...baseRules, { target: 'age', source: { kind: 'expression', expression: 'a +' }, transforms: [] }]),
        beReserved
      )
      expect(compiled.problems).toEqual([expect.objectContaining({ code: 'expression_error', attribute: 'age' })])
    })

    it('report a runtime error on the attribute', async () => {
      const compiled = compileMapping(
        spec([
          ...baseRules,
          { target: 'age', source: { kind: 'expression', expression: '$number("x")' }, transforms: [] }
        ]),
        beReserved
      )
      const result = await compiled(reservation)
      expect(result.diagnostics).toEqual([
        expect.objectContaining({ code: 'expression_error', attribute: 'age', outputPointer: '/0/age' })
      ])
    })

    it('report a runaway expression as expression_timeout, never hang', async () => {
      let now = 0
      const compiled = compileMapping(
        spec([
          ...baseRules,
          {
            target: 'age',
            source: { kind: 'expression', expression: '($f := function(){ $f() }; $f())' },
            transforms: []
          }
        ]),
        beReserved,
        { clock: () => (now += 5), expressionTimeLimitMs: 100 }
      )
      const result = await compiled(reservation)
      expect(result.diagnostics[0]).toMatchObject({ code: 'expression_timeout', attribute: 'age' })
    })

    it('use the evaluator they are given', async () => {
      const compiled = compileMapping(
        spec([...baseRules, { target: 'age', source: { kind: 'expression', expression: 'anything' }, transforms: [] }]),
        beReserved,
        {
          expressionEvaluator: { evaluate: () => Promise.resolve({ ok: true, value: 42 }) }
        }
      )
      expect((await compiled(reservation)).outputs[0]?.payload.age).toBe(42)
    })
  })

  it('never throws, even on values no JSON has', () => {
    const compiled = compileMapping(spec([...baseRules, path('age', 'age', [{ kind: 'sum' }])]), beReserved)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    for (const payload of [undefined, null, 42, 'text', [], cyclic, { age: [1n] }, { customer_id: Symbol('x') }]) {
      expect(() => compiled(payload)).not.toThrow()
    }
  })
})
