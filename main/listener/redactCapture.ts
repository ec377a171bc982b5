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

  constructor(private readonly redaction: Redaction) {
    this.paths = redaction.paths.map(pathSegments)
    this.keyNames = new Set(redaction.keyNames.map(normaliseKey))
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
    if (this.redaction.phoneNumbers) {
      result = result.replace(phoneShape, (match) => {
        const digits = match.replace(/\D/g, '').length
        return digits >= 8 && digits <= 15 && !dateShape.test(match.trim()) ? redactedValue : match
      })
    }
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
      for (let end = start; end < words.length; end += 1) {
        joined += words[end]
        if (this.keyNames.has(joined)) return true
      }
    }
    return false
  }
}

const emailShape = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
const cardShape = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g
const phoneShape = /(?<![\w+.:-])\+?\(?\d[\d ()-]{6,}\d(?![\w.:-])/g
const dateShape = /^\d{4}-\d{2}-\d{2}|^\d{2}-\d{2}-\d{4}/

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
