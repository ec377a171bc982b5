import { describe, expect, it } from 'vitest'
import { signToken, verifyToken, type TokenClaims } from '../../../../../main/capillary/sandbox/sandboxToken'

const key = Buffer.from('0123456789abcdef0123456789abcdef')
const claims: TokenClaims = {
  client_id: 'c',
  org_id: 1000,
  default_till: 'sandbox.till',
  client_key: 'sandbox',
  scopes: [],
  has_psi_access: false,
  iat: 100,
  exp: 400
}

describe('sandbox tokens', () => {
  it('are JWTs whose claims read back while valid', () => {
    const token = signToken(claims, key)
    expect(token.split('.')).toHaveLength(3)
    expect(verifyToken(token, key, 399)).toEqual(claims)
  })

  it('are refused once expired, when tampered with, or signed with another key', () => {
    const token = signToken(claims, key)
    expect(verifyToken(token, key, 400)).toBeUndefined()
    const [header, , signature] = token.split('.')
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, org_id: 1 })).toString('base64url')}.${signature}`
    expect(verifyToken(forged, key, 200)).toBeUndefined()
    expect(verifyToken(token, Buffer.from('another key, another key, anoth'), 200)).toBeUndefined()
    expect(verifyToken('not-a-token', key, 200)).toBeUndefined()
  })
})
