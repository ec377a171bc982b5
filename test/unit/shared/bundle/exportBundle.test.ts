import { describe, expect, it } from 'vitest'
import type { BundleTestCase } from '../../../../shared/bundle/bundleFormat'
import { type BundleContent, serializeBundle } from '../../../../shared/bundle/canonicalBundle'
import { exportBundle } from '../../../../shared/bundle/exportBundle'

const attribute = (name: string) => ({
  name,
  type: 'string' as const,
  description: '',
  isRequired: false,
  isUniqueKeyField: false,
  isPsiData: false,
  standard: false
})

/** One event, its integration and mapping, and a test case per payload (named `case 1`, `case 2`…). */
function content(...payloads: BundleTestCase['payload'][]): BundleContent {
  return {
    events: [
      {
        name: 'be_reserved',
        label: 'Reserved',
        description: '',
        kind: 'custom',
        actions: ['EIConsumer'],
        attributes: [attribute('hotel')]
      }
    ],
    integrations: [
      {
        name: 'Booking',
        slug: 'booking-app',
        kind: 'custom',
        sourceAccount: 'INSTORE',
        eventNameField: 'event_name',
        eventNameMap: []
      }
    ],
    mappings: [
      {
        integration: 'booking-app',
        event: 'be_reserved',
        spec: {
          match: { kind: 'integration' },
          fanOut: null,
          rules: [{ target: 'hotel', source: { kind: 'path', path: 'hotel', scope: 'item' }, transforms: [] }]
        }
      }
    ],
    testCases: payloads.map((payload, index) => ({
      integration: 'booking-app',
      event: 'be_reserved',
      name: `case ${index + 1}`,
      source: { kind: 'edited' as const },
      payload,
      expected: []
    }))
  }
}

/** A payload as the API hands it over: parsed from JSON text, so a "__proto__" key is its own. */
const json = (text: string) => JSON.parse(text) as BundleTestCase['payload']
/** `levels` arrays, one in the other. */
const nested = (levels: number) => json(`${'['.repeat(levels)}${']'.repeat(levels)}`)

const problemsOf = (bundle: BundleContent) => {
  const exported = exportBundle(bundle, 'test')
  return exported.ok ? [] : exported.problems
}

describe('the one check of every export', () => {
  it("gives the bundle's canonical bytes when the studio can import them again", () => {
    const bundle = content({ hotel: 'Indiranagar', constructor: { name: 'x' } }, { toString: 'plain' })
    expect(exportBundle(bundle, 'test')).toEqual({ ok: true, text: serializeBundle(bundle, 'test') })
  })

  it('names an event called "__proto__", not the provenance key it would become', () => {
    const bundle = content()
    bundle.events.push({ ...bundle.events[0]!, name: '__proto__' })
    expect(problemsOf(bundle)).toEqual(['Event "__proto__" cannot travel in a bundle: rename it.'])
  })

  it("names a payload's \"__proto__\" key by its test case's place in the bundle's order, and the test case", () => {
    const bundle = content({ hotel: 'Whitefield' }, json('{"guest": {"__proto__": {"admin": true}}}'))
    bundle.testCases.reverse()
    expect(problemsOf(bundle)).toEqual([
      'testCases[1].payload.guest holds a "__proto__" key: remove it from the test case "case 2" (booking-app → be_reserved).'
    ])
  })

  it('names a "constructor" that holds a "prototype", which the reader refuses, and lets a plain one through', () => {
    const payload = json('{"items": [{"constructor": "Room"}, {"constructor": {"prototype": {}}}]}')
    expect(problemsOf(content(payload))).toEqual([
      'testCases[0].payload.items[1] holds a "constructor" with a "prototype": remove it from the test case "case 1" (booking-app → be_reserved).'
    ])
  })

  it('names a payload nested deeper than a bundle takes: 61 levels inside its test case, and no more', () => {
    expect(exportBundle(content(nested(61)), 'test').ok).toBe(true)
    expect(problemsOf(content(nested(62)))).toEqual([
      'testCases[0].payload nests 62 levels deep, and a bundle takes 61 there: make it shallower in the test case "case 1" (booking-app → be_reserved).'
    ])
  })

  it('walks a payload a hundred thousand levels deep without running out of stack, finding a key at the bottom', () => {
    const depth = 100_000
    const payload = json(`${'{"a":'.repeat(depth)}{"__proto__": 1}${'}'.repeat(depth)}`)
    const [key, nesting] = problemsOf(content(payload))
    // A path that deep keeps its first and last steps only: the message stays readable, and small.
    expect(key).toBe(
      `testCases[0].payload.a.a.a.a…${'.a'.repeat(6)} holds a "__proto__" key: remove it from the test case "case 1" (booking-app → be_reserved).`
    )
    expect(nesting).toMatch(/^testCases\[0\]\.payload nests 100001 levels deep/)
  })

  it('lists twenty places at most, and says how many more there are', () => {
    const payload = json(`[${Array.from({ length: 25 }, () => '{"__proto__": 1}').join(',')}]`)
    const problems = problemsOf(content(payload))
    expect(problems).toHaveLength(21)
    expect(problems[19]).toMatch(/^testCases\[0\]\.payload\[19\] holds a "__proto__" key/)
    expect(problems[20]).toBe('And 5 more places like these.')
  })
})
