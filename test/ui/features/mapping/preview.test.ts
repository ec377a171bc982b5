import { describe, expect, it } from 'vitest'
import type { AttributeDraft, EventDraft } from '../../../../shared/model/event'
import { MappingSpec } from '../../../../shared/model/mapping'
import { jsonTextRanges } from '../../../../shared/engine/jsonTextRanges'
import { createPreviewComputer } from '../../../../renderer/features/mapping/preview/computePreview'
import { previewStatus } from '../../../../renderer/features/mapping/preview/previewStatus'

const attribute = (
  name: string,
  type: AttributeDraft['type'],
  extra: Partial<AttributeDraft> = {}
): AttributeDraft => ({
  name,
  type,
  description: '',
  isRequired: false,
  isUniqueKeyField: false,
  isPsiData: false,
  standard: false,
  ...extra
})

const event: EventDraft = {
  name: 'wishlist_added',
  label: '',
  description: '',
  kind: 'custom',
  actions: ['EIConsumer'],
  attributes: [
    attribute('customer', 'customer', {
      isRequired: true,
      customer: { identifierType: 'mobile', source: 'WEB_ENGAGE', addCustomerIfNotExists: false }
    }),
    attribute('city', 'string', { isRequired: true }),
    attribute('price', 'double'),
    attribute('tier', 'enum', { possibleValues: ['Gold'] })
  ]
}

const payloadText = JSON.stringify(
  {
    event_name: 'Added To Wishlist',
    user_id: '919663673779',
    price: '1499.00',
    tier: 'G',
    items: [{ sku: 'A' }, { sku: 'B' }]
  },
  null,
  2
)
const integration = { eventNameField: 'event_name', sourceNames: ['Added To Wishlist'] }
const spec = (rules: unknown[], extra: object = {}) =>
  MappingSpec.parse({ match: { kind: 'integration' }, rules, ...extra })
const rule = (target: string, path: string, transforms: unknown[] = []) => ({
  target,
  source: { kind: 'path', path },
  transforms
})

/** The text a marker or range covers. */
const cut = (text: string, range: { start: number; end: number } | null | undefined) =>
  range ? text.slice(range.start, range.end) : undefined

describe('the live preview', () => {
  it('gives the payload exactly as posted, with each value placed and explained (provenance)', async () => {
    const compute = createPreviewComputer()
    const result = await compute({
      id: 1,
      spec: spec([
        rule('customer', 'user_id'),
        rule('city', 'city', [{ kind: 'default', value: 'Pune' }]),
        rule('price', 'price', [{ kind: 'toNumber' }]),
        rule('tier', 'tier', [{ kind: 'lookup', table: { G: 'Gold' } }])
      ]),
      event,
      integration,
      payloadText
    })
    expect(JSON.parse(result.outputText)).toEqual({
      event_name: 'wishlist_added',
      customer: '919663673779',
      city: 'Pune',
      price: 1499,
      tier: 'Gold'
    })
    expect(result.valid).toBe(true)
    const tier = result.origins.find((origin) => origin.target === 'tier')!
    expect(tier).toMatchObject({ source: 'path', path: 'tier', transforms: ['lookup'], raw: 'G', value: 'Gold' })
    expect(cut(result.outputText, tier.output)).toBe('"tier": "Gold"')
    expect(tier.inputs.map((range) => cut(payloadText, range))).toEqual(['"tier": "G"'])
  })

  it('marks a required attribute no rule sets at the head of the output, and a missing source in the input', async () => {
    const compute = createPreviewComputer()
    const result = await compute({
      id: 2,
      spec: spec([rule('customer', 'user_id'), rule('price', 'pricing.unit')]),
      event,
      integration,
      payloadText
    })
    const missing = result.markers.find((marker) => marker.code === 'missing_required')!
    expect(missing).toMatchObject({ side: 'output', severity: 'error' })
    expect(cut(result.outputText, missing)).toBe('"event_name": "wishlist_added"')
    const unpriced = result.markers.find((marker) => marker.code === 'missing_value' && marker.side === 'input')
    // Nothing at pricing: the nearest existing parent is the whole payload.
    expect(unpriced?.start).toBe(0)
    expect(result.valid).toBe(false)
  })

  it('says in its status line why a fan-out makes no event, and how many events it makes otherwise', async () => {
    const compute = createPreviewComputer()
    const over = async (fanOutPath: string) =>
      previewStatus(
        await compute({
          id: 7,
          spec: spec([rule('customer', '$.user_id'), rule('city', 'sku')], { fanOut: { path: fanOutPath } }),
          event,
          integration,
          payloadText
        })
      )
    expect(await over('lines')).toBe('No event: Nothing at lines (the payload has no key "lines").')
    expect(await over('items[')).toMatch(/^No event: The fan-out path: /)
    expect(await over('items')).toBe('2 events · valid for Capillary')
    expect(previewStatus(null)).toBe('Waiting for a payload…')
  })

  it('shows the list of payloads under fan-out, with markers at the right item', async () => {
    const compute = createPreviewComputer()
    const result = await compute({
      id: 3,
      spec: spec([rule('customer', '$.user_id'), rule('city', 'sku'), rule('price', 'sku')], {
        fanOut: { path: 'items' }
      }),
      event,
      integration,
      payloadText
    })
    expect(JSON.parse(result.outputText)).toHaveLength(2)
    const mismatch = result.markers.filter((marker) => marker.code === 'type_mismatch')
    const placed = mismatch.map((marker) => [
      marker.side,
      cut(marker.side === 'input' ? payloadText : result.outputText, marker)
    ])
    // The value is left out of each output, so the output marker sits at the head of that output.
    expect(placed).toEqual([
      ['input', '"sku": "A"'],
      ['output', '"event_name": "wishlist_added"'],
      ['input', '"sku": "B"'],
      ['output', '"event_name": "wishlist_added"']
    ])
    const [, first, , second] = mismatch
    expect(first!.start).toBeLessThan(second!.start)
  })

  it('says when the payload is not JSON, or not one the mapping applies to', async () => {
    const compute = createPreviewComputer()
    const broken = await compute({ id: 4, spec: spec([]), event, integration, payloadText: '{"a": ' })
    expect(broken.payloadError).toMatch(/not JSON/)
    const other = await compute({
      id: 5,
      spec: spec([]),
      event,
      integration: { eventNameField: 'event_name', sourceNames: ['Something Else'] },
      payloadText
    })
    expect(other.matched).toBe(false)
    expect(other.markers.some((marker) => marker.code === 'no_match' && marker.side === 'input')).toBe(true)
  })

  it('runs JSONata rules in the same engine', async () => {
    const compute = createPreviewComputer()
    const result = await compute({
      id: 6,
      spec: spec([
        rule('customer', 'user_id'),
        {
          target: 'city',
          source: { kind: 'expression', expression: '$uppercase(tier) & "-" & $count(items)' },
          transforms: []
        }
      ]),
      event,
      integration,
      payloadText
    })
    expect(JSON.parse(result.outputText).city).toBe('G-2')
  })
})

describe('jsonTextRanges', () => {
  it('places every pointer of a JSON text, keys included, escaped as RFC 6901 says', () => {
    const text = '{ "a/b": [1, {"c~d": "x\\"y"}], "e": null }'
    const ranges = jsonTextRanges(text)
    expect(cut(text, ranges.get(''))).toBe(text)
    expect(cut(text, ranges.get('/a~1b'))).toBe('[1, {"c~d": "x\\"y"}]')
    expect(cut(text, ranges.get('/a~1b/0'))).toBe('1')
    const nested = ranges.get('/a~1b/1/c~0d')!
    expect(cut(text, nested)).toBe('"x\\"y"')
    expect(text.slice(nested.keyStart, nested.keyEnd)).toBe('"c~d"')
    expect(cut(text, ranges.get('/e'))).toBe('null')
  })

  it('keeps what it found before a syntax error', () => {
    const ranges = jsonTextRanges('{"a": 1, "b": ')
    expect(ranges.has('/a')).toBe(true)
    expect(ranges.has('/b')).toBe(false)
  })
})
