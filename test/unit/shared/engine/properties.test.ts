import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'
import { compileMapping, type MappingEvent } from '../../../../shared/engine/compileMapping'
import { decodeBody } from '../../../../shared/engine/decode/decodeBody'
import { decodeForm } from '../../../../shared/engine/decode/decodeForm'
import { decodeJson } from '../../../../shared/engine/decode/decodeJson'
import {
  diagnosticCodes,
  type EngineDiagnostic,
  jsonPointer,
  pointerSegments
} from '../../../../shared/engine/diagnostics'
import type { MappingResult } from '../../../../shared/engine/mappingResult'
import { formatPath, parsePath, type PathSegment } from '../../../../shared/engine/sourcePath/parsePath'
import { MappingSpec } from '../../../../shared/model/mapping'
import { beReserved, customEvent, orderItemPurchased, promotionViewed } from './fixtures/events'
import bookingFormMapping from './fixtures/mappings/booking-form.json'
import orderMapping from './fixtures/mappings/custom-app-order.json'
import orderXmlMapping from './fixtures/mappings/order-xml.json'
import addedToCartMapping from './fixtures/mappings/webengage-added-to-cart.json'
import promotionMapping from './fixtures/mappings/webengage-promotion-viewed.json'
import { everyTypeAttributes, transformArbitrary } from './fixtures/arbitraries'

const keys = ['a', 'b', 'items', 'Product Name', 'a.b', '0', '__proto__', 'constructor']

/** JSON whose keys come from a small set, so that generated paths often find something. */
const payloadArbitrary = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1.5, 1764320527123, 0.1 + 0.2, ''),
    fc.string(),
    fc.constantFrom(
      ' 12 ',
      '+91 98450 12345',
      'Asha@Example.com',
      '2024-04-11 12:00:00',
      '2026-11-20T18:42:07+05:30',
      'G'
    ),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 4 })
  )
})).value

const segmentArbitrary: fc.Arbitrary<PathSegment> = fc.oneof(
  fc.constantFrom(...keys).map((key) => ({ key })),
  fc.integer({ min: -2, max: 2 }).map((index) => ({ index })),
  fc.constant({ every: true as const })
)
const pathArbitrary = fc
  .tuple(fc.boolean(), fc.array(segmentArbitrary, { minLength: 1, maxLength: 4 }))
  .map(([fromPayloadRoot, segments]) => formatPath({ fromPayloadRoot, segments }))

const anyTypes = customEvent('everyType', everyTypeAttributes)

const mappingArbitrary = fc.record({
  match: fc.oneof(
    fc.constant({ kind: 'always' as const }),
    fc.constant({ kind: 'eventName' as const, field: 'a', sourceNames: ['G', 'x'] })
  ),
  fanOut: fc.option(
    pathArbitrary.map((path) => ({ path })),
    { nil: null }
  ),
  rules: fc.uniqueArray(
    fc.record({
      target: fc.constantFrom(...anyTypes.attributes.map((entry) => entry.name), 'eventDateTime', 'external_event_id'),
      source: fc.oneof(
        pathArbitrary.map((path) => ({ kind: 'path' as const, path, scope: 'item' as const })),
        fc.constantFrom('x', 3, true).map((value) => ({ kind: 'constant' as const, value }))
      ),
      transforms: fc.array(transformArbitrary, { maxLength: 3 })
    }),
    { selector: (rule) => rule.target, maxLength: 8 }
  )
})

function resolves(document: unknown, pointer: string): boolean {
  let current = document
  for (const token of pointerSegments(pointer)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, token)) return false
    current = (current as Record<string, unknown>)[token]
  }
  return true
}

/** The pointer a diagnostic names as missing ("nothing at <path> (...)"), for the part before any [*]. */
function namedMissingPointer(diagnostic: EngineDiagnostic): string | undefined {
  const named = /[Nn]othing at (.+?) \(/.exec(diagnostic.message)?.[1]
  if (named === undefined) return undefined
  const parsed = parsePath(named)
  if (!parsed.ok) return undefined
  const walked: (string | number)[] = []
  for (const segment of parsed.path.segments) {
    if ('every' in segment) break
    walked.push('key' in segment ? segment.key : segment.index)
  }
  return jsonPointer(walked)
}

function checkPointers(payload: unknown, result: MappingResult): void {
  for (const diagnostic of result.diagnostics) {
    expect(diagnosticCodes).toContain(diagnostic.code)
    expect(diagnostic.code).not.toBe('engine_error')
    const pointer = diagnostic.inputPointer
    if (pointer === undefined || resolves(payload, pointer)) continue
    // Not there: then it must be the missing path the diagnostic names, under an item that is there.
    const missing = namedMissingPointer(diagnostic)
    expect(missing, `${diagnostic.code}: ${diagnostic.message} at ${pointer}`).toBeDefined()
    if (missing === undefined) continue
    const tokens = pointerSegments(pointer)
    const named = pointerSegments(missing)
    const prefix = tokens.slice(0, tokens.length - named.length)
    named.forEach((token, index) => {
      // A negative index names "from the end"; the pointer holds the index it came to.
      if (!/^-\d+$/.test(token)) expect(tokens[prefix.length + index], `${pointer} names ${missing}`).toBe(token)
    })
    expect(resolves(payload, jsonPointer(prefix))).toBe(true)
  }
}

const fixedMappings: [string, unknown, MappingEvent][] = [
  ['WebEngage flat', addedToCartMapping, standardEventDraft('ProductAddedToCart')],
  ['WebEngage nested', promotionMapping, promotionViewed],
  ['order fan-out', orderMapping, orderItemPurchased],
  ['form', bookingFormMapping, beReserved],
  ['XML', orderXmlMapping, orderItemPurchased]
]

describe('properties', () => {
  it.each(fixedMappings)(
    'the %s mapping never throws on arbitrary JSON and points only at real or named paths',
    (_, mapping, event) => {
      const compiled = compileMapping(MappingSpec.parse(mapping), event)
      if (compiled.isAsync) throw new Error('expected a synchronous mapping')
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), payloadArbitrary), (payload) => {
          checkPointers(payload, compiled(payload))
        }),
        { numRuns: 300 }
      )
    }
  )

  it('any mapping of the model never throws and points only at real or named paths', () => {
    fc.assert(
      fc.property(mappingArbitrary, payloadArbitrary, (mapping, payload) => {
        const compiled = compileMapping(MappingSpec.parse(mapping), anyTypes)
        if (compiled.isAsync) throw new Error('expected a synchronous mapping')
        const result = compiled(payload)
        checkPointers(payload, result)
        for (const output of result.outputs) {
          for (const value of Object.values(output.payload)) expect(value === null || value === '').toBe(false)
        }
      }),
      { numRuns: 500 }
    )
  })

  it('a mapping never throws on values no JSON has', () => {
    const compiled = compileMapping(MappingSpec.parse(orderMapping), orderItemPurchased)
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true }),
        (payload) => {
          expect(() => compiled(payload)).not.toThrow()
        }
      ),
      { numRuns: 200 }
    )
  })

  it('decodeBody never throws, whatever the bytes and content type', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom(
          undefined,
          'application/json',
          'application/x-www-form-urlencoded',
          'text/xml',
          'text/plain; charset=latin1',
          'x/y'
        ),
        (bytes, contentType) => {
          const decoded = decodeBody(bytes, contentType)
          if (decoded.error !== undefined) expect(typeof decoded.value).toBe('string')
        }
      ),
      { numRuns: 500 }
    )
  })

  it('decodeJson reads what JSON.parse reads wherever numbers are exact', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const decoded = decodeJson(text)
        expect(decoded.ok).toBe(true)
        if (decoded.ok && decoded.diagnostics.length === 0) expect(decoded.value).toEqual(JSON.parse(text))
      }),
      { numRuns: 300 }
    )
  })

  it('decodeForm reads back what a form encoder writes', () => {
    const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+')
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (fields) => {
        const body = Object.entries(fields)
          .map(([key, value]) => `${encode(key)}=${encode(value)}`)
          .join('&')
        expect(decodeForm(body).value).toEqual(fields)
      }),
      { numRuns: 300 }
    )
  })

  it('parsePath reads back what formatPath writes', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(
          fc.oneof(
            segmentArbitrary,
            fc.string({ minLength: 1 }).map((key) => ({ key }))
          ),
          { maxLength: 5 }
        ),
        (fromPayloadRoot, segments) => {
          if (segments.length === 0 && !fromPayloadRoot) return
          expect(parsePath(formatPath({ fromPayloadRoot, segments }))).toEqual({
            ok: true,
            path: { fromPayloadRoot, segments }
          })
        }
      ),
      { numRuns: 500 }
    )
  })
})
