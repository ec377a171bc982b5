import type { NameValue } from '../../shared/model/capture'
import { wordsOf, WordRuns } from './nameWords'

export const maskedValue = '[masked]'

/**
 * What marks a credential wherever it appears in a name, its words run together (`clientsecret`, `X-Hub-Signature-256`,
 * `oauthToken`, `X-Api-Keys`, `session_id`, `Ocp-Apim-Subscription-Key`): a credential shown costs more than a
 * harmless name masked (`secretary`, `max_tokens`).
 */
const credentialFragment =
  /secret|passw|passphrase|signature|hmac|token|apikey|accesskey|privatekey|authkey|signingkey|sessionkey|sessionid|bearer|jwt|credential|clientkey|subscriptionkey|masterkey|appkey/

/**
 * Words, or runs of words read as one, that mark a credential only whole: `auth` is one, `author` and `oauth_version`
 * are not.
 */
const credentialWords = new WordRuns(new Set(['auth', 'authorization', 'authentication', 'pwd', 'sig', 'codeverifier']))

/**
 * Names that are a credential only on their own (a leading `x` aside): `?key=` (Google's API key), `?session=`, the
 * cookie headers. `idempotency-key`, `keyword`, `monkey`, `session_count` and `cookie_consent` are not.
 */
const credentialNames = new Set(['key', 'keys', 'session', 'pass', 'cookie', 'set cookie'])

/**
 * Whether a header or query parameter name carries a credential or a signature, whatever its spelling: case, `-`,
 * `_` and camelCase read alike (`X-Api_Key`, `apiKey`, `api-key`). WebEngage's `licenseCode` is its account code,
 * not a credential (notes §10), and is kept.
 */
export function isCredentialName(name: string): boolean {
  const known = verdicts.get(name)
  if (known !== undefined) return known
  const verdict = readsAsCredential(name)
  if (name.length <= 100) {
    if (verdicts.size >= 1_000) verdicts.clear()
    verdicts.set(name, verdict)
  }
  return verdict
}

/** Names read lately, and whether each is a credential's: senders send the same few header names on every request. */
const verdicts = new Map<string, boolean>()

function readsAsCredential(name: string): boolean {
  const words = wordsOf(name)
  if (credentialFragment.test(words.join(''))) return true
  if (credentialNames.has((words[0] === 'x' ? words.slice(1) : words).join(' '))) return true
  return credentialWords.in(words)
}

/** Whether a header's value is stored masked: a credential's, or the integration's own signature header. */
export function isMaskedHeader(name: string, extraNames: readonly string[] = []): boolean {
  return isCredentialName(name) || extraNames.some((extra) => extra.toLowerCase() === name.toLowerCase())
}

/**
 * Credential-bearing headers are stored masked (issue 5): Authorization keeps its scheme (`Basic [masked]`) so the
 * user still sees how the sender authenticated; `extraNames` adds an integration's own signature header.
 */
export function maskHeaders(headers: readonly NameValue[], extraNames: readonly string[] = []): NameValue[] {
  return headers.map(([name, value]) => {
    if (!isMaskedHeader(name, extraNames)) return [name, value]
    const scheme = /^(authorization|proxy-authorization)$/i.test(name) ? /^([A-Za-z][\w-]*)\s+\S/.exec(value) : null
    return [name, scheme?.[1] ? `${scheme[1]} ${maskedValue}` : maskedValue]
  })
}

/** Query parameters that carry credentials: WebEngage's `secret` (notes §10), tokens, keys, signatures, passwords. */
export function maskQuery(query: readonly NameValue[]): NameValue[] {
  return query.map(([name, value]) => [name, isCredentialName(name) ? maskedValue : value])
}
