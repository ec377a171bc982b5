import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nodeSourceCompiler } from '../../../../main/engine/nodeSourceCompiler'
import { type CompiledMapping, compileMapping, type MappingEvent } from '../../../../shared/engine/compileMapping'
import type { MappingResult } from '../../../../shared/engine/mappingResult'
import { formatPath, type PathSegment } from '../../../../shared/engine/sourcePath/parsePath'
import { MappingSpec } from '../../../../shared/model/mapping'
import { attribute, customEvent } from './fixtures/events'
import { everyTypeAttributes, transformArbitrary } from './fixtures/arbitraries'

// The generated output builder (main's engine) against the closures (the renderer's, the reference): over random
// mappings and payloads both must give the same whole result: outputs with their key order, provenance, and every
// diagnostic with its code, message, pointers and place in the list.

// Keys that exercise the generated reads: prototype names, array-like, and text that would break naive source.
const keys = ['a', 'b', 'items', '0', '1', 'length', '__proto__', 'constructor', 'toString', 'a"b', '\\', '\u2028']

const valueArbitrary = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1.5, 1764320527123, 12.345, '', ' ', ' 12 ', 'G', 'x'),
    fc.string({ maxLength: 8 }),
    fc.constantFrom('+91 98450 12345', 'Asha@Example.com', '2024-04-11 12:00:00', '2026-11-20T18:42:07+05:30'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 4 })
  )
})).value
const objectArbitrary = fc.dictionary(fc.constantFrom(...keys), valueArbitrary, { maxKeys: 6 })

/** Mostly objects, often with a list of objects under `items` for the usual fan-out to find. */
const payloadArbitrary = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(objectArbitrary, fc.array(objectArbitrary, { maxLength: 3 }))
      .map(([payload, items]) => Object.assign(payload, { items }))
  },
  { weight: 2, arbitrary: objectArbitrary },
  { weight: 1, arbitrary: valueArbitrary }
)

const segmentArbitrary: fc.Arbitrary<PathSegment> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...keys).map((key) => ({ key })) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 2 }).map((index) => ({ index })) },
  { weight: 1, arbitrary: fc.constant({ every: true as const }) }
)
const pathArbitrary = fc
  .tuple(fc.boolean(), fc.array(segmentArbitrary, { minLength: 1, maxLength: 3 }))
  .map(([fromPayloadRoot, segments]) => formatPath({ fromPayloadRoot, segments }))

// Targets whose names a literal or a keyed store could get wrong, beside every type.
const event: MappingEvent = customEvent('everyType', [
  ...everyTypeAttributes,
  attribute('__proto__', 'string'),
  attribute('event_name', 'string'),
  attribute('7', 'integer'),
  attribute('constructor', 'string'),
  attribute('we"ird\\name\u2028`${x}`', 'string', { isRequired: true })
])
const targets = [...event.attributes.map((entry) => entry.name), 'eventDateTime', 'external_event_id', 'unknown']

const sourceArbitrary = (withExpressions: boolean) =>
  fc.oneof(
    { weight: 5, arbitrary: pathArbitrary.map((path) => ({ kind: 'path' as const, path, scope: 'item' as const })) },
    { weight: 2, arbitrary: pathArbitrary.map((path) => ({ kind: 'path' as const, path, scope: 'payload' as const })) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('x', ' G ', '', 3, 1.5, true).map((value) => ({ kind: 'constant' as const, value }))
    },
    {
      weight: withExpressions ? 2 : 0,
      arbitrary: fc
        .constantFrom('a', '$$.b', 'items[0] & "-"', '$error("boom")', '(', '$count(items)')
        .map((expression) => ({ kind: 'expression' as const, expression }))
    }
  )

const mappingArbitrary = (withExpressions: boolean) =>
  fc.record({
    match: fc.oneof(
      { weight: 4, arbitrary: fc.constant({ kind: 'always' as const }) },
      fc.constant({ kind: 'eventName' as const, field: 'a', sourceNames: ['G', 'x'] }),
      ...(withExpressions
        ? [fc.constantFrom('$exists(a)', 'b = 1').map((expression) => ({ kind: 'expression' as const, expression }))]
        : [])
    ),
    fanOut: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 3, arbitrary: fc.constant({ path: 'items' }) },
      { weight: 1, arbitrary: pathArbitrary.map((path) => ({ path })) }
    ),
    rules: fc.uniqueArray(
      fc.record({
        target: fc.constantFrom(...targets),
        source: sourceArbitrary(withExpressions),
        transforms: fc.array(transformArbitrary, { maxLength: 3 })
      }),
      { selector: (rule) => rule.target, maxLength: 10 }
    )
  })

function bothEngines(mapping: unknown, provenance: boolean): [CompiledMapping, CompiledMapping] {
  const spec = MappingSpec.parse(mapping)
  return [
    compileMapping(spec, event, { provenance }),
    compileMapping(spec, event, { provenance, sourceCompiler: nodeSourceCompiler })
  ]
}

/** JSON with its key order, undefined values kept. */
const ordered = (result: MappingResult) =>
  JSON.stringify(result, (_, value: unknown) => (value === undefined ? '<undefined>' : value))

/**
 * Deep equality, and the same key order everywhere (undefined values included) and plain objects as payloads. Not
 * `toStrictEqual`: it compares `a.constructor` to `b.constructor`, and so fails two equal objects that have their own
 * `constructor` key holding an object, as payloads may (`{"constructor": {}}`, kept by a JSONata rule's raw value).
 */
function expectSame(generated: MappingResult, closures: MappingResult): void {
  expect(generated).toEqual(closures)
  expect(ordered(generated)).toBe(ordered(closures))
  for (const output of generated.outputs) expect(Object.getPrototypeOf(output.payload)).toBe(Object.prototype)
}

describe('generated output builder', () => {
  it('gives exactly what the closure engine gives, for any mapping and payloads', () => {
    fc.assert(
      fc.property(
        mappingArbitrary(false),
        fc.boolean(),
        fc.array(payloadArbitrary, { minLength: 1, maxLength: 3 }),
        (mapping, provenance, payloads) => {
          const [closures, generated] = bothEngines(mapping, provenance)
          expect(generated.isAsync).toBe(false)
          expect(generated.problems).toStrictEqual(closures.problems)
          // Several payloads through one compiled function: nothing of a run may leak into the next.
          for (const payload of payloads)
            expectSame(generated(payload) as MappingResult, closures(payload) as MappingResult)
        }
      ),
      { numRuns: 400 }
    )
  })

  it('gives exactly what the closure engine gives with JSONata rules and conditions', async () => {
    await fc.assert(
      fc.asyncProperty(mappingArbitrary(true), fc.boolean(), payloadArbitrary, async (mapping, provenance, payload) => {
        const [closures, generated] = bothEngines(mapping, provenance)
        expectSame(await generated(payload), await closures(payload))
      }),
      { numRuns: 80 }
    )
  })

  it('writes every key of a full output as the closures do, __proto__ and event_name included', () => {
    const mapping = {
      match: { kind: 'always' },
      fanOut: { path: 'items' },
      rules: [
        { target: 'customer', source: { kind: 'path', path: '$.mobile' } },
        { target: 'double', source: { kind: 'constant', value: 2.5 } },
        { target: '__proto__', source: { kind: 'path', path: 'name' } },
        { target: 'event_name', source: { kind: 'constant', value: 'renamed' } },
        { target: '7', source: { kind: 'path', path: 'count' } },
        { target: 'we"ird\\name\u2028`${x}`', source: { kind: 'path', path: '$["a\\"b"]' } }
      ]
    }
    const payload = { mobile: '+91 98450 12345', 'a"b': 'odd', items: [{ name: 'N', count: 3 }, { count: 4 }] }
    for (const provenance of [false, true]) {
      const [closures, generated] = bothEngines(mapping, provenance)
      const result = generated(payload) as MappingResult
      expectSame(result, closures(payload) as MappingResult)
      const [first, second] = result.outputs.map((output) => output.payload)
      expect(Object.getOwnPropertyDescriptor(first, '__proto__')?.value).toBe('N')
      expect(JSON.stringify(first)).toBe(
        '{"7":3,"event_name":"renamed","customer":"919845012345","double":2.5,"__proto__":"N","we\\"ird\\\\name\u2028`${x}`":"odd"}'
      )
      expect(Object.keys(second ?? {})).toEqual(['7', 'event_name', 'customer', 'double', 'we"ird\\name\u2028`${x}`'])
    }
  })

  it('falls back to the closures when the generated code cannot be compiled', () => {
    const spec = MappingSpec.parse({
      match: { kind: 'always' },
      rules: [{ target: 'customer', source: { kind: 'path', path: 'mobile' } }]
    })
    const refusing = () => {
      throw new EvalError('code generation from strings disallowed for this context')
    }
    const payload = { mobile: '+91 98450 12345' }
    const fallback = compileMapping(spec, event, { sourceCompiler: refusing }) as (input: unknown) => MappingResult
    const closures = compileMapping(spec, event) as (input: unknown) => MappingResult
    expectSame(fallback(payload), closures(payload))
    expect(fallback(payload).outputs[0]?.payload.customer).toBe('919845012345')
  })
})
