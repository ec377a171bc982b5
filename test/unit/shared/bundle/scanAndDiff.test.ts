import { describe, expect, it } from 'vitest'
import type { BundleContent } from '../../../../shared/bundle/canonicalBundle'
import { diffBundles } from '../../../../shared/bundle/diffBundles'
import { scanBundle } from '../../../../shared/bundle/scanBundle'
import { sampleBundleContent } from './sampleBundleContent'

/** The sample bundle with one rule, and one test case whose payload holds personal data (the scan's matter). */
function content(): BundleContent {
  const bundle = sampleBundleContent()
  bundle.mappings[0]!.spec.rules = bundle.mappings[0]!.spec.rules.slice(0, 1)
  bundle.testCases = [
    {
      integration: 'booking-app',
      event: 'be_reserved',
      name: 'one',
      source: { kind: 'edited' },
      payload: {
        mobile: '+91 98450 12345',
        mail: 'asha@example.com',
        card: '4111 1111 1111 1111',
        nights: 2,
        note: 'Room 4111'
      },
      expected: [{ event_name: 'be_reserved', customer_id: '919845012345' }]
    }
  ]
  return bundle
}

describe('the export scan', () => {
  it('finds personal data in test cases, as warnings with a masked excerpt', () => {
    const { secrets, personalData } = scanBundle(content())
    expect(secrets).toEqual([])
    expect(personalData.map((finding) => [finding.path, finding.kind])).toEqual([
      ['testCases[0].payload.mobile', 'phone number'],
      ['testCases[0].payload.mail', 'email address'],
      ['testCases[0].payload.card', 'card number'],
      ['testCases[0].expected[0].customer_id', 'phone number']
    ])
    expect(personalData[1]?.excerpt).toBe('asha…om')
  })

  describe('telling phone numbers from other numbers in test-case payloads', () => {
    /** What the scan calls each value of a one-payload bundle, by key. */
    const kindsOf = (payload: Record<string, unknown>) => {
      const bundle = content()
      bundle.testCases[0]!.payload = payload
      bundle.testCases[0]!.expected = []
      return Object.fromEntries(
        scanBundle(bundle).personalData.map((finding) => [finding.path.split('.').pop(), finding.kind])
      )
    }

    it.each([
      ['mobile', '+91 98450 12345'],
      ['mobile', '919845012345'],
      ['customer_id', '9933772255'],
      ['contact', '+1 (415) 555-2671'],
      ['landline', '020 7946 0958'],
      ['alt', '0044 20 7946 0958'],
      ['alt', '415-555-2671'],
      ['phoneNumber', '1234567890'],
      ['mobile', 919845012345]
    ])('flags %s = %j as a phone number', (key, value) => {
      expect(kindsOf({ [key]: value })).toEqual({ [key]: 'phone number' })
    })

    it.each([
      ['check_in', '2026-12-01'],
      ['check_out', '01-12-2026'],
      ['booked', '2026-12-01T10:30:00Z'],
      ['booked', '2026-12-01T10:30:00.000+05:30'],
      ['stamp', '202612011030'],
      ['sent', '1733011200'],
      ['sent', 1733011200123],
      ['app', '10.0.19045.2965'],
      ['app', '2.14.0-1234567'],
      ['price', '1499.00'],
      ['price', '1,24,999.50'],
      ['order_total', '2500000000'],
      ['points', 12500000000],
      ['nights', '2'],
      ['room', '4111']
    ])('does not flag %s = %j', (key, value) => {
      expect(kindsOf({ [key]: value })).toEqual({})
    })
  })

  it('finds an email address after a long run of text without one, and only where an @ has one around it', () => {
    const bundle = content()
    const longRun = 'x'.repeat(200_000)
    bundle.testCases[0]!.payload = {
      after: `${longRun} write to asha@example.com`,
      handle: `${longRun} @asha`,
      local: 'root@localhost',
      alone: 'a @example.com'
    }
    bundle.testCases[0]!.expected = []
    expect(scanBundle(bundle).personalData.map((finding) => [finding.path, finding.kind])).toEqual([
      ['testCases[0].payload.after', 'email address']
    ])
  })

  it('finds literal secrets anywhere: credential keys and token shapes', () => {
    const bundle = content()
    bundle.mappings[0]!.spec.rules.push({
      target: 'nights',
      source: { kind: 'constant', value: 'Bearer abcdefghijklmnopqrstuvwxyz012345' },
      transforms: []
    })
    ;(bundle.testCases[0]!.payload as Record<string, unknown>).api_key = 'k-123'
    expect(scanBundle(bundle).secrets.map((finding) => [finding.path, finding.kind])).toEqual([
      ['mappings[0].spec.rules[1].source.value', 'bearer token'],
      ['testCases[0].payload.api_key', 'value of "api_key"']
    ])
  })
})

describe('the bundle diff', () => {
  it('is empty for equal content', () => {
    expect(diffBundles(content(), content())).toEqual([])
  })

  it('names each change at field level: events, attributes, rules, test cases', () => {
    const after = content()
    after.events[0]!.label = 'Room reserved'
    after.events[0]!.attributes.pop()
    after.mappings[0]!.spec.rules[0]!.transforms.push({ kind: 'trim' })
    after.testCases.push({ ...after.testCases[0]!, name: 'two' })
    expect(diffBundles(content(), after).map((change) => `${change.kind} ${change.what} ${change.path}`)).toEqual([
      'changed event be_reserved.label',
      'removed attribute be_reserved.attributes.nights',
      'changed rule booking-app → be_reserved.rules.customer_id.transforms',
      'added testCase booking-app → be_reserved: two'
    ])
  })
})

describe('the bundle diff and order', () => {
  it('reports attributes put in another order, saying which order changed', () => {
    const after = content()
    after.events[0]!.attributes.reverse()
    expect(diffBundles(content(), after)).toEqual([
      {
        kind: 'changed',
        what: 'event',
        path: 'be_reserved.attributes (order)',
        before: ['customer_id', 'nights'],
        after: ['nights', 'customer_id']
      }
    ])
  })

  it('reports rules put in another order', () => {
    const [before, after] = [content(), content()]
    for (const bundle of [before, after]) {
      bundle.mappings[0]!.spec.rules.push({
        target: 'nights',
        source: { kind: 'path', path: 'nights', scope: 'item' },
        transforms: []
      })
    }
    after.mappings[0]!.spec.rules.reverse()
    expect(diffBundles(before, after).map((change) => [change.path, change.before, change.after])).toEqual([
      ['booking-app → be_reserved.rules (order)', ['customer_id', 'nights'], ['nights', 'customer_id']]
    ])
  })

  it('does not call an attribute added in the middle a change of order', () => {
    const [before, after] = [content(), content()]
    before.events[0]!.attributes.splice(1, 0, { ...before.events[0]!.attributes[1]!, name: 'room' })
    after.events[0]!.attributes.splice(1, 0, { ...after.events[0]!.attributes[1]!, name: 'guests' })
    expect(diffBundles(before, after).map((change) => `${change.kind} ${change.path}`)).toEqual([
      'removed be_reserved.attributes.room',
      'added be_reserved.attributes.guests'
    ])
  })

  it('compares each of two rules for one attribute, so a change to the second is not hidden by the first', () => {
    const [before, after] = [content(), content()]
    for (const bundle of [before, after]) {
      bundle.mappings[0]!.spec.rules.push({ ...bundle.mappings[0]!.spec.rules[0]!, transforms: [] })
    }
    after.mappings[0]!.spec.rules[1]!.transforms = [{ kind: 'trim' }]
    expect(diffBundles(before, after).map((change) => `${change.kind} ${change.path}`)).toEqual([
      'changed booking-app → be_reserved.rules.customer_id (2).transforms'
    ])
  })
})

describe('the bundle diff of payloads and expected outputs', () => {
  it('names the value that changed deep in an expected output, not the whole output', () => {
    const [before, after] = [content(), content()]
    for (const bundle of [before, after]) bundle.testCases[0]!.expected[0]!.notes = 'x'.repeat(500)
    after.testCases[0]!.expected[0]!.customer_id = '919845012346'
    expect(diffBundles(before, after)).toEqual([
      {
        kind: 'changed',
        what: 'testCase',
        path: 'booking-app → be_reserved: one.expected[0].customer_id',
        before: '919845012345',
        after: '919845012346'
      }
    ])
  })

  it('shows a list with an item put in at its start as one change, not as every later item changed', () => {
    const [before, after] = [content(), content()]
    const items = (count: number, first: number) =>
      Array.from({ length: count }, (_, index) => ({ sku: `S${first + index}` }))
    ;(before.testCases[0]!.payload as Record<string, unknown>).items = items(300, 1)
    ;(after.testCases[0]!.payload as Record<string, unknown>).items = items(301, 0)
    expect(diffBundles(before, after).map((change) => change.path)).toEqual([
      'booking-app → be_reserved: one.payload.items'
    ])
  })

  it('names keys added to or removed from a payload, and items added to the expected outputs', () => {
    const after = content()
    const payload = after.testCases[0]!.payload as Record<string, unknown>
    delete payload.note
    payload['check in'] = '2026-12-01'
    after.testCases[0]!.expected.push({ event_name: 'be_reserved' })
    expect(diffBundles(content(), after).map((change) => [change.path, change.before, change.after])).toEqual([
      ['booking-app → be_reserved: one.payload.note', 'Room 4111', undefined],
      ['booking-app → be_reserved: one.payload["check in"]', undefined, '2026-12-01'],
      ['booking-app → be_reserved: one.expected[1]', undefined, { event_name: 'be_reserved' }]
    ])
  })
})
