import type { NameValue } from '../../shared/model/capture'

export const maskedValue = '[masked]'

/** Header names that carry credentials or signatures, whatever their exact spelling. */
const credentialHeader =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|signature|hmac|token|secret|passw|api-?key|x-auth/i

/**
 * Query parameters that carry credentials: WebEngage's `secret` (notes §10), tokens, keys, signatures, passwords.
 * `licenseCode` is WebEngage's account code, not a credential, and is kept.
 */
const credentialParameter = /^(key|sig|auth|code_verifier)$|secret|token|signature|passw|api[-_]?key|access[-_]?key/i

/**
 * Credential-bearing headers are stored masked (issue 5): Authorization keeps its scheme (`Basic [masked]`) so the
 * user still sees how the sender authenticated; `extraNames` adds an integration's own signature header.
 */
export function maskHeaders(headers: readonly NameValue[], extraNames: readonly string[] = []): NameValue[] {
  const extra = new Set(extraNames.map((name) => name.toLowerCase()))
  return headers.map(([name, value]) => {
    if (!credentialHeader.test(name) && !extra.has(name.toLowerCase())) return [name, value]
    const scheme = /^(authorization|proxy-authorization)$/i.test(name) ? /^([A-Za-z][\w-]*)\s+\S/.exec(value) : null
    return [name, scheme?.[1] ? `${scheme[1]} ${maskedValue}` : maskedValue]
  })
}

export function maskQuery(query: readonly NameValue[]): NameValue[] {
  return query.map(([name, value]) => [name, credentialParameter.test(name) ? maskedValue : value])
}
