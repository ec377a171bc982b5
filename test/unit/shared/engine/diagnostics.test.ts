import { describe, expect, it } from 'vitest'
import { valueIssueCodes } from '../../../../shared/capillary/valueIssue'
import { diagnosticCodes, jsonPointer, pointerSegments } from '../../../../shared/engine/diagnostics'

describe('diagnostics', () => {
  it('has at least the codes issue 4 lists, and every value-rule code', () => {
    const required = [
      'missing_customer',
      'missing_required',
      'type_mismatch',
      'invalid_enum',
      'invalid_date',
      'regex_mismatch',
      'too_many_decimals',
      'big_integer',
      'numeric_string',
      'empty_value',
      'null_value',
      'whitespace_trimmed',
      'timezone_converted',
      'naive_datetime',
      'identifier_normalised',
      'no_match',
      'expression_error',
      'expression_timeout',
      'decode_error'
    ]
    expect(diagnosticCodes).toEqual(expect.arrayContaining([...required, ...valueIssueCodes]))
  })

  it('lists each code once', () => {
    expect(new Set(diagnosticCodes).size).toBe(diagnosticCodes.length)
  })

  it('writes and reads JSON pointers (RFC 6901)', () => {
    expect(jsonPointer(['a/b', 'm~n', 0, ''])).toBe('/a~1b/m~0n/0/')
    expect(pointerSegments('/a~1b/m~0n/0/')).toEqual(['a/b', 'm~n', '0', ''])
    expect(jsonPointer([])).toBe('')
    expect(pointerSegments('')).toEqual([])
  })
})
