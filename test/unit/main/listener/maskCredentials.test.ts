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

  it('masks private keys, auth keys, JWTs, sessions and bearer tokens, reading `-` and `_` alike', () => {
    expect(
      maskHeaders([
        ['X-Private-Key', 'PK-123'],
        ['X-Api_Key', 'AK'],
        ['x_api_key', 'AK'],
        ['X-Auth-Key', 'AK'],
        ['X-JWT-Assertion', 'eyJ'],
        ['X-Session-Id', 's'],
        ['X-Bearer', 'b'],
        ['X-Amz-Security-Token', 't'],
        ['X-Client-Secret', 'c'],
        ['X-Pwd', 'p']
      ])
    ).toEqual([
      ['X-Private-Key', maskedValue],
      ['X-Api_Key', maskedValue],
      ['x_api_key', maskedValue],
      ['X-Auth-Key', maskedValue],
      ['X-JWT-Assertion', maskedValue],
      ['X-Session-Id', maskedValue],
      ['X-Bearer', maskedValue],
      ['X-Amz-Security-Token', maskedValue],
      ['X-Client-Secret', maskedValue],
      ['X-Pwd', maskedValue]
    ])
  })

  it('keeps headers that only look like credentials: idempotency and WebSocket keys, an author, a count', () => {
    const headers: [string, string][] = [
      ['Idempotency-Key', 'order-1'],
      ['Sec-WebSocket-Key', 'dGhl'],
      ['X-Author', 'Asha'],
      ['X-Session-Count', '3']
    ]
    expect(maskHeaders(headers)).toEqual(headers)
  })

  it('masks a token or key glued to other words or in the plural, and a token count with them', () => {
    const names = ['X-Access-Tokens', 'X-Api-Keys', 'xapikey', 'X-OAuthToken', 'X-Webhook-Token', 'X-Tokens-Used']
    expect(maskHeaders(names.map((name) => [name, 'v']))).toEqual(names.map((name) => [name, maskedValue]))
  })

  it('masks the keys of API gateways and client credentials: Azure APIM, client and app keys', () => {
    const names = ['Ocp-Apim-Subscription-Key', 'X-Client-Key', 'X-App-Key', 'X-Credentials', 'X-Master-Key']
    expect(maskHeaders(names.map((name) => [name, 'v']))).toEqual(names.map((name) => [name, maskedValue]))
    // Read a second time (the verdict then comes from what was read before), the same.
    expect(maskHeaders(names.map((name) => [name, 'v']))).toEqual(names.map((name) => [name, maskedValue]))
    expect(maskHeaders([['X-Client-Id', 'c1']])).toEqual([['X-Client-Id', 'c1']])
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

  it('masks private keys, auth keys, passwords, JWTs, sessions and OAuth tokens, however spelt', () => {
    const names = [
      'private_key',
      'privateKey',
      'auth_key',
      'authkey',
      'pwd',
      'passwd',
      'pass',
      'jwt',
      'bearer_token',
      'session',
      'session_id',
      'client_secret',
      'refresh-token',
      'accesstoken',
      'id_token',
      'oauth_signature'
    ]
    expect(maskQuery(names.map((name) => [name, 'v']))).toEqual(names.map((name) => [name, maskedValue]))
  })

  it('keeps parameters whose names only contain a credential word: licenseCode, keyword, monkey, author', () => {
    const query: [string, string][] = [
      ['licenseCode', '~10a5cb78d'],
      ['keyword', 'shoes'],
      ['monkey', 'george'],
      ['session_count', '4'],
      ['passenger_count', '2'],
      ['author', 'Asha'],
      ['oauth_version', '1.0'],
      ['idempotency_key', 'order-1']
    ]
    expect(maskQuery(query)).toEqual(query)
  })

  it('masks a token or key glued to other words or in the plural: a credential shown costs more than a count hidden', () => {
    const names = [
      'oauthtoken',
      'usertoken',
      'bearertoken',
      'webhooktoken',
      'verifytoken',
      'authtokens',
      'tokens',
      'refresh-tokens',
      'api_keys',
      'accesskeys',
      'keys',
      'max_tokens'
    ]
    expect(maskQuery(names.map((name) => [name, 'v']))).toEqual(names.map((name) => [name, maskedValue]))
  })
})
