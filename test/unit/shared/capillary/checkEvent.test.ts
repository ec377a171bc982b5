import { describe, expect, it } from 'vitest'
import type { EventDraft } from '../../../../shared/model/event'
import { checkEvent, type CheckEventContext } from '../../../../shared/capillary/checkEvent'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'
import { attribute, beReserved, customerId, stringAttributes } from './eventFixtures'

const designing: CheckEventContext = { otherEventNames: [], customEventCountInOrg: 0, stage: 'design' }
const codes = (draft: EventDraft, context: CheckEventContext = designing): string[] =>
  checkEvent(draft, context).map((issue) => issue.code)

describe('checkEvent', () => {
  it('accepts the documented be_reserved event', () => {
    expect(checkEvent(beReserved(), designing)).toEqual([])
  })

  it('accepts the documented be_reserved event for publishing', () => {
    expect(checkEvent(beReserved(), { ...designing, stage: 'publish' })).toEqual([])
  })

  it('accepts a standard event from the library', () => {
    expect(checkEvent(standardEventDraft('CouponApplied'), designing)).toEqual([])
  })

  it('reports every problem of a draft at once', () => {
    const draft = beReserved({
      name: 'Promotion Viewed',
      actions: [],
      attributes: [attribute({ name: 'Promotion ID', type: 'string', isUniqueKeyField: true })]
    })
    expect(codes(draft)).toEqual([
      'event_name_has_spaces',
      'actions_missing',
      'customer_missing',
      'attribute_name_has_spaces',
      'unique_key_not_required'
    ])
  })

  it('reports attribute issues at their index', () => {
    const draft = beReserved({ attributes: [customerId(), attribute({ name: 'age', type: 'double', regex: 'x' })] })
    expect(checkEvent(draft, designing).map((issue) => issue.path)).toEqual(['attributes/1/regex'])
  })

  it('compares the name with the other events of the project', () => {
    expect(codes(beReserved(), { ...designing, otherEventNames: ['be_reserved'] })).toEqual(['event_name_duplicate'])
  })

  it('rejects 21 attributes', () => {
    expect(codes(beReserved({ attributes: [customerId(), ...stringAttributes(20)] }))).toEqual(['attributes_too_many'])
  })

  it('accepts 20 attributes', () => {
    expect(codes(beReserved({ attributes: [customerId(), ...stringAttributes(19)] }))).toEqual([])
  })

  it('warns while designing the 11th custom event of an org', () => {
    expect(checkEvent(beReserved(), { ...designing, customEventCountInOrg: 10 })).toEqual([
      expect.objectContaining({ code: 'custom_event_limit', severity: 'warning' })
    ])
  })

  it('rejects publishing the 11th custom event of an org', () => {
    expect(checkEvent(beReserved(), { ...designing, customEventCountInOrg: 10, stage: 'publish' })).toEqual([
      expect.objectContaining({ code: 'custom_event_limit', severity: 'error' })
    ])
  })

  it('checks that a standard event keeps its library fields', () => {
    const draft = standardEventDraft('ProductSearched')
    const edited = { ...draft, attributes: draft.attributes.map((field) => ({ ...field, isRequired: false })) }
    expect(codes(edited)).toEqual(['standard_field_changed', 'standard_field_changed', 'customer_not_required'])
  })
})
