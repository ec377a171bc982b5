import { describe, expect, it } from 'vitest'
import { adapterMappingPreview, definitionPreviews, logsPreview } from '../../../main/publish/previewRequests'
import { standardEventDraft } from '../../../shared/capillary/standardEventDraft'
import { eventDraft } from '../../integration/support/eventDraft'

describe('the dry run’s request previews', () => {
  const previews = [
    ...definitionPreviews(eventDraft({ name: 'review_posted' }), 'create', 'basic'),
    ...definitionPreviews(eventDraft({ name: 'review_posted' }), 'replace', 'basic'),
    ...definitionPreviews(standardEventDraft('ProductAddedToCart'), 'enable', 'oauth'),
    adapterMappingPreview({ transformerType: 'defaultTransformer', eventsMapped: ['review_posted'] }, 'basic'),
    logsPreview('review_posted', 'basic')
  ]

  it('say the rule itself in each note, never a reference users cannot look up', () => {
    for (const preview of previews) {
      expect(preview.note).not.toMatch(/notes|§/)
      expect(preview.note.length).toBeGreaterThan(0)
    }
  })

  it('say why a standard event is enabled rather than created', () => {
    const enable = previews.find((preview) => preview.path === '/v2/events/standard_events/enable')
    expect(enable?.note).toBe(
      'Enables the standard event: Capillary defines its fields, so it is enabled once per org, not created.'
    )
  })
})
