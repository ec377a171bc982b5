import { describe, expect, it } from 'vitest'
import { serializeBundle } from '../../../../shared/bundle/canonicalBundle'
import { readBundle } from '../../../../shared/bundle/readBundle'

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
    expect(readBundle(text)).toEqual({
      ok: false,
      kind: 'invalid',
      problems: [
        // The bundle lists events by name: BE_RESERVED comes first.
        'events[1]: a second event named be_reserved (a project takes names that differ only in case as one: BE_RESERVED).',
        'events[2]: a second event named be_reserved.'
      ]
    })
  })
})
