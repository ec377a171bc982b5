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

const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/
/** Ten to fifteen digits, spaces, dashes or a leading +: a phone number by shape. */
const phone = /^\+?\d[\d\s-]{8,17}\d$/
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

function personalDataIn(text: string): string | undefined {
  if (email.test(text)) return 'email address'
  const card = cardCandidate.exec(text)?.[0].replace(/[ -]/g, '')
  if (card && card.length >= 13 && luhn(card)) return 'card number'
  if (phone.test(text.trim())) return 'phone number'
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
          const personal = personalDataIn(text)
          if (personal) personalData.push({ path, kind: personal, excerpt: excerpt(text) })
        }
      }
    })
  }
  return { secrets, personalData }
}
