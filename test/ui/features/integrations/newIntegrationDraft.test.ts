import { describe, expect, it } from 'vitest'
import { slugProblem } from '../../../../shared/model/slug'
import { newIntegrationDraft, uniqueSlug } from '../../../../renderer/features/integrations/newIntegrationDraft'

describe('a new integration draft', () => {
  it('starts as a WebEngage integration reading event_name, with nothing mapped yet', () => {
    expect(newIntegrationDraft([])).toEqual({
      name: 'New integration',
      slug: 'new-integration',
      kind: 'webengage',
      sourceAccount: 'WEB_ENGAGE',
      eventNameField: 'event_name',
      eventNameMap: []
    })
  })

  it('takes a name and a slug no other integration has', () => {
    const draft = newIntegrationDraft([
      { name: 'New integration', slug: 'new-integration' },
      { name: 'new integration 2', slug: 'new-integration-2' }
    ])
    expect(draft).toMatchObject({ name: 'New integration 3', slug: 'new-integration-3' })
  })
})

describe('a unique slug', () => {
  it('is the name slugified when that slug is free', () => {
    expect(uniqueSlug('WebEngage (EU)', ['webengage'])).toBe('webengage-eu')
  })

  it('gets a number when the slug is taken', () => {
    expect(uniqueSlug('WebEngage', ['webengage', 'webengage-2'])).toBe('webengage-3')
  })

  it('falls back to "integration" for a name with no letters or digits', () => {
    expect(uniqueSlug('¿¡!', [])).toBe('integration')
  })

  it('stays a valid slug when a long name needs a number', () => {
    const long = 'a'.repeat(59) + ' b'
    const taken = uniqueSlug(long, [])
    const numbered = uniqueSlug(long, [taken])
    expect(numbered).toBe(`${'a'.repeat(58)}-2`)
    expect(slugProblem(numbered, [taken])).toBeUndefined()
  })
})
