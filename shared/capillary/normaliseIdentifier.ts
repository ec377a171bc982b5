import type { ValueIssue } from './valueIssue'
import { quoteValue } from './quoteValue'

export interface NormalisedIdentifier {
  /** The identifier as Capillary expects it, or undefined when it cannot be one. */
  value: string | undefined
  issues: ValueIssue[]
}

// E.164: at most 15 digits with the country code; fewer than 8 is no mobile number anywhere.
const mobileDigits = { min: 8, max: 15, withoutCountryCode: 10 }

/**
 * Normalises a customer identifier for its identifierType (notes §6.3: the customer key holds only the identifier
 * value, the type is fixed in the definition). Mobile: digits only with the country code, as Capillary's samples
 * store them ("919970388310"); email: lower case; any other type: trimmed text.
 */
export function normaliseIdentifier(raw: unknown, identifierType: string): NormalisedIdentifier {
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'bigint') {
    return {
      value: undefined,
      issues: [
        {
          severity: 'error',
          code: 'type_mismatch',
          message: `The customer identifier must be text or a number, not ${describeType(raw)}.`
        }
      ]
    }
  }
  const text = String(raw).trim()
  const type = identifierType.toLowerCase()
  if (type === 'mobile') return normaliseMobile(text, String(raw))
  if (type === 'email') return normaliseEmail(text, String(raw))
  return { value: text, issues: changed(String(raw), text, identifierType) }
}

function normaliseMobile(text: string, raw: string): NormalisedIdentifier {
  let digits = text.replace(/[\s\-().]/g, '')
  if (digits.startsWith('+')) digits = digits.slice(1)
  else if (digits.startsWith('00')) digits = digits.slice(2)
  if (!/^\d+$/.test(digits) || digits.length < mobileDigits.min || digits.length > mobileDigits.max) {
    return {
      value: undefined,
      issues: [
        {
          severity: 'error',
          code: 'invalid_identifier',
          message:
            `${quoteValue(raw)} is not a mobile number: Capillary expects ${mobileDigits.min}-${mobileDigits.max} digits ` +
            'with the country code, such as 919845012345.'
        }
      ]
    }
  }
  const issues = changed(raw, digits, 'mobile')
  if (digits.length <= mobileDigits.withoutCountryCode) {
    issues.push({
      severity: 'warning',
      code: 'invalid_identifier',
      message: `The mobile number ${digits} may lack its country code (e.g. 91 for India); Capillary matches customers by the full number.`
    })
  }
  return { value: digits, issues }
}

function normaliseEmail(text: string, raw: string): NormalisedIdentifier {
  const email = text.toLowerCase()
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return {
      value: undefined,
      issues: [
        { severity: 'error', code: 'invalid_identifier', message: `${quoteValue(raw)} is not an email address.` }
      ]
    }
  }
  return { value: email, issues: changed(raw, email, 'email') }
}

function changed(raw: string, value: string, identifierType: string): ValueIssue[] {
  if (raw === value) return []
  return [
    {
      severity: 'info',
      code: 'identifier_normalised',
      message: `The ${identifierType} identifier ${quoteValue(raw)} is sent as ${quoteValue(value)}.`
    }
  ]
}

export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return 'text'
  return `a ${typeof value}`
}
