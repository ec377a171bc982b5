import { describe, expect, it } from 'vitest'
import { EventDraft } from '../../../../shared/model/event'
import { checkEvent } from '../../../../shared/capillary/checkEvent'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'
import { standardEvent, standardEvents } from '../../../../shared/capillary/standardEvents'

describe('standardEventDraft', () => {
  it('is a standard event with the library name, label and actions', () => {
    expect(standardEventDraft('ProductSearched')).toMatchObject({
      name: 'ProductSearched',
      label: 'Product Searched',
      kind: 'standard',
      actions: ['EIConsumer']
    })
  })

  it('flags every attribute as standard', () => {
    expect(standardEventDraft('CouponApplied').attributes.every((attribute) => attribute.standard)).toBe(true)
  })

  it('has the library fields with their types and required flags', () => {
    const fields = standardEvent('CustomerLoggedIn').fields.map(({ name, type, isRequired }) => ({
      name,
      type,
      isRequired
    }))
    expect(standardEventDraft('CustomerLoggedIn').attributes).toMatchObject(fields)
  })

  it('identifies the customer by mobile from INSTORE', () => {
    expect(standardEventDraft('AppInstalled').attributes[0]?.customer).toEqual({
      identifierType: 'mobile',
      source: 'INSTORE',
      addCustomerIfNotExists: false
    })
  })

  it('gives customer settings only to the customer field', () => {
    const others = standardEventDraft('ProductViewed').attributes.slice(1)
    expect(others.every((attribute) => attribute.customer === undefined)).toBe(true)
  })

  it('leaves out the implicit eventDateTime and storeUnitID', () => {
    const names = standardEventDraft('ProductViewed').attributes.map((attribute) => attribute.name)
    expect(names).not.toContain('eventDateTime')
    expect(names).not.toContain('storeUnitID')
  })

  it('is a valid EventDraft of the model', () => {
    expect(EventDraft.safeParse(standardEventDraft('ProductAddedToCart')).success).toBe(true)
  })

  it.each(standardEvents.map((event) => event.name))('makes %s a draft that passes every rule', (name) => {
    const context = { otherEventNames: [], customEventCountInOrg: 10, stage: 'publish' as const }
    expect(checkEvent(standardEventDraft(name), context)).toEqual([])
  })

  it('returns a fresh draft each time, so editing one does not change the library', () => {
    const first = standardEventDraft('AppInstalled')
    first.actions.pop()
    const customer = first.attributes[0]?.customer
    if (customer !== undefined) customer.source = 'WECHAT'
    expect(standardEventDraft('AppInstalled').actions).toEqual(['EIConsumer', 'EMFConsumer'])
    expect(standardEventDraft('AppInstalled').attributes[0]?.customer?.source).toBe('INSTORE')
  })
})
