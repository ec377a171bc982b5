import { describe, expect, it } from 'vitest'
import { checkCustomerField } from '../../../../shared/capillary/checkCustomerField'
import { attribute, beReserved, customerId } from './eventFixtures'

describe('checkCustomerField', () => {
  it('accepts one required customer field', () => {
    expect(checkCustomerField(beReserved().attributes)).toEqual([])
  })

  it('rejects an event without a customer field', () => {
    expect(checkCustomerField([attribute({ name: 'hotel_name', type: 'string' })])).toEqual([
      expect.objectContaining({ path: 'attributes', code: 'customer_missing', severity: 'error' })
    ])
  })

  it('rejects an event without attributes', () => {
    expect(checkCustomerField([]).map((issue) => issue.code)).toEqual(['customer_missing'])
  })

  it('rejects a second customer field at its type', () => {
    const attributes = [customerId(), attribute({ name: 'age', type: 'double' }), customerId({ name: 'email' })]
    expect(checkCustomerField(attributes)).toEqual([
      expect.objectContaining({ path: 'attributes/2/type', code: 'customer_multiple', severity: 'error' })
    ])
  })

  it('rejects a customer field that is not required', () => {
    expect(checkCustomerField([customerId({ isRequired: false })])).toEqual([
      expect.objectContaining({ path: 'attributes/0/isRequired', code: 'customer_not_required', severity: 'error' })
    ])
  })
})
