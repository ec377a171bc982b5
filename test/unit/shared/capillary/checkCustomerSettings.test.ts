import { describe, expect, it } from 'vitest'
import { checkCustomerSettings } from '../../../../shared/capillary/checkCustomerSettings'
import { attribute, customerId } from './eventFixtures'

const settings = (identifierType: string, source: string) => ({ identifierType, source, addCustomerIfNotExists: false })

describe('checkCustomerSettings', () => {
  it('accepts the be_reserved customer: mobile from INSTORE', () => {
    expect(checkCustomerSettings(customerId(), 0)).toEqual([])
  })

  it('accepts the catalogue default spelt MOBILE', () => {
    expect(checkCustomerSettings(customerId({ customer: settings('MOBILE', 'INSTORE') }), 0)).toEqual([])
  })

  it('accepts userId from WEB_ENGAGE, from the newer Create Event doc', () => {
    expect(checkCustomerSettings(customerId({ customer: settings('userId', 'WEB_ENGAGE') }), 0)).toEqual([])
  })

  it('warns that Capillary defaults apply when the settings are missing', () => {
    expect(checkCustomerSettings(customerId({ customer: undefined }), 0)).toEqual([
      expect.objectContaining({
        path: 'attributes/0/customer',
        code: 'customer_settings_missing',
        severity: 'warning',
        message: expect.stringContaining('mobile from INSTORE')
      })
    ])
  })

  it('warns about an undocumented identifier type', () => {
    expect(checkCustomerSettings(customerId({ customer: settings('phone', 'INSTORE') }), 0)).toEqual([
      expect.objectContaining({
        path: 'attributes/0/customer/identifierType',
        code: 'customer_identifier_type_unknown',
        severity: 'warning'
      })
    ])
  })

  it('warns about an undocumented source', () => {
    expect(checkCustomerSettings(customerId({ customer: settings('mobile', 'instore') }), 0)).toEqual([
      expect.objectContaining({ path: 'attributes/0/customer/source', code: 'customer_source_unknown' })
    ])
  })

  it('ignores fields that are not the customer', () => {
    expect(checkCustomerSettings(attribute({ name: 'hotel_name', type: 'string' }), 0)).toEqual([])
  })
})
