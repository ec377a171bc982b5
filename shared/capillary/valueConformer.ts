import { isSafeNumber } from 'lossless-json'
import type { AttributeDraft } from '../model/event'
import { transformLabels } from '../model/transformLabels'
import { compileAttributeRegex } from './attributeRegex'
import { countDecimals, doubleMaxDecimals } from './countDecimals'
import { findCapillaryDateFormat } from './findCapillaryDateFormat'
import { capillaryDateFormats } from './implicitAttributes'
import { describeType, normaliseIdentifier } from './normaliseIdentifier'
import { customerDefaults } from './sourceAccounts'
import type { ValueIssue } from './valueIssue'
import { quoteValue } from './quoteValue'

/** What a value rule needs to know of an attribute. */
export type ValueRuleSubject = Pick<AttributeDraft, 'name' | 'type'> &
  Partial<Pick<AttributeDraft, 'regex' | 'possibleValues' | 'customer'>>

export interface ConformedValue {
  /** The value as it is sent, or undefined when it cannot be sent. */
  value: unknown
  issues: ValueIssue[]
}

/** Checks and, where the meaning is certain, converts one present value (not missing, null or empty). */
export type ValueConformer = (value: unknown) => ConformedValue

const noIssues: ValueIssue[] = []
const numberText = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * Compiles the value rules of one attribute once (regex, enum set), for the engine to run on every payload. The
 * rules are Capillary's (notes §3): typed fields are text, Double has at most 15 decimals, Enum values are among the
 * possible values, String and Coupon Code values match the regex, dates are in one of the accepted formats, and the
 * customer field holds only the identifier value.
 */
export function valueConformer(attribute: ValueRuleSubject): ValueConformer {
  switch (attribute.type) {
    case 'customer': {
      const identifierType = attribute.customer?.identifierType ?? customerDefaults.identifierType
      return (value) => normaliseIdentifier(value, identifierType)
    }
    case 'double':
      return conformDouble
    case 'integer':
      return conformInteger
    case 'boolean':
      return conformBoolean
    case 'date':
      return conformDate
    case 'enum':
      return enumConformer(attribute.possibleValues ?? [])
    case 'string':
      return textConformer(attribute.regex, false)
    case 'couponCode':
      return textConformer(attribute.regex, true)
    default:
      // Till codes, SKUs, brands, categories, group ids, currency codes name Capillary entities: stray white space
      // would make them name nothing.
      return textConformer(undefined, true)
  }
}

/** One-off form of valueConformer. */
export const conformValue = (attribute: ValueRuleSubject, value: unknown): ConformedValue =>
  valueConformer(attribute)(value)

const error = (code: ValueIssue['code'], message: string): ConformedValue => ({
  value: undefined,
  issues: [{ severity: 'error', code, message }]
})

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return undefined
}

function textConformer(regexSource: string | undefined, entityCode: boolean): ValueConformer {
  // A regex that does not compile (checkRegex says so), or that only JavaScript reads, checks no value.
  const regex = compileAttributeRegex(regexSource)
  return (value) => {
    let text = asText(value)
    if (text === undefined) return error('type_mismatch', `Expected text, got ${describeType(value)}.`)
    let issues = noIssues
    if (entityCode && text.trim() !== text) {
      issues = [
        {
          severity: 'info',
          code: 'whitespace_trimmed',
          message: `White space around "${text.trim()}" was removed: as a code it would match nothing.`
        }
      ]
      text = text.trim()
    }
    if (regex.kind === 'checked' && !regex.matches(text)) {
      return error('regex_mismatch', `"${text}" does not match the attribute's regex ${regexSource ?? ''}.`)
    }
    return { value: text, issues }
  }
}

function conformDouble(value: unknown): ConformedValue {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return error('type_mismatch', `${value} is not a number Capillary can store.`)
    return checkDecimals(value, undefined, noIssues)
  }
  if (typeof value === 'string' && numberText.test(value.trim())) {
    const number = Number(value.trim())
    const issues: ValueIssue[] = [
      {
        severity: 'warning',
        code: 'numeric_string',
        message: `The text ${quoteValue(value)} is sent as the number ${number}; add a "${transformLabels.toNumber}" transform to make it explicit.`
      }
    ]
    if (!isSafeNumber(value.trim())) {
      issues.push({
        severity: 'warning',
        code: 'imprecise_number',
        message: `${quoteValue(value)} has more digits than a double holds; Capillary stores about ${number}.`
      })
    }
    return checkDecimals(number, value.trim(), issues)
  }
  return error('type_mismatch', `Expected a number, got ${describeType(value)}${quoted(value)}.`)
}

function checkDecimals(number: number, text: string | undefined, issues: ValueIssue[]): ConformedValue {
  // A double's shortest text has at most 17 significant digits, so from 10 on it has at most 15 decimals.
  if (text === undefined && (Number.isInteger(number) || Math.abs(number) >= 10)) return { value: number, issues }
  const decimals = countDecimals(text ?? number) ?? 0
  if (decimals > doubleMaxDecimals) {
    return {
      value: undefined,
      issues: [
        ...issues,
        {
          severity: 'error',
          code: 'too_many_decimals',
          message: `${text ?? number} has ${decimals} decimal places; Capillary's Double takes at most ${doubleMaxDecimals}. Round it first.`
        }
      ]
    }
  }
  return { value: number, issues }
}

function conformInteger(value: unknown): ConformedValue {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return { value, issues: noIssues }
    return error('type_mismatch', `Expected a whole number, got ${value}.`)
  }
  if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) {
    const text = value.trim()
    const number = Number(text)
    if (!Number.isSafeInteger(number)) {
      return {
        value: text,
        issues: [
          {
            severity: 'warning',
            code: 'big_integer',
            message: `${text} is beyond 2^53, so it is sent as exact text rather than a rounded number.`
          }
        ]
      }
    }
    return {
      value: number,
      issues: [
        {
          severity: 'warning',
          code: 'numeric_string',
          message: `The text ${quoteValue(value)} is sent as the number ${number}; add a "${transformLabels.toInteger}" transform to make it explicit.`
        }
      ]
    }
  }
  return error('type_mismatch', `Expected a whole number, got ${describeType(value)}${quoted(value)}.`)
}

function conformBoolean(value: unknown): ConformedValue {
  if (typeof value === 'boolean') return { value, issues: noIssues }
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
    const flag = value.trim().toLowerCase() === 'true'
    return {
      value: flag,
      issues: [
        {
          severity: 'warning',
          code: 'type_mismatch',
          message: `The text ${quoteValue(value)} is sent as ${flag}; add a "${transformLabels.toBoolean}" transform to make it explicit.`
        }
      ]
    }
  }
  return error('type_mismatch', `Expected true or false, got ${describeType(value)}${quoted(value)}.`)
}

function conformDate(value: unknown): ConformedValue {
  if (typeof value !== 'string') {
    return error(
      'invalid_date',
      `Expected a date in one of Capillary's formats, got ${describeType(value)}${quoted(value)}; ` +
        'read it with parseDate (epoch seconds or milliseconds) and write it with formatDate.'
    )
  }
  if (findCapillaryDateFormat(value) === undefined) {
    return error(
      'invalid_date',
      `${quoteValue(value)} is not in a date format Capillary accepts (such as ${capillaryDateFormats[2]} or ` +
        `${capillaryDateFormats[0]}); use parseDate and formatDate.`
    )
  }
  return { value, issues: noIssues }
}

function enumConformer(possibleValues: readonly string[]): ValueConformer {
  const allowed = new Set(possibleValues)
  return (value) => {
    const text = asText(value)
    if (text === undefined)
      return error('type_mismatch', `Expected one of the enum's values, got ${describeType(value)}.`)
    if (allowed.has(text)) return { value: text, issues: noIssues }
    const near = possibleValues.find((candidate) => candidate.toLowerCase() === text.trim().toLowerCase())
    const hint =
      near !== undefined
        ? ` Did you mean "${near}"? Add a "${transformLabels.trim}", "${transformLabels.lowerCase}", "${transformLabels.upperCase}" or "${transformLabels.lookup}" transform.`
        : ` Allowed: ${possibleValues.slice(0, 10).join(', ')}${possibleValues.length > 10 ? ', ...' : ''}.`
    return error('invalid_enum', `"${text}" is not a possible value of this enum.${hint}`)
  }
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? ` ${quoteValue(value)}` : ''
}
