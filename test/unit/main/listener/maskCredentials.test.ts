import { describe, expect, it } from 'vitest'
import { maskedValue, maskHeaders, maskQuery } from '../../../../main/listener/maskCredentials'

describe('maskHeaders', () => {
  it('masks credential and signature headers, keeping Authorization’s scheme', () => {
    expect(
      maskHeaders([
        ['Authorization', 'Bearer eyJhbGciOi'],
        ['authorization', 'opaque'],
        ['Proxy-Authorization', 'Basic abc'],
        ['Cookie', 'a=b'],
        ['Set-Cookie', 'a=b'],
        ['webhook-signature', 'v1,abc'],
        ['X-Hub-Signature-256', 'sha256=abc'],
        ['X-Shopify-Hmac-Sha256', 'abc'],
        ['X-Api-Key', 'k'],
        ['X-Auth-Token', 't'],
        ['X-Csrf-Token', 't']
      ]).map(([, value]) => value)
    ).toEqual([
      `Bearer ${maskedValue}`,
      maskedValue,
      `Basic ${maskedValue}`,
      ...Array.from({ length: 8 }, () => maskedValue)
    ])
  })

  it('keeps everything else as it came, in order', () => {
    const headers: [string, string][] = [
      ['Content-Type', 'application/json'],
      ['webhook-id', 'msg_1'],
      ['webhook-timestamp', '1700000000'],
      ['x-request-id', 'ABC'],
      ['User-Agent', 'WebEngage']
    ]
    expect(maskHeaders(headers)).toEqual(headers)
  })

  it("masks an integration's own signature header", () => {
    expect(maskHeaders([['X-Proof', 'abc']], ['x-proof'])).toEqual([['X-Proof', maskedValue]])
  })
})

describe('maskQuery', () => {
  it("masks WebEngage's secret and other credential parameters, keeping licenseCode and eventType", () => {
    expect(
      maskQuery([
        ['eventType', 'Added To Cart'],
        ['licenseCode', '~10a5cb78d'],
        ['secret', 'abc'],
        ['access_token', 't'],
        ['api_key', 'k'],
        ['key', 'k'],
        ['sig', 's'],
        ['password', 'p']
      ])
    ).toEqual([
      ['eventType', 'Added To Cart'],
      ['licenseCode', '~10a5cb78d'],
      ['secret', maskedValue],
      ['access_token', maskedValue],
      ['api_key', maskedValue],
      ['key', maskedValue],
      ['sig', maskedValue],
      ['password', maskedValue]
    ])
  })
})
