import { describe, expect, it } from 'vitest'
import { mergeSummary } from '../../../../renderer/features/bundles/mergeSummary'

const none = { added: 0, replaced: 0, copied: 0, kept: 0 }

describe('the merge summary', () => {
  it('counts in the singular for one, and names only what happened', () => {
    expect(
      mergeSummary('shop.capmap.json', {
        events: { ...none, added: 1 },
        integrations: none,
        mappings: 1,
        testCases: 2
      })
    ).toBe('Merged shop.capmap.json: 1 event added.')
  })

  it('counts in the plural for several, events before integrations', () => {
    expect(
      mergeSummary('shop.capmap.json', {
        events: { added: 2, replaced: 1, copied: 3, kept: 1 },
        integrations: { ...none, added: 1, copied: 2 },
        mappings: 4,
        testCases: 5
      })
    ).toBe(
      'Merged shop.capmap.json: 2 events added, 1 event replaced, 3 events added beside yours, 1 integration added, 2 integrations added beside yours.'
    )
  })

  it('says when nothing changed', () => {
    expect(
      mergeSummary('shop.capmap.json', { events: { ...none, kept: 2 }, integrations: none, mappings: 0, testCases: 0 })
    ).toBe('Merged shop.capmap.json: nothing changed (everything was identical, or kept as yours).')
  })
})
