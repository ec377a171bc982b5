import { describe, expect, it } from 'vitest'
import { checkRegex } from '../../../../shared/capillary/checkRegex'

describe('checkRegex', () => {
  it('accepts a coupon code pattern that compiles', () => {
    expect(checkRegex({ type: 'couponCode', regex: '^[A-Z0-9]{8}$' }, 0)).toEqual([])
  })

  it('accepts a String attribute without a regex', () => {
    expect(checkRegex({ type: 'string' }, 0)).toEqual([])
  })

  it('accepts an empty regex as no regex', () => {
    expect(checkRegex({ type: 'string', regex: '' }, 0)).toEqual([])
  })

  it('rejects a pattern that does not compile, at the regex path', () => {
    expect(checkRegex({ type: 'string', regex: '([A-Z' }, 4)).toEqual([
      expect.objectContaining({ path: 'attributes/4/regex', code: 'regex_invalid', severity: 'error' })
    ])
  })

  it("quotes the regex engine's reason", () => {
    expect(checkRegex({ type: 'couponCode', regex: '[z-a]' }, 0)[0]?.message).toContain('Invalid regular expression')
  })

  it('warns that a pattern with lookaround or a backreference is left to Capillary', () => {
    for (const regex of ['^(?=.*\\d)[A-Z0-9]+$', '^(a)\\1$']) {
      expect(checkRegex({ type: 'string', regex }, 2)).toEqual([
        expect.objectContaining({ path: 'attributes/2/regex', code: 'regex_unchecked', severity: 'warning' })
      ])
    }
  })

  it('leaves a regex on a type without regexes to the option check', () => {
    expect(checkRegex({ type: 'double', regex: '([A-Z' }, 0)).toEqual([])
  })
})
