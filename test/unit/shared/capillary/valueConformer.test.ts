import { describe, expect, it } from 'vitest'
import { conformValue, valueConformer } from '../../../../shared/capillary/valueConformer'

const codes = (result: { issues: { code: string }[] }) => result.issues.map((issue) => issue.code)

describe('valueConformer', () => {
  describe('double', () => {
    const double = valueConformer({ name: 'price', type: 'double' })

    it('accepts a number with up to 15 decimals', () => {
      expect(double(1299.5)).toEqual({ value: 1299.5, issues: [] })
      expect(double(0.123456789012345)).toEqual({ value: 0.123456789012345, issues: [] })
    })

    it('refuses more than 15 decimals', () => {
      expect(double(0.1 + 0.2)).toEqual({
        value: undefined,
        issues: [expect.objectContaining({ code: 'too_many_decimals' })]
      })
    })

    it('sends numeric text as a number, with a numeric_string warning', () => {
      expect(double('499.50')).toEqual({
        value: 499.5,
        issues: [expect.objectContaining({ code: 'numeric_string', severity: 'warning' })]
      })
    })

    it('refuses text that is not a number', () => {
      expect(codes(double('12,5'))).toEqual(['type_mismatch'])
      expect(double(true).value).toBeUndefined()
    })
  })

  describe('integer', () => {
    const integer = valueConformer({ name: 'nights', type: 'integer' })

    it('accepts whole numbers and whole numeric text', () => {
      expect(integer(12).value).toBe(12)
      expect(integer('12')).toEqual({ value: 12, issues: [expect.objectContaining({ code: 'numeric_string' })] })
      expect(integer('12').issues[0]?.message).toContain('add a "To integer" transform')
    })

    it('keeps an integer beyond 2^53 as exact text', () => {
      expect(integer('12345678901234567890')).toEqual({
        value: '12345678901234567890',
        issues: [expect.objectContaining({ code: 'big_integer' })]
      })
    })

    it('refuses a fraction', () => {
      expect(codes(integer(2.5))).toEqual(['type_mismatch'])
    })
  })

  describe('boolean', () => {
    const flag = valueConformer({ name: 'optIn', type: 'boolean' })

    it('accepts booleans and reads "true"/"false" with a warning', () => {
      expect(flag(false)).toEqual({ value: false, issues: [] })
      expect(flag('TRUE')).toEqual({ value: true, issues: [expect.objectContaining({ severity: 'warning' })] })
      expect(codes(flag('maybe'))).toEqual(['type_mismatch'])
    })
  })

  describe('date', () => {
    const date = valueConformer({ name: 'checkIn', type: 'date' })

    it("accepts text in one of Capillary's formats", () => {
      expect(date('2024-04-11 12:00:00')).toEqual({ value: '2024-04-11 12:00:00', issues: [] })
    })

    it('refuses other text and numbers, naming parseDate', () => {
      expect(codes(date('2024-04-11T12:00:00.000Z'))).toEqual(['invalid_date'])
      expect(date(1712836800).issues[0]?.message).toContain('parseDate')
    })
  })

  describe('enum', () => {
    const nights = valueConformer({ name: 'room_nights', type: 'enum', possibleValues: ['1', '2', '12'] })

    it('accepts a possible value, numbers as text', () => {
      expect(nights('12')).toEqual({ value: '12', issues: [] })
      expect(nights(2)).toEqual({ value: '2', issues: [] })
    })

    it('refuses other values and hints at a near one', () => {
      const tier = valueConformer({ name: 'tier', type: 'enum', possibleValues: ['Gold', 'Silver'] })
      expect(tier('gold ').issues[0]).toEqual(expect.objectContaining({ code: 'invalid_enum' }))
      // The transforms named as the designer's picker names them.
      expect(tier('gold ').issues[0]?.message).toContain(
        'Did you mean "Gold"? Add a "Trim white space", "Lower case", "Upper case" or "Lookup table" transform.'
      )
      expect(codes(nights('13'))).toEqual(['invalid_enum'])
    })
  })

  describe('text types', () => {
    it('checks a String regex', () => {
      const code = valueConformer({ name: 'code', type: 'string', regex: '^[A-Z]{3}$' })
      expect(code('ABC').value).toBe('ABC')
      expect(codes(code('abcd'))).toEqual(['regex_mismatch'])
    })

    it('checks a Coupon Code regex', () => {
      expect(codes(conformValue({ name: 'coupon', type: 'couponCode', regex: '^FESTIVE\\d+$' }, 'SALE'))).toEqual([
        'regex_mismatch'
      ])
    })

    // Values come from third parties and regexes from designers: a pattern that backtracks must not hold the studio.
    it('checks a value against a pattern that backtracks without backtracking (RE2)', () => {
      const evil = valueConformer({ name: 'code', type: 'string', regex: '^(a|a)+$' })
      expect(codes(evil(`${'a'.repeat(50_000)}!`))).toEqual(['regex_mismatch'])
      expect(evil('a'.repeat(50_000)).value).toBe('a'.repeat(50_000))
    })

    it('leaves a value to Capillary when the regex needs lookaround (the designer says so)', () => {
      expect(conformValue({ name: 'code', type: 'string', regex: '^(?=.*\\d)[A-Z0-9]+$' }, 'abc').value).toBe('abc')
    })

    it('ignores a regex that does not compile (the designer reports it)', () => {
      expect(conformValue({ name: 'code', type: 'string', regex: '([A-Z' }, 'x').value).toBe('x')
    })

    it('sends numbers to typed fields as text', () => {
      expect(conformValue({ name: 'sku', type: 'productSku' }, 14572567)).toEqual({ value: '14572567', issues: [] })
    })

    it('trims white space around codes of Capillary entities, with a note', () => {
      expect(conformValue({ name: 'sku', type: 'productSku' }, ' A-1 ')).toEqual({
        value: 'A-1',
        issues: [expect.objectContaining({ code: 'whitespace_trimmed', severity: 'info' })]
      })
      expect(conformValue({ name: 'coupon', type: 'couponCode', regex: '^[A-Z0-9]+$' }, ' FESTIVE10').value).toBe(
        'FESTIVE10'
      )
    })

    it('sends free text as it is', () => {
      expect(conformValue({ name: 'note', type: 'string' }, ' hi ')).toEqual({ value: ' hi ', issues: [] })
    })

    it('refuses objects and lists', () => {
      expect(codes(conformValue({ name: 'sku', type: 'productSku' }, ['a']))).toEqual(['type_mismatch'])
    })
  })

  describe('customer', () => {
    it('normalises per the identifier type of the field', () => {
      const email = valueConformer({
        name: 'customer',
        type: 'customer',
        customer: { identifierType: 'email', source: 'INSTORE', addCustomerIfNotExists: false }
      })
      expect(email('Asha.Rao@Example.com').value).toBe('asha.rao@example.com')
    })

    it('reads a mobile number when the field says nothing', () => {
      expect(conformValue({ name: 'customer', type: 'customer' }, '+91 98450 12345').value).toBe('919845012345')
    })
  })
})
