import { createHmac, timingSafeEqual } from 'node:crypto'

export interface TokenClaims {
  client_id: string
  org_id: number
  default_till: string
  client_key: string
  scopes: string[]
  has_psi_access: boolean
  iat: number
  exp: number
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url')

/** A JWT (HS256) with the claims Capillary's tokens carry (notes §8: client_id, org_id, default_till, ...). */
export function signToken(claims: TokenClaims, key: Buffer): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const payload = base64url(JSON.stringify(claims))
  const signature = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url')
  return `${header}.${payload}.${signature}`
}

/** The claims of a token this sandbox signed and that is still valid at `nowSeconds`; undefined otherwise. */
export function verifyToken(token: string, key: Buffer, nowSeconds: number): TokenClaims | undefined {
  const [header, payload, signature] = token.split('.')
  if (!header || !payload || !signature) return undefined
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims
    return claims.exp > nowSeconds ? claims : undefined
  } catch {
    return undefined
  }
}
