import { describe, expect, it } from 'vitest'
import { checkEventName } from '../../../../shared/capillary/checkEventName'

const codes = (name: string, others: string[] = []): string[] => checkEventName(name, others).map((issue) => issue.code)

describe('checkEventName', () => {
  it.each([
    'be_reserved',
    'Testing_3',
    'PointsEvent1',
    'eventsdemo1',
    'DemoEvent',
    'promotionViewed',
    'Group_User_Event',
    'TestEventWithDate',
    'clickEventPromoPoint',
    'ProductAddedToCart'
  ])('accepts the documented event name %s', (name) => {
    expect(checkEventName(name, [])).toEqual([])
  })

  it('rejects "Promotion Viewed" because of its space', () => {
    expect(checkEventName('Promotion Viewed', [])).toEqual([
      expect.objectContaining({ path: 'name', code: 'event_name_has_spaces', severity: 'error' })
    ])
  })

  it('suggests promotionViewed for "Promotion Viewed" and says the source name can still be mapped', () => {
    const [issue] = checkEventName('Promotion Viewed', [])
    expect(issue?.message).toContain('"promotionViewed"')
    expect(issue?.message).toContain('map')
  })

  it('rejects an empty name', () => {
    expect(codes('')).toEqual(['event_name_empty'])
  })

  it('rejects a name of spaces only as empty', () => {
    expect(codes('   ')).toEqual(['event_name_empty'])
  })

  it('rejects special characters', () => {
    expect(codes('be-reserved')).toEqual(['event_name_invalid_characters'])
  })

  it('names the special characters to remove', () => {
    expect(checkEventName('promo.viewed!', [])[0]?.message).toContain('remove ".", "!"')
  })

  it('rejects letters outside A to Z', () => {
    expect(codes('caféVisited')).toEqual(['event_name_invalid_characters'])
  })

  it('rejects a double underscore, which Capillary uses for a space', () => {
    expect(codes('Promotion__Viewed')).toEqual(['event_name_double_underscore'])
  })

  it('accepts a name starting with an underscore or a digit', () => {
    expect(codes('_3dViewed')).toEqual([])
  })

  it('rejects the name of another event of the project', () => {
    expect(checkEventName('be_reserved', ['Testing_3', 'be_reserved'])).toEqual([
      expect.objectContaining({ path: 'name', code: 'event_name_duplicate', severity: 'error' })
    ])
  })

  it('warns about a name that differs from another only in case', () => {
    expect(checkEventName('BE_RESERVED', ['be_reserved'])).toEqual([
      expect.objectContaining({ code: 'event_name_case_duplicate', severity: 'warning' })
    ])
  })

  it('does not compare an empty name with the other names', () => {
    expect(codes('', [''])).toEqual(['event_name_empty'])
  })
})
