import { describe, expect, it } from 'vitest'
import { serializeBundle } from '../../../../shared/bundle/canonicalBundle'
import { readBundle } from '../../../../shared/bundle/readBundle'
import { sampleBundleContent } from './sampleBundleContent'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit bundles as the JSON they are
type Untyped = any

/** A valid bundle's text, as export writes it. */
const sampleText = () => serializeBundle(sampleBundleContent(), 'test')

/** The sample bundle edited as JSON, then written back as a teammate's editor would. */
const edited = (change: (bundle: Untyped) => void) => {
  const bundle = JSON.parse(sampleText()) as Untyped
  change(bundle)
  return `${JSON.stringify(bundle, null, 2)}\n`
}

/** The line (from 1) of the first line of `text` that holds `fragment`. */
const lineWith = (text: string, fragment: string) => text.split('\n').findIndex((line) => line.includes(fragment)) + 1

const event = (name: string) => ({
  name,
  label: name,
  description: '',
  kind: 'custom' as const,
  actions: ['EIConsumer' as const],
  attributes: []
})

describe('reading a bundle', () => {
  it('says an event named like what every object has ("toString") was added by hand when it has no hash', () => {
    const text = serializeBundle(
      { events: [event('constructor'), event('toString')], integrations: [], mappings: [], testCases: [] },
      'test'
    )
    const bundle = JSON.parse(text) as { provenance: { eventHashes: Record<string, string> } }
    bundle.provenance.eventHashes = {}
    const read = readBundle(JSON.stringify(bundle))
    expect(read.ok && read.warnings.filter((warning) => warning.includes('by hand'))).toEqual([
      'constructor was added by hand (the bundle has no hash for it).',
      'toString was added by hand (the bundle has no hash for it).'
    ])
  })

  it('refuses two events whose names differ only in letter case, as a project would take them as one', () => {
    const text = serializeBundle(
      {
        events: [event('be_reserved'), event('BE_RESERVED'), event('be_reserved')],
        integrations: [],
        mappings: [],
        testCases: []
      },
      'test'
    )
    // The bundle lists events by name: BE_RESERVED comes first. Each problem gives the line its event starts on.
    const [, second, third] = text.split('\n').flatMap((line, index) => (line === '    {' ? [index + 1] : []))
    expect(readBundle(text)).toEqual({
      ok: false,
      kind: 'invalid',
      problems: [
        `events[1] (line ${second}): a second event named be_reserved (a project takes names that differ only in case as one: BE_RESERVED).`,
        `events[2] (line ${third}): a second event named be_reserved.`
      ]
    })
  })
})

describe('keys a bundle does not have', () => {
  it.each([
    [
      'a rule',
      (b: Untyped) => (b.mappings[0].spec.rules[1].transfroms = []),
      'mappings[0].spec.rules[1]',
      'transfroms'
    ],
    [
      'an attribute',
      (b: Untyped) => (b.events[0].attributes[1].isRequierd = true),
      'events[0].attributes[1]',
      'isRequierd'
    ],
    ['a match', (b: Untyped) => (b.mappings[0].spec.match.field = 'x'), 'mappings[0].spec.match', 'field'],
    [
      'a source',
      (b: Untyped) => (b.mappings[0].spec.rules[0].source.scpoe = 'root'),
      'mappings[0].spec.rules[0].source',
      'scpoe'
    ],
    [
      'a transform',
      (b: Untyped) => (b.mappings[0].spec.rules[1].transforms[0].mode = 'x'),
      'mappings[0].spec.rules[1].transforms[0]',
      'mode'
    ],
    ['a spec', (b: Untyped) => (b.mappings[0].spec.ruels = []), 'mappings[0].spec', 'ruels'],
    [
      'an event-name map entry',
      (b: Untyped) =>
        (b.integrations[0].eventNameMap = [{ sorceName: 'booked', sourceName: 'b', eventName: 'be_reserved' }]),
      'integrations[0].eventNameMap[0]',
      'sorceName'
    ]
  ])('refuses an unknown key in %s, naming its place and line', (_what, change, path, key) => {
    const text = edited(change)
    expect(readBundle(text)).toEqual({
      ok: false,
      kind: 'invalid',
      problems: [`${path}.${key} (line ${lineWith(text, `"${key}"`)}): the bundle format has no such key.`]
    })
  })

  it("takes any key inside a payload or an expected output, which are the user's own JSON", () => {
    const read = readBundle(
      edited((bundle) => {
        bundle.testCases[0].payload.anything = { nested: true }
        bundle.testCases[0].expected[0].extra_field = 1
      })
    )
    expect(read.ok).toBe(true)
  })
})

describe('files that are not JSON', () => {
  it('says a file holds unresolved git merge conflict markers, at the line of the first', () => {
    const lines = sampleText().split('\n')
    const at = lines.findIndex((line) => line.includes('"label"'))
    const conflicted = [
      ...lines.slice(0, at),
      '<<<<<<< HEAD',
      lines[at],
      '=======',
      lines[at]!.replace('Reserved', 'Room reserved'),
      '>>>>>>> feature',
      ...lines.slice(at + 1)
    ].join('\n')
    expect(readBundle(conflicted)).toEqual({
      ok: false,
      kind: 'unreadable',
      problems: [
        `The file has unresolved git merge conflict markers at line ${at + 1}: resolve the conflict (keep one side, or merge them by hand), then try again.`
      ]
    })
  })

  it('says where a syntax error is by line and column, not by character position', () => {
    const lines = sampleText().split('\n')
    const at = lines.findIndex((line) => line.includes('"label"'))
    lines[at] = lines[at]!.replace('"label"', 'label')
    const column = lines[at]!.indexOf('label') + 1
    expect(readBundle(lines.join('\n'))).toEqual({
      ok: false,
      kind: 'unreadable',
      problems: [`The file is not JSON: Expected double-quoted property name at line ${at + 1}, column ${column}.`]
    })
  })
})

describe('what JSON.parse takes silently', () => {
  it('refuses a number too large for a double (1e400 would become null), at its place', () => {
    const text = sampleText().replace('"nights": 2\n', '"nights": 1e400\n')
    expect(readBundle(text)).toEqual({
      ok: false,
      kind: 'invalid',
      problems: [
        `testCases[0].expected[0].nights (line ${lineWith(text, '1e400')}): the number 1e400 is too large to be read as one (it would become null).`
      ]
    })
  })

  it('refuses a key written twice in one object (the parser keeps the last), at its place', () => {
    const text = sampleText().replace('"label": "Reserved",', '"label": "Reserved",\n      "label": "Booked",')
    expect(readBundle(text)).toEqual({
      ok: false,
      kind: 'invalid',
      problems: [
        `events[0].label (line ${lineWith(text, '"Booked"')}): the key "label" is written twice in one object (JSON keeps only the last).`
      ]
    })
  })

  it('tells keys apart as the parser does: escaped the same, they are the same key; in other objects, not', () => {
    const twice = sampleText().replace('"label": "Reserved",', '"label": "Reserved",\n      "\\u006cabel": "Booked",')
    expect(readBundle(twice).ok && 'read').toBe(false)
    // Every event, attribute and rule has a "name" or a "kind" of its own: the same key in sibling objects is fine.
    expect(readBundle(sampleText()).ok).toBe(true)
  })
})

describe("the studio's own rules for what a bundle makes", () => {
  const secondIntegration = (bundle: Untyped, change: Record<string, unknown>) =>
    bundle.integrations.push({ ...bundle.integrations[0], slug: 'booking-web', ...change })

  /** The line of the last line of `text` that holds `fragment`: the edits below add what they break after the rest. */
  const lastLineWith = (fragment: string) => (text: string) =>
    text.split('\n').findLastIndex((line) => line.includes(fragment)) + 1

  it.each([
    [
      'an upper-case slug',
      (b: Untyped) => (b.integrations[0].slug = 'Booking-App'),
      'integrations[0].slug',
      lastLineWith('"slug": "Booking-App"'),
      'Use lower-case letters and digits, with single hyphens between words (e.g. webengage-eu).'
    ],
    [
      'an empty slug',
      (b: Untyped) => (b.integrations[0].slug = ''),
      'integrations[0].slug',
      lastLineWith('"slug": ""'),
      'Give the integration a slug: it names its listener path /hooks/<slug>.'
    ],
    [
      'an empty integration name',
      (b: Untyped) => (b.integrations[0].name = '  '),
      'integrations[0].name',
      lastLineWith('"name": "  "'),
      'Give the integration a name.'
    ],
    [
      'two integrations named alike (case and spaces aside)',
      (b: Untyped) => secondIntegration(b, { name: ' booking ' }),
      'integrations[1].name',
      lastLineWith('"name": " booking "'),
      'Another integration is already named "Booking": give this one a name of its own, so the inbox, deliveries and mapping lists can tell them apart.'
    ],
    [
      'two test cases of one mapping named alike (case and spaces aside)',
      (b: Untyped) => b.testCases.push({ ...b.testCases[0], name: 'a RESERVATION ' }),
      'testCases[1].name',
      lastLineWith('"name": "a RESERVATION "'),
      'booking-app → be_reserved already has a test case named A reservation: give this one another name.'
    ],
    [
      'two rules for one attribute',
      (b: Untyped) => b.mappings[0].spec.rules.push({ ...b.mappings[0].spec.rules[0], transforms: [{ kind: 'trim' }] }),
      'mappings[0].spec.rules[2].target',
      lastLineWith('"target": "customer_id"'),
      'customer_id has two rules: keep one rule per attribute.'
    ]
  ])('refuses %s, at its place and line', (_what, change, place, lineOf, message) => {
    const text = edited(change)
    const read = readBundle(text)
    expect(read.ok ? [] : read.problems).toContain(`${place} (line ${lineOf(text)}): ${message}`)
    expect(read.ok).toBe(false)
  })

  it('gives a place the file does not have (a key left out) the line of the nearest place around it', () => {
    const text = edited((bundle) => delete bundle.events[0].label)
    const eventLine = lineWith(text, '"events": [') + 1
    const read = readBundle(text)
    expect(read.ok ? [] : read.problems).toEqual([expect.stringMatching(/^events\[0\]\.label \(line (\d+)\): /)])
    expect(read.ok ? '' : read.problems[0]).toContain(`(line ${eventLine})`)
  })
})
