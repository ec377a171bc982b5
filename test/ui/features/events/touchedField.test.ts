import { describe, expect, it } from 'vitest'
import { newCustomEventDraft } from '../../../../renderer/features/events/newEventDraft'
import { touchedField } from '../../../../renderer/features/events/touchedField'

const base = newCustomEventDraft([])

describe('touchedField', () => {
  it('names a changed top-level field', () => {
    expect(touchedField(base, { ...base, name: 'other' })).toBe('name')
  })

  it("names a changed attribute's field by index", () => {
    const customer = base.attributes[0]!
    const after = { ...base, attributes: [{ ...customer, description: 'The mobile' }] }
    expect(touchedField(base, after)).toBe('attributes/0/description')
  })

  it('reports an added, removed or moved attribute as a change of the attributes', () => {
    expect(touchedField(base, { ...base, attributes: [] })).toBe('attributes')
    const second = { ...base.attributes[0]!, id: 'second', name: 'other', type: 'string' as const }
    const two = { ...base, attributes: [base.attributes[0]!, second] }
    expect(touchedField(two, { ...two, attributes: [second, base.attributes[0]!] })).toBe('attributes')
  })
})
