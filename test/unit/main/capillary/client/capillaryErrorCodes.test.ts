import { describe, expect, it } from 'vitest'
import {
  capillaryErrorCodes,
  isRetryableStatus,
  statusAdvice
} from '../../../../../main/capillary/client/capillaryErrorCodes'
import { kindOfStatus } from '../../../../../main/capillary/client/CapillaryError'

describe("Capillary's documented error codes", () => {
  it.each([1806, 1810, 1811, 1823, 1802, 1839, 1808, 1060, 1061, 1064, 1850])(
    '%i has a meaning and something to do',
    (code) => {
      const advice = capillaryErrorCodes[code]
      expect(advice?.meaning.length).toBeGreaterThan(10)
      expect(advice?.advice).toMatch(/\.$/)
    }
  )
})

describe('statusAdvice', () => {
  it.each([400, 401, 403, 404, 405, 415, 429, 461, 500, 502, 503, 504, 521])(
    'says what to do about HTTP %i',
    (status) => {
      expect(statusAdvice(status, 'basic')?.advice).toMatch(/\.$/)
    }
  )

  it('tells the two auth schemes apart for 401', () => {
    expect(statusAdvice(401, 'basic')?.advice).toContain('till code and its password')
    expect(statusAdvice(401, 'oauth')?.advice).toContain('OAuth key and secret')
  })

  it('has nothing to add for an undocumented 4xx', () => {
    expect(statusAdvice(418, 'basic')).toBeUndefined()
  })
})

describe('retries and kinds', () => {
  it('retries 429, 461 and 5xx, and nothing else', () => {
    expect([429, 461, 500, 503, 521].every(isRetryableStatus)).toBe(true)
    expect([400, 401, 403, 404, 415].some(isRetryableStatus)).toBe(false)
  })

  it('names the kind of failure of each status', () => {
    expect([401, 403, 404, 429, 500, 400].map(kindOfStatus)).toEqual([
      'authentication',
      'permission',
      'not_found',
      'rate_limited',
      'server',
      'invalid_request'
    ])
  })
})
