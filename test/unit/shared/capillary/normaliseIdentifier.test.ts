import { describe, expect, it } from 'vitest'
import { normaliseIdentifier } from '../../../../shared/capillary/normaliseIdentifier'

describe('normaliseIdentifier', () => {
  it('keeps only the digits of a mobile number, with its country code', () => {
    expect(normaliseIdentifier('+91 98450 12345', 'mobile')).toEqual({
      value: '919845012345',
      issues: [expect.objectContaining({ code: 'identifier_normalised', severity: 'info' })]
    })
  })

  it('drops the 00 international prefix', () => {
    expect(normaliseIdentifier('0091-98450-12345', 'MOBILE').value).toBe('919845012345')
  })

  it('sends a number identifier as text', () => {
    expect(normaliseIdentifier(919663673779, 'mobile')).toEqual({ value: '919663673779', issues: [] })
  })

  it('warns when a mobile number looks like it lacks a country code', () => {
    expect(normaliseIdentifier('9933772255', 'mobile').issues).toEqual([
      expect.objectContaining({ code: 'invalid_identifier', severity: 'warning' })
    ])
  })

  it('refuses text that is no mobile number', () => {
    expect(normaliseIdentifier('call me', 'mobile')).toEqual({
      value: undefined,
      issues: [expect.objectContaining({ code: 'invalid_identifier', severity: 'error' })]
    })
    expect(normaliseIdentifier('+91 1234', 'mobile').value).toBeUndefined()
  })

  it('lower-cases an email address', () => {
    expect(normaliseIdentifier(' Asha.Rao@Example.com', 'email').value).toBe('asha.rao@example.com')
  })

  it('refuses text that is no email address', () => {
    expect(normaliseIdentifier('asha.rao', 'email').issues[0]?.code).toBe('invalid_identifier')
  })

  it('trims any other identifier type', () => {
    expect(normaliseIdentifier(' EXT-42 ', 'externalId')).toEqual({
      value: 'EXT-42',
      issues: [expect.objectContaining({ code: 'identifier_normalised' })]
    })
  })

  it('refuses an object', () => {
    expect(normaliseIdentifier({ id: 1 }, 'externalId').issues[0]?.code).toBe('type_mismatch')
  })
})
