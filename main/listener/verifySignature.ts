import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { SignatureVerdict } from '../../shared/model/capture'
import type { Verification } from '../../shared/model/listenerSettings'

/** What a signature check reads of a request, as received (before any masking or redaction). */
export interface SignedRequest {
  /** The first value of a header, by case-insensitive name. */
  header(name: string): string | undefined
  /** The first value of a query parameter, by exact name. */
  query(name: string): string | undefined
  body: Uint8Array
}

/** The integration's key, and (web mode, the CLI) the environment variable that would supply it, for messages. */
export interface SecretHint {
  secret: string | undefined
  environmentVariable?: string
}

/**
 * Checks a request against its integration's verification. Never throws: every failure is a verdict with a reason
 * a user can act on (the sender gets it with the 401, the capture keeps it).
 */
export function verifySignature(
  verification: Verification,
  request: SignedRequest,
  key: SecretHint,
  now: Date
): SignatureVerdict {
  if (verification.scheme === 'none') return { scheme: 'none', outcome: 'not_checked' }
  const failed = (reason: string): SignatureVerdict => ({ scheme: verification.scheme, outcome: 'failed', reason })
  if (key.secret === undefined) {
    // Said to the sender too, and read in the studio and by `capmap listen` alike.
    const studio = "enter it in the studio's Capture rules (Integrations)"
    const where = key.environmentVariable
      ? `set ${key.environmentVariable} where the listener runs (capmap listen asks for it when it starts), or ${studio}`
      : studio
    return failed(`No signing secret is set for this integration here: ${where}.`)
  }
  switch (verification.scheme) {
    case 'webengage':
      return verifyWebEngage(verification, request, key.secret, failed)
    case 'hmac-sha256':
      return verifyHmac(verification, request, key.secret, failed)
    case 'standard-webhooks':
      return verifyStandardWebhooks(verification, request, key.secret, now, failed)
  }
}

type Fail = (reason: string) => SignatureVerdict

/** Capillary notes §10: WebEngage appends `licenseCode` and `secret` = MD5 hex of `licenseCode + ":" + key`. */
function verifyWebEngage(
  verification: Extract<Verification, { scheme: 'webengage' }>,
  request: SignedRequest,
  key: string,
  failed: Fail
): SignatureVerdict {
  const presented = request.query('secret')
  const licenseCode = request.query('licenseCode')
  if (presented === undefined) return failed('The secret query parameter is missing (WebEngage adds it to the URL).')
  if (licenseCode === undefined) return failed('The licenseCode query parameter is missing (WebEngage adds it).')
  if (verification.licenseCode && licenseCode !== verification.licenseCode) {
    return failed(`The licenseCode ${licenseCode} is not this integration's (${verification.licenseCode}).`)
  }
  const expected = createHash('md5').update(`${licenseCode}:${key}`, 'utf8').digest('hex')
  return sameText(presented.toLowerCase(), expected)
    ? { scheme: 'webengage', outcome: 'verified' }
    : failed('The secret query parameter does not match MD5(licenseCode:key) for this integration’s key.')
}

/** An HMAC-SHA256 of the raw body, hex or base64, in a header (optionally after a prefix such as `sha256=`). */
function verifyHmac(
  verification: Extract<Verification, { scheme: 'hmac-sha256' }>,
  request: SignedRequest,
  key: string,
  failed: Fail
): SignatureVerdict {
  const value = request.header(verification.header)
  if (value === undefined) return failed(`The ${verification.header} header is missing.`)
  const trimmed = value.trim()
  const prefix = verification.prefix
  if (prefix && !trimmed.toLowerCase().startsWith(prefix.toLowerCase())) {
    return failed(`The ${verification.header} header does not start with ${prefix}.`)
  }
  const presented = decodeSignature(trimmed.slice(prefix.length), verification.encoding)
  if (!presented) return failed(`The ${verification.header} header is not ${verification.encoding}.`)
  const expected = createHmac('sha256', key).update(request.body).digest()
  return sameBytes(presented, expected)
    ? { scheme: 'hmac-sha256', outcome: 'verified' }
    : failed(`The ${verification.header} signature does not match the body signed with this integration’s key.`)
}

/**
 * Standard Webhooks (https://www.standardwebhooks.com, "Verifying webhooks"): HMAC-SHA256 over
 * `${webhook-id}.${webhook-timestamp}.${body}` with the base64 secret after `whsec_`, sent as space-separated
 * `v1,<base64>` signatures; a timestamp too far from now is refused, against replays.
 */
function verifyStandardWebhooks(
  verification: Extract<Verification, { scheme: 'standard-webhooks' }>,
  request: SignedRequest,
  key: string,
  now: Date,
  failed: Fail
): SignatureVerdict {
  const id = request.header('webhook-id')
  const timestamp = request.header('webhook-timestamp')
  const signatures = request.header('webhook-signature')
  const missing = [
    ['webhook-id', id],
    ['webhook-timestamp', timestamp],
    ['webhook-signature', signatures]
  ].filter(([, value]) => value === undefined)
  if (missing.length > 0) {
    const names = missing.map(([name]) => name)
    const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    return failed(`The ${listed} ${names.length === 1 ? 'header is' : 'headers are'} missing.`)
  }
  if (!/^\d{1,12}$/.test(timestamp ?? '')) return failed('The webhook-timestamp header is not a Unix time in seconds.')
  const skew = Math.round(now.getTime() / 1000) - Number(timestamp)
  if (Math.abs(skew) > verification.toleranceSeconds) {
    return failed(
      `The webhook-timestamp is ${Math.abs(skew)} s ${skew > 0 ? 'old' : 'in the future'}, beyond the tolerance of ${verification.toleranceSeconds} s (check both clocks).`
    )
  }
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), request.body])
  const expected = createHmac('sha256', standardWebhooksKey(key)).update(signed).digest()
  const matches = (signatures ?? '')
    .split(' ')
    .map((entry) => entry.split(','))
    .some(([version, value]) => version === 'v1' && value !== undefined && sameBytes(decodeBase64(value), expected))
  return matches
    ? { scheme: 'standard-webhooks', outcome: 'verified' }
    : failed('No v1 signature in webhook-signature matches this integration’s key.')
}

/** A Standard Webhooks secret is base64 after `whsec_`; anything else is taken as the key's own bytes. */
export function standardWebhooksKey(secret: string): Buffer {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) && encoded.length % 4 === 0) return Buffer.from(encoded, 'base64')
  return Buffer.from(secret, 'utf8')
}

function decodeSignature(text: string, encoding: 'hex' | 'base64'): Buffer | undefined {
  if (encoding === 'hex') return /^(?:[0-9a-fA-F]{2})+$/.test(text) ? Buffer.from(text, 'hex') : undefined
  return decodeBase64(text)
}

function decodeBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined
  return Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64')
}

function sameBytes(a: Buffer | undefined, b: Buffer): boolean {
  return a !== undefined && a.length === b.length && timingSafeEqual(a, b)
}

function sameText(a: string, b: string): boolean {
  return sameBytes(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}
