import { describe, expect, it } from 'vitest'
import { checkPossibleValues } from '../../../../shared/capillary/checkPossibleValues'

const enumOf = (possibleValues: string[] | undefined) => ({ type: 'enum' as const, possibleValues })
const codes = (possibleValues: string[] | undefined): string[] =>
  checkPossibleValues(enumOf(possibleValues), 0).map((issue) => issue.code)

describe('checkPossibleValues', () => {
  it('accepts the room_nights values of be_reserved', () => {
    const roomNights = Array.from({ length: 15 }, (_, index) => String(index + 1))
    expect(codes(roomNights)).toEqual([])
  })

  it('accepts the Hobby values of the setup guide', () => {
    expect(codes(['Music', 'Sports', 'Fishing', 'Archery', 'Gardening', 'Others'])).toEqual([])
  })

  it('accepts spaces inside a value', () => {
    expect(codes(['Ocean view', 'Garden view'])).toEqual([])
  })

  it('rejects an enum without values', () => {
    expect(checkPossibleValues(enumOf(undefined), 2)).toEqual([
      expect.objectContaining({ path: 'attributes/2/possibleValues', code: 'enum_values_missing', severity: 'error' })
    ])
  })

  it('rejects an empty list of values', () => {
    expect(codes([])).toEqual(['enum_values_missing'])
  })

  it('rejects an empty value at its own path', () => {
    expect(checkPossibleValues(enumOf(['Music', '', 'Sports']), 2)).toEqual([
      expect.objectContaining({ path: 'attributes/2/possibleValues/1', code: 'enum_value_empty' })
    ])
  })

  it('rejects a value of spaces only as empty', () => {
    expect(codes(['Music', '  '])).toEqual(['enum_value_empty'])
  })

  it('rejects a value with a leading space, as after "Music, Sports"', () => {
    expect(codes(['Music', ' Sports'])).toEqual(['enum_value_untrimmed'])
  })

  it('rejects a value with a trailing space', () => {
    expect(codes(['Music '])).toEqual(['enum_value_untrimmed'])
  })

  it('suggests the trimmed value', () => {
    expect(checkPossibleValues(enumOf([' Sports']), 0)[0]?.message).toContain('Use "Sports"')
  })

  it('rejects a value with a comma, which Capillary reads as a separator', () => {
    expect(codes(['Music,Sports'])).toEqual(['enum_value_comma'])
  })

  it('rejects the second of two equal values', () => {
    expect(checkPossibleValues(enumOf(['1', '2', '1']), 0)).toEqual([
      expect.objectContaining({ path: 'attributes/0/possibleValues/2', code: 'enum_value_duplicate' })
    ])
  })

  it('treats values equal but for surrounding spaces as duplicates', () => {
    expect(codes(['Music', 'Music '])).toEqual(['enum_value_untrimmed', 'enum_value_duplicate'])
  })

  it('keeps values differing in case apart', () => {
    expect(codes(['Music', 'music'])).toEqual([])
  })

  it('ignores attributes that are not enums', () => {
    expect(checkPossibleValues({ type: 'string', possibleValues: [] }, 0)).toEqual([])
  })
})
