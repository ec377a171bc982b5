import { describe, expect, it } from 'vitest'
import { checkAttribute } from '../../../../shared/capillary/checkAttribute'
import { attribute, beReserved, customerId } from './eventFixtures'

describe('checkAttribute', () => {
  it('accepts every attribute of be_reserved', () => {
    const { attributes } = beReserved()
    expect(attributes.flatMap((_, index) => checkAttribute(attributes, index))).toEqual([])
  })

  it('runs the name, option, value, regex and customer checks of one attribute', () => {
    const attributes = [
      customerId({ customer: undefined }),
      attribute({ name: 'room nights', type: 'enum', possibleValues: [' 1'], regex: '(' })
    ]
    expect(checkAttribute(attributes, 1).map((issue) => issue.code)).toEqual([
      'attribute_name_has_spaces',
      'option_not_supported',
      'enum_value_untrimmed'
    ])
  })

  it('checks the customer settings of the customer field', () => {
    expect(checkAttribute([customerId({ customer: undefined })], 0).map((issue) => issue.code)).toEqual([
      'customer_settings_missing'
    ])
  })

  it('checks the regex of a String', () => {
    expect(checkAttribute([attribute({ name: 'code', type: 'string', regex: '(' })], 0)[0]?.code).toBe('regex_invalid')
  })

  it('returns nothing for an index outside the attributes', () => {
    expect(checkAttribute([], 0)).toEqual([])
  })
})
