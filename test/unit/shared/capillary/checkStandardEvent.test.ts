import { describe, expect, it } from 'vitest'
import type { AttributeDraft, EventDraft } from '../../../../shared/model/event'
import { checkStandardEvent } from '../../../../shared/capillary/checkStandardEvent'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'
import { attribute, beReserved } from './eventFixtures'

/** ProductViewed with attribute `index` changed: 0 customer, 1 productSku (required), 2 productBrand, ... */
const productViewedWith = (index: number, change: Partial<AttributeDraft>): EventDraft => {
  const draft = standardEventDraft('ProductViewed')
  return {
    ...draft,
    attributes: draft.attributes.map((field, position) => (position === index ? { ...field, ...change } : field))
  }
}

const codes = (draft: EventDraft): string[] => checkStandardEvent(draft).map((issue) => issue.code)

describe('checkStandardEvent', () => {
  it('accepts a standard event as the library defines it', () => {
    expect(checkStandardEvent(standardEventDraft('ProductViewed'))).toEqual([])
  })

  it('ignores custom events', () => {
    expect(checkStandardEvent(beReserved())).toEqual([])
  })

  it('rejects a name that is not in the library', () => {
    expect(checkStandardEvent({ ...standardEventDraft('ProductViewed'), name: 'ProductShared' })).toEqual([
      expect.objectContaining({ path: 'name', code: 'standard_event_unknown', severity: 'error' })
    ])
  })

  it('rejects a changed type of a standard field', () => {
    expect(checkStandardEvent(productViewedWith(2, { type: 'string' }))).toEqual([
      expect.objectContaining({
        path: 'attributes/2/type',
        code: 'standard_field_changed',
        message: expect.stringContaining('must stay Product Brand')
      })
    ])
  })

  it('rejects making a required standard field optional', () => {
    expect(checkStandardEvent(productViewedWith(1, { isRequired: false }))).toEqual([
      expect.objectContaining({
        path: 'attributes/1/isRequired',
        code: 'standard_field_changed',
        message: expect.stringContaining('must stay required')
      })
    ])
  })

  it('rejects making an optional standard field required', () => {
    expect(checkStandardEvent(productViewedWith(2, { isRequired: true }))[0]?.message).toContain('must stay optional')
  })

  it('rejects a renamed standard field and reports the library field as missing', () => {
    expect(checkStandardEvent(productViewedWith(2, { name: 'brand' }))).toEqual([
      expect.objectContaining({ path: 'attributes/2/name', code: 'standard_field_unknown' }),
      expect.objectContaining({ path: 'attributes', code: 'standard_field_missing' })
    ])
  })

  it('rejects a removed standard field, naming it', () => {
    const draft = standardEventDraft('CategoryViewed')
    const withoutCategoryId = { ...draft, attributes: draft.attributes.filter((field) => field.name !== 'categoryId') }
    expect(checkStandardEvent(withoutCategoryId)).toEqual([
      expect.objectContaining({
        path: 'attributes',
        code: 'standard_field_missing',
        message: expect.stringContaining('"categoryId" (String)')
      })
    ])
  })

  it('rejects a changed identifier type of the customer field', () => {
    const customer = { identifierType: 'email', source: 'INSTORE', addCustomerIfNotExists: false }
    expect(checkStandardEvent(productViewedWith(0, { customer }))).toEqual([
      expect.objectContaining({ path: 'attributes/0/customer', code: 'standard_field_changed' })
    ])
  })

  it('rejects registering new customers from a standard event', () => {
    const customer = { identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: true }
    expect(codes(productViewedWith(0, { customer }))).toEqual(['standard_field_changed'])
  })

  it('accepts the library spelling MOBILE for the customer identifier', () => {
    const customer = { identifierType: 'MOBILE', source: 'INSTORE', addCustomerIfNotExists: false }
    expect(codes(productViewedWith(0, { customer }))).toEqual([])
  })

  it('accepts a customer field without settings, which gets the library defaults', () => {
    expect(codes(productViewedWith(0, { customer: undefined }))).toEqual([])
  })

  it('accepts added custom attributes of the custom types', () => {
    const draft = standardEventDraft('ProductViewed')
    const added = [
      attribute({ name: 'color', type: 'enum', possibleValues: ['Red'] }),
      attribute({ name: 'viewedOn', type: 'date' })
    ]
    expect(checkStandardEvent({ ...draft, attributes: [...draft.attributes, ...added] })).toEqual([])
  })

  it('rejects an added Till Code, a standard attribute type', () => {
    const draft = standardEventDraft('ProductViewed')
    const till = attribute({ name: 'till', type: 'tillCode' })
    expect(checkStandardEvent({ ...draft, attributes: [...draft.attributes, till] })).toEqual([
      expect.objectContaining({ path: 'attributes/7/type', code: 'standard_event_typed_attribute' })
    ])
  })

  it('rejects changed destinations', () => {
    expect(checkStandardEvent({ ...standardEventDraft('ProductViewed'), actions: ['EIConsumer'] })).toEqual([
      expect.objectContaining({ path: 'actions', code: 'standard_actions_changed', severity: 'error' })
    ])
  })

  it('rejects sending ProductSearched to EMF', () => {
    const draft = standardEventDraft('ProductSearched')
    expect(codes({ ...draft, actions: ['EIConsumer', 'EMFConsumer'] })).toEqual(['standard_actions_changed'])
  })

  it('accepts the library destinations in another order', () => {
    expect(codes({ ...standardEventDraft('ProductViewed'), actions: ['EMFConsumer', 'EIConsumer'] })).toEqual([])
  })
})
