import { describe, expect, it } from 'vitest'
import {
  customerDefaults,
  customerSources,
  identifierTypes,
  isKnownIdentifierType,
  isKnownSource,
  isMultiAccountSource
} from '../../../../shared/capillary/sourceAccounts'

describe('customerSources', () => {
  it('lists the 16 documented sources in Capillary order', () => {
    expect(customerSources.map((source) => source.value)).toEqual([
      'FACEBOOK',
      'WEB_ENGAGE',
      'WECHAT',
      'INSTORE',
      'MARTJACK',
      'TMALL',
      'TAOBAO',
      'JD',
      'ECOMMERCE',
      'WEBSITE',
      'LINE',
      'XIAOHONGSHU',
      'GLOBAL_SCANNER',
      'SUNING',
      'PINDUODUO',
      'KAOLA'
    ])
  })

  it('labels the sources as the glossary does', () => {
    expect(customerSources.find((source) => source.value === 'WEB_ENGAGE')?.label).toBe('WebEngage')
  })

  it('marks WECHAT and LINE as the sources with several accounts', () => {
    expect(customerSources.filter((source) => source.multiAccount).map((source) => source.value)).toEqual([
      'WECHAT',
      'LINE'
    ])
  })
})

describe('isMultiAccountSource', () => {
  it('is true for WECHAT', () => {
    expect(isMultiAccountSource('WECHAT')).toBe(true)
  })

  it('is false for INSTORE', () => {
    expect(isMultiAccountSource('INSTORE')).toBe(false)
  })
})

describe('isKnownSource', () => {
  it('knows the sources in their upper-case spelling', () => {
    expect(isKnownSource('GLOBAL_SCANNER')).toBe(true)
  })

  it('does not know a lower-case spelling', () => {
    expect(isKnownSource('instore')).toBe(false)
  })
})

describe('identifierTypes', () => {
  it('includes every identifier type of the meta_fields catalogue', () => {
    const metaFields = ['mobile', 'email', 'externalId', 'wechat', 'martjackId', 'fbId', 'tmall_uname', 'cuid']
    const more = ['ali_uname', 'jd_uname', 'vip_uname', 'line', 'unionId']
    expect([...metaFields, ...more].every(isKnownIdentifierType)).toBe(true)
  })

  it('includes every identifier type of the newer Create Event doc', () => {
    const createEvent = ['userId', 'mobile', 'email', 'externalId', 'wechat', 'martjackId', 'cuid', 'fbid']
    const more = ['unionId', 'fcmToken', 'line', 'cardnumber', 'cardExternalId']
    expect([...createEvent, ...more].every(isKnownIdentifierType)).toBe(true)
  })

  it('lists each identifier type once', () => {
    const lowerCase = identifierTypes.map((type) => type.value.toLowerCase())
    expect(new Set(lowerCase).size).toBe(identifierTypes.length)
  })

  it('knows the catalogue default MOBILE in upper case', () => {
    expect(isKnownIdentifierType('MOBILE')).toBe(true)
  })

  it('does not know an undocumented identifier type', () => {
    expect(isKnownIdentifierType('phone')).toBe(false)
  })
})

describe('customerDefaults', () => {
  it('identifies customers by mobile from INSTORE without registering new ones', () => {
    expect(customerDefaults).toEqual({ identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: false })
  })
})
