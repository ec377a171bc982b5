import { describe, expect, it } from 'vitest'
import { eventDefinitionBody } from '../../../../shared/capillary/eventDefinitionBody'
import { eventDraftFromDefinition } from '../../../../shared/capillary/eventDraftFromDefinition'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'

const beReserved = {
  eventName: 'be_reserved',
  actions: ['EIConsumer', 'EMFConsumer'],
  fields: [
    {
      name: 'customer_id',
      type: 'CUSTOMER',
      attributes: {
        identifierType: { valueType: 'ENUM', value: 'mobile' },
        source: { valueType: 'ENUM', value: 'INSTORE' },
        addCustomerIfNotExists: { valueType: 'Boolean', value: 'false' },
        isRequired: { valueType: 'BOOLEAN', value: 'true' }
      }
    },
    { name: 'hotel_name', type: 'string', attributes: { isRequired: { valueType: 'Boolean', value: true } } },
    {
      name: 'room_nights',
      type: 'ENUM',
      attributes: { possibleValues: { valueType: 'LIST', values: ['1', '2', '12'] } }
    },
    { name: 'age', type: 'DOUBLE' }
  ]
}

describe('eventDraftFromDefinition', () => {
  it('reads a custom event definition in either casing', () => {
    const read = eventDraftFromDefinition(beReserved)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.draft).toMatchObject({ name: 'be_reserved', kind: 'custom', actions: ['EIConsumer', 'EMFConsumer'] })
    expect(read.draft.attributes.map((attribute) => [attribute.name, attribute.type, attribute.isRequired])).toEqual([
      ['customer_id', 'customer', true],
      ['hotel_name', 'string', true],
      ['room_nights', 'enum', false],
      ['age', 'double', false]
    ])
    expect(read.draft.attributes[0]?.customer).toEqual({
      identifierType: 'mobile',
      source: 'INSTORE',
      addCustomerIfNotExists: false
    })
    expect(read.draft.attributes[2]?.possibleValues).toEqual(['1', '2', '12'])
  })

  it('reads back what eventDefinitionBody writes', () => {
    const draft = standardEventDraft('ProductAddedToCart')
    const read = eventDraftFromDefinition(eventDefinitionBody(draft))
    expect(
      read.ok &&
        read.draft.attributes.map(({ name, type, isRequired, standard }) => ({ name, type, isRequired, standard }))
    ).toEqual(draft.attributes.map(({ name, type, isRequired, standard }) => ({ name, type, isRequired, standard })))
  })

  it('marks a library event standard, keeping custom attributes custom', () => {
    const body = eventDefinitionBody(standardEventDraft('ProductViewed'))
    body.fields.push({ name: 'colour', type: 'string', attributes: {} })
    const read = eventDraftFromDefinition(body)
    expect(read.ok && read.draft.kind).toBe('standard')
    expect(read.ok && read.draft.attributes.at(-1)?.standard).toBe(false)
    expect(read.ok && read.draft.attributes[0]?.standard).toBe(true)
  })

  it('refuses an unknown field type, naming the field', () => {
    const read = eventDraftFromDefinition({
      eventName: 'x',
      actions: [],
      fields: [{ name: 'when', type: 'TIMESTAMP' }]
    })
    expect(read).toEqual({ ok: false, error: expect.stringContaining('"when"') })
  })

  it('refuses what is not a definition', () => {
    expect(eventDraftFromDefinition({ name: 'x' }).ok).toBe(false)
    expect(eventDraftFromDefinition({ eventName: 'x', actions: ['Loyalty'], fields: [] }).ok).toBe(false)
  })
})
