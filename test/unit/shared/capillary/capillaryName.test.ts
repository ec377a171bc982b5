import { describe, expect, it } from 'vitest'
import { checkNameCharacters, suggestCapillaryName } from '../../../../shared/capillary/capillaryName'

const codes = (name: string, subject: 'event' | 'attribute' = 'event'): string[] =>
  checkNameCharacters(name, 'name', subject).map((issue) => issue.code)

describe('suggestCapillaryName', () => {
  it('turns "Promotion Viewed" into promotionViewed, as Capillary docs do', () => {
    expect(suggestCapillaryName('Promotion Viewed')).toBe('promotionViewed')
  })

  it('camel-cases a WebEngage event name', () => {
    expect(suggestCapillaryName('Product Added To Cart')).toBe('productAddedToCart')
  })

  it('lower-cases a leading acronym', () => {
    expect(suggestCapillaryName('SKU ID')).toBe('skuID')
  })

  it('drops special characters', () => {
    expect(suggestCapillaryName('promo-code.v2')).toBe('promoCodeV2')
  })

  it('collapses double underscores', () => {
    expect(suggestCapillaryName('hotel__name')).toBe('hotel_name')
  })

  it('is empty when nothing valid is left', () => {
    expect(suggestCapillaryName(' - ')).toBe('')
  })
})

describe('checkNameCharacters', () => {
  it('accepts letters, digits and single underscores', () => {
    expect(codes('Testing_3')).toEqual([])
  })

  it('names the subject in the issue code', () => {
    expect(codes('a b', 'attribute')).toEqual(['attribute_name_has_spaces'])
  })

  it('reports a tab as a space', () => {
    expect(codes('a\tb')).toEqual(['event_name_has_spaces'])
  })

  it('reports only emptiness for an empty name', () => {
    expect(codes('')).toEqual(['event_name_empty'])
  })

  it('reports spaces, special characters and double underscores together', () => {
    expect(codes('a b-c__d')).toEqual([
      'event_name_has_spaces',
      'event_name_invalid_characters',
      'event_name_double_underscore'
    ])
  })

  it('lists each special character once', () => {
    expect(checkNameCharacters('a.b.c-d', 'name', 'event')[0]?.message).toContain('remove ".", "-"')
  })
})
