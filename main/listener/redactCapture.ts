import { isLosslessNumber, parse, stringify } from 'lossless-json'
import type { BodyKind, NameValue } from '../../shared/model/capture'
import type { Redaction } from '../../shared/model/listenerSettings'

export const redactedValue = '[redacted]'

export interface RedactedCapture {
  body: Uint8Array
  query: NameValue[]
  /** Whether anything was redacted; when nothing was, the bytes are the original ones, untouched. */
  changed: boolean
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const encoder = new TextEncoder()

/**
 * Redacts what is stored of a request (issue 5), when its integration asks for it: values at given paths and under
 * sensitive key names (JSON and form bodies, query parameters), and values shaped like emails, phone numbers or card
 * numbers (everywhere, text and XML included). JSON keeps its numbers exact (lossless-json) but not its layout, so a
 * redacted capture can no longer be replayed byte for byte.
 */
export function redactCapture(
  body: Uint8Array,
  kind: BodyKind,
  query: readonly NameValue[],
  redaction: Redaction
): RedactedCapture {
  const rules = new RedactionRules(redaction)
  const redactedQuery = query.map(([name, value]): NameValue => {
    const next = rules.forField([name], value)
    return [name, next]
  })
  const queryChanged = redactedQuery.some(([, value], index) => value !== query[index]?.[1])
  const text = decodeUtf8(body)
  const redactedText = text === undefined ? undefined : redactText(text, kind, rules)
  const bodyChanged = redactedText !== undefined && redactedText !== text
  return {
    body: bodyChanged ? encoder.encode(redactedText) : body,
    query: redactedQuery,
    changed: bodyChanged || queryChanged
  }
}

function redactText(text: string, kind: BodyKind, rules: RedactionRules): string {
  switch (kind) {
    case 'json':
      return redactJson(text, rules) ?? rules.shapes(text)
    case 'form':
      return redactForm(text, rules)
    case 'xml':
      return rules.shapes(rules.xmlElements(text))
    case 'text':
      return rules.shapes(text)
    case 'empty':
    case 'none':
      return text
  }
}

function redactJson(text: string, rules: RedactionRules): string | undefined {
  let document: unknown
  try {
    document = parse(text)
  } catch {
    return undefined
  }
  let changed = false
  const walk = (value: unknown, path: string[]): unknown => {
    // A sensitive key or path hides everything under it, not only scalars.
    if (path.length > 0 && rules.byPathOrName(path)) {
      changed = true
      return redactedValue
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, String(index)]))
    if (value !== null && typeof value === 'object' && !isLosslessNumber(value)) {
      const copy: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(value)) {
        // defineProperty, not assignment: a key named __proto__ stays a plain key.
        Object.defineProperty(copy, key, {
          value: walk(child, [...path, key]),
          enumerable: true,
          writable: true,
          configurable: true
        })
      }
      return copy
    }
    if (typeof value !== 'string') return value
    const shaped = rules.shapes(value)
    if (shaped !== value) changed = true
    return shaped
  }
  const redacted = walk(document, [])
  return changed ? (stringify(redacted, null, 2) ?? text) : text
}

/** Redacts field by field, keeping every untouched pair exactly as it was written. */
function redactForm(text: string, rules: RedactionRules): string {
  return text
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=')
      if (equals === -1) return pair
      const key = safeDecode(pair.slice(0, equals))
      const value = safeDecode(pair.slice(equals + 1))
      if (key === undefined || value === undefined) return pair
      const next = rules.forField([key], value)
      return next === value ? pair : `${pair.slice(0, equals)}=${encodeURIComponent(next)}`
    })
    .join('&')
}

class RedactionRules {
  private readonly paths: string[][]
  private readonly keyNames: Set<string>
  private readonly longestKeyName: number

  constructor(private readonly redaction: Redaction) {
    this.paths = redaction.paths.map(pathSegments)
    this.keyNames = new Set(redaction.keyNames.map(normaliseKey))
    this.longestKeyName = Math.max(0, ...[...this.keyNames].map((name) => name.length))
  }

  /** A field's value after redaction by path, key name or shape. */
  forField(path: string[], value: string): string {
    return this.byPathOrName(path) ? redactedValue : this.shapes(value)
  }

  byPathOrName(path: string[]): boolean {
    const key = path[path.length - 1]
    if (key !== undefined && this.isSensitiveKey(key)) return true
    return this.paths.some(
      (pattern) =>
        pattern.length === path.length && pattern.every((segment, index) => segment === '*' || segment === path[index])
    )
  }

  shapes(text: string): string {
    let result = text
    if (this.redaction.emails) result = result.replace(emailShape, redactedValue)
    if (this.redaction.cardNumbers) {
      result = result.replace(cardShape, (match) => (luhnValid(match.replace(/\D/g, '')) ? redactedValue : match))
    }
    if (this.redaction.phoneNumbers) result = redactPhoneNumbers(result)
    return result
  }

  /** XML elements named like a sensitive key keep their tags, not their text. */
  xmlElements(text: string): string {
    if (this.keyNames.size === 0) return text
    return text.replace(/<([A-Za-z_][\w.-]*)(\s[^<>]*)?>([^<]*)<\/\1\s*>/g, (element, name: string, attributes) =>
      this.isSensitiveKey(name)
        ? `<${name}${(attributes as string | undefined) ?? ''}>${redactedValue}</${name}>`
        : element
    )
  }

  /** `newPassword`, `user_password`, `X-Api-Key` all hold a sensitive word (password, apikey) as whole words. */
  private isSensitiveKey(key: string): boolean {
    if (this.keyNames.size === 0) return false
    const words = key
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
    for (let start = 0; start < words.length; start += 1) {
      let joined = ''
      // Joining past the longest key name cannot match: a key of thousands of words costs no more than its length.
      for (let end = start; end < words.length && joined.length < this.longestKeyName; end += 1) {
        joined += words[end]
        if (this.keyNames.has(joined)) return true
      }
    }
    return false
  }
}

// The shapes run on whatever a sender posts, on the listener's thread: each must take time linear in the text. An
// email starts only where a run of its characters starts (the lookbehind): a long run without an @ is not retried
// from each of its characters. A card number's repetition is bounded. Phone numbers are found in code (phoneNumbers).
const emailShape = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
const cardShape = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g
const dateShape = /^\d{4}-\d{2}-\d{2}|^\d{2}-\d{2}-\d{4}/
/** Where a phone number may start: not glued to a word, a sign, a decimal, a time or a range. */
const phoneStart = /(?<![\w+.:-])\+?\(?\d/g
const phoneChar = /[\d ()-]/
/** What may not follow a phone number's last digit. */
const phoneGlue = /[\w.:-]/

/**
 * Redacts what reads as a phone number: from a start, the longest stretch of digits, spaces, brackets and dashes of at
 * least 8 characters that ends on a digit not glued to what follows, holding 8 to 15 digits and not a date. This is
 * what the pattern `(?<![\w+.:-])\+?\(?\d[\d ()-]{6,}\d(?![\w.:-])` matches, found without its backtracking: a
 * start that finds no end rules out every later start in the same stretch, so each stretch is read once or twice.
 */
function redactPhoneNumbers(text: string): string {
  let result = ''
  let copied = 0
  phoneStart.lastIndex = 0
  for (let found = phoneStart.exec(text); found; found = phoneStart.exec(text)) {
    const start = found.index
    const digitsFrom = start + found[0].length - 1
    let stretchEnd = digitsFrom + 1
    while (stretchEnd < text.length && phoneChar.test(text[stretchEnd] ?? '')) stretchEnd += 1
    let end = stretchEnd
    while (end - digitsFrom >= 8 && !(/\d/.test(text[end - 1] ?? '') && !phoneGlue.test(text[end] ?? ''))) end -= 1
    if (end - digitsFrom < 8) {
      phoneStart.lastIndex = stretchEnd
      continue
    }
    const candidate = text.slice(start, end)
    const digits = candidate.replace(/\D/g, '').length
    if (digits >= 8 && digits <= 15 && !dateShape.test(candidate.trim())) {
      result += text.slice(copied, start) + redactedValue
      copied = end
    }
    phoneStart.lastIndex = end
  }
  return copied === 0 ? text : result + text.slice(copied)
}

function luhnValid(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return digits.length >= 13 && sum % 10 === 0
}

function normaliseKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/** `customer.email`, `items[*].card`, `items.0.card`, `event_data["Promotion ID"]` → segments (`*` any). */
export function pathSegments(path: string): string[] {
  const segments: string[] = []
  const pattern = /\[\s*"((?:[^"\\]|\\.)*)"\s*\]|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*([^\]]*?)\s*\]|([^.[\]]+)/g
  for (const match of path.matchAll(pattern)) {
    const segment = match[1] ?? match[2] ?? match[3] ?? match[4]
    if (segment !== undefined) segments.push(segment.replace(/\\(.)/g, '$1'))
  }
  return segments
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}
