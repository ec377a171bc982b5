import type { BundleContent } from './canonicalBundle'

/** A value that should not leave in a bundle, where it is, and enough of it to recognise (never all of it). */
export interface Finding {
  /** `testCases[0].payload.customer.email`, `mappings[1].spec.rules[3].source.value`. */
  path: string
  kind: string
  excerpt: string
}

export interface BundleScan {
  /** Block the export until removed (the CLI's --allow-secrets lets them through). */
  secrets: Finding[]
  /** In test cases only: a warning, and the user may redact them. */
  personalData: Finding[]
}

/** Keys whose non-empty value is a credential whatever it looks like. */
const secretKeys =
  /^(password|passwd|pwd|secret|client_?secret|api_?key|apikey|access_?token|refresh_?token|auth_?token|token|authorization|private_?key|signing_?key)$/i

/** Values that are credentials by their shape. */
const secretShapes: [kind: string, pattern: RegExp][] = [
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['JSON Web Token', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ['AWS access key', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ['bearer token', /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/],
  ['basic credentials', /\bBasic\s+[A-Za-z0-9+/]{12,}={0,2}/]
]

/**
 * An email address is a local-part character, `@`, then a domain with a dot. Tried only at each `@` (sticky, so it
 * never slices): unanchored, the pattern restarted at every character of a long run without one, quadratic in it.
 */
const emailLocalChar = /[A-Za-z0-9._%+-]/
const emailDomain = /[A-Za-z0-9.-]+\.[A-Za-z]{2,}/y

function holdsEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    emailDomain.lastIndex = at + 1
    if (at > 0 && emailLocalChar.test(text.charAt(at - 1)) && emailDomain.test(text)) return true
  }
  return false
}
/** Digits with the separators phone numbers are written with (spaces, dashes, brackets), a + or 00 before. */
const phoneShape = /^(?:\+|00)?\(?\d[\d\s()-]*\d$/
/** 202612011030, 20261201103000: a date and time written without separators. */
const compactDateTime = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?$/
/** Unix times in seconds or milliseconds from 2001 to 2033: 10 or 13 digits starting with 1. */
const unixTime = /^1\d{9}(?:\d{3})?$/
/** Key words that say a value is a phone number, whatever its digits look like. */
const phoneKeyWords = new Set(['phone', 'mobile', 'msisdn', 'tel', 'telephone', 'cell', 'whatsapp'])
/** Key words that say a value is an amount, a count, a time or a version: never a phone number. */
const notPhoneKeyWords = new Set([
  'amount',
  'price',
  'total',
  'subtotal',
  'cost',
  'fee',
  'tax',
  'discount',
  'balance',
  'revenue',
  'qty',
  'quantity',
  'count',
  'points',
  'time',
  'timestamp',
  'ts',
  'date',
  'epoch',
  'at',
  'version'
])
const cardCandidate = /\b(?:\d[ -]?){13,19}\b/

function luhn(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
    sum += digit
  }
  return sum % 10 === 0
}

const excerpt = (text: string) => (text.length <= 8 ? '•'.repeat(text.length) : `${text.slice(0, 4)}…${text.slice(-2)}`)

/** Every string in a value, with its path and the key it sits under. */
function* strings(value: unknown, path: string, key = ''): Generator<[path: string, key: string, text: string]> {
  if (typeof value === 'string') yield [path, key, value]
  else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) yield* strings(value[index], `${path}[${index}]`, key)
  } else if (value !== null && typeof value === 'object') {
    for (const [name, child] of Object.entries(value)) yield* strings(child, `${path}.${name}`, name)
  } else if (typeof value === 'number' && Number.isInteger(value)) yield [path, key, String(value)]
}

function secretIn(key: string, text: string): string | undefined {
  if (secretKeys.test(key) && text.trim() !== '') return `value of "${key}"`
  return secretShapes.find(([, pattern]) => pattern.test(text))?.[0]
}

/** `check_in`, `createdAt`, `order-total` → their words in lower case. */
const keyWords = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')

/**
 * A phone number by its shape: 10 to 15 digits (E.164's most; from 8 after a + or 00), written with spaces, dashes
 * or brackets at most. So a date (2026-12-01: 8 digits), an ISO time or a version (their colons and dots) or an
 * amount with decimals (1499.00) never is one. Under a key naming a phone (`mobile`, `phoneNumber`) the shape is
 * enough; elsewhere a compact date-time (202612011030), a Unix time, or a value under a key naming an amount, a
 * count, a time or a version (`total`, `created_at`) is not one.
 */
function isPhoneNumber(text: string, key: string): boolean {
  const value = text.trim()
  if (!phoneShape.test(value)) return false
  const prefixed = /^(?:\+|00)/.test(value)
  const digits = value.replace(/\D/g, '').length - (value.startsWith('00') ? 2 : 0)
  if (digits < (prefixed ? 8 : 10) || digits > 15) return false
  const words = keyWords(key)
  if (words.some((word) => phoneKeyWords.has(word)) || /phone|mobile|msisdn/i.test(key)) return true
  if (compactDateTime.test(value) || unixTime.test(value)) return false
  return !words.some((word) => notPhoneKeyWords.has(word))
}

function personalDataIn(text: string, key: string): string | undefined {
  if (holdsEmail(text)) return 'email address'
  const card = cardCandidate.exec(text)?.[0].replace(/[ -]/g, '')
  // A Unix time in milliseconds has 13 digits and passes the Luhn check one time in ten.
  if (card && card.length >= 13 && luhn(card) && !unixTime.test(card)) return 'card number'
  if (isPhoneNumber(text, key)) return 'phone number'
  return undefined
}

/**
 * What would leave with a bundle that should not: literal secrets anywhere (credential keys, token shapes), and
 * personal data in test cases (emails, phone numbers, card numbers that pass the Luhn check).
 */
export function scanBundle(content: BundleContent): BundleScan {
  const secrets: Finding[] = []
  const personalData: Finding[] = []
  for (const [section, items] of Object.entries(content) as [string, unknown[]][]) {
    items.forEach((item, index) => {
      for (const [path, key, text] of strings(item, `${section}[${index}]`)) {
        const secret = secretIn(key, text)
        if (secret) secrets.push({ path, kind: secret, excerpt: excerpt(text) })
        else if (section === 'testCases') {
          const personal = personalDataIn(text, key)
          if (personal) personalData.push({ path, kind: personal, excerpt: excerpt(text) })
        }
      }
    })
  }
  return { secrets, personalData }
}
