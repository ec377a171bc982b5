import { describe, expect, it } from 'vitest'
import { webEngageFieldNames } from '../../../../shared/capillary/webEngageFieldNames'

describe('webEngageFieldNames', () => {
  it("has the standard library's WebEngage names", () => {
    expect(webEngageFieldNames).toContainEqual({ attribute: 'productSku', webEngageField: 'SKU ID' })
    expect(webEngageFieldNames).toContainEqual({ attribute: 'customer', webEngageField: 'Customer Mobile' })
  })

  it("has SLATE's WebEngage field map", () => {
    expect(webEngageFieldNames).toContainEqual({ attribute: 'customerId', webEngageField: 'user_id' })
  })

  it('lists each pair once', () => {
    const pairs = webEngageFieldNames.map((entry) => `${entry.attribute}/${entry.webEngageField}`)
    expect(new Set(pairs).size).toBe(pairs.length)
  })
})
