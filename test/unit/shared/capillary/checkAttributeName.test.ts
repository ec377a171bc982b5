import { describe, expect, it } from 'vitest'
import { checkAttributeName } from '../../../../shared/capillary/checkAttributeName'

const named = (...names: string[]) => names.map((name) => ({ name }))
const codes = (names: string[], index: number): string[] =>
  checkAttributeName(named(...names), index).map((issue) => issue.code)

describe('checkAttributeName', () => {
  it.each(['customer_id', 'hotel_name', 'room_nights', 'external_event_id', 'age', 'CustomerMobileNumber', 'cartId'])(
    'accepts the documented attribute name %s',
    (name) => {
      expect(checkAttributeName(named(name), 0)).toEqual([])
    }
  )

  it('reports issues at the attribute name path', () => {
    expect(checkAttributeName(named('age', 'Customer Mobile'), 1)).toEqual([
      expect.objectContaining({ path: 'attributes/1/name', code: 'attribute_name_has_spaces', severity: 'error' })
    ])
  })

  it('suggests a name without spaces for a WebEngage field name', () => {
    expect(checkAttributeName(named('SKU ID'), 0)[0]?.message).toContain('"skuID"')
  })

  it('rejects an empty name', () => {
    expect(codes([''], 0)).toEqual(['attribute_name_empty'])
  })

  it('rejects special characters', () => {
    expect(codes(['room-nights'], 0)).toEqual(['attribute_name_invalid_characters'])
  })

  it('rejects a double underscore', () => {
    expect(codes(['hotel__name'], 0)).toEqual(['attribute_name_double_underscore'])
  })

  it('accepts a name of 50 characters', () => {
    expect(codes(['a'.repeat(50)], 0)).toEqual([])
  })

  it('rejects a name of 51 characters', () => {
    expect(checkAttributeName(named('a'.repeat(51)), 0)).toEqual([
      expect.objectContaining({ code: 'attribute_name_too_long', message: expect.stringContaining('this one has 51') })
    ])
  })

  it.each(['eventDateTime', 'storeUnitID', 'event_name', 'EVENTDATETIME'])('rejects the reserved name %s', (name) => {
    expect(codes([name], 0)).toEqual(['attribute_name_reserved'])
  })

  it('accepts external_event_id, which be_reserved defines as an ordinary field', () => {
    expect(codes(['external_event_id'], 0)).toEqual([])
  })

  it('rejects the second of two attributes with the same name', () => {
    expect(codes(['age', 'age'], 1)).toEqual(['attribute_name_duplicate'])
  })

  it('does not report the first of two attributes with the same name', () => {
    expect(codes(['age', 'age'], 0)).toEqual([])
  })

  it('warns about a name that differs from an earlier one only in case', () => {
    expect(checkAttributeName(named('hotel_name', 'Hotel_Name'), 1)).toEqual([
      expect.objectContaining({ code: 'attribute_name_case_duplicate', severity: 'warning' })
    ])
  })

  it('returns nothing for an index outside the attributes', () => {
    expect(codes(['age'], 3)).toEqual([])
  })
})
