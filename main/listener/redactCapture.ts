import { isLosslessNumber, parse, stringify } from 'lossless-json'
import type { BodyKind, NameValue } from '../../shared/model/capture'
import type { Redaction } from '../../shared/model/listenerSettings'
import { isMaskedHeader } from './maskCredentials'
import { wordsOf, WordRuns } from './nameWords'

export const redactedValue = '[redacted]'

/** How deep a JSON body may nest and still be redacted by key name or path (deeper: not kept). */
const maxJsonDepth = 512

export interface RedactedCapture {
  body: Uint8Array
  query: NameValue[]
  /** Whether anything was redacted; when nothing was, the bytes are the original ones, untouched. */
  changed: boolean
  /**
   * Set when the body could not be read well enough to redact it (not UTF-8, or JSON that does not parse while key
   * names or paths are to be redacted): the body is then not kept at all (`body` is empty), and this says why.
   * Redaction never lets a body through unredacted because it could not read it.
   */
  withheld?: string
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const encoder = new TextEncoder()

/**
 * Redacts what is stored of a request (issue 5), when its integration asks for it: values at given paths and under
 * sensitive key names (JSON and form bodies, query parameters), and values shaped like emails, phone numbers or card
 * numbers (everywhere, text and XML included), names so shaped too (JSON keys, form and query names). JSON keeps its
 * numbers exact (lossless-json) but not its layout, so a redacted capture can no longer be replayed byte for byte.
 * Headers are redacted by `redactHeaders`.
 */
export function redactCapture(
  body: Uint8Array,
  kind: BodyKind,
  query: readonly NameValue[],
  redaction: Redaction,
  charset?: string
): RedactedCapture {
  const rules = new RedactionRules(redaction)
  const { query: redactedQuery, changed: queryChanged } = redactQueryBy(rules, query)
  // UTF-16 text without a byte order mark is valid UTF-8 too (its NULs are), read wrong: only UTF-8 is read here.
  const text = charset === undefined || /^(utf-?8|us-ascii)$/i.test(charset) ? decodeUtf8(body) : undefined
  const redacted = text === undefined ? { withheld: notUtf8 } : redactText(text, kind, rules)
  if ('withheld' in redacted) {
    return { body: new Uint8Array(), query: redactedQuery, changed: true, withheld: redacted.withheld }
  }
  const bodyChanged = redacted.text !== text
  return {
    body: bodyChanged ? encoder.encode(redacted.text) : body,
    query: redactedQuery,
    changed: bodyChanged || queryChanged
  }
}

/** The query of a request whose body is not kept (over the limit, not HTTP), redacted as any capture's. */
export function redactQuery(
  query: readonly NameValue[],
  redaction: Redaction
): { query: NameValue[]; changed: boolean } {
  return redactQueryBy(new RedactionRules(redaction), query)
}

function redactQueryBy(rules: RedactionRules, query: readonly NameValue[]): { query: NameValue[]; changed: boolean } {
  const labels = redactNames(
    rules,
    query.map((pair) => pair[0])
  )
  const redacted = query.map(([name, value]): NameValue => [labels.get(name) ?? name, rules.forField([name], value)])
  return {
    query: redacted,
    changed: labels.size > 0 || redacted.some(([, value], index) => value !== query[index]?.[1])
  }
}

/**
 * Headers whose values say how the request travels, never who it is about: they stay readable, where their dates,
 * hosts, lengths, ages and clock readings would read as phone numbers. Standard Webhooks' (and Svix's) id, which the
 * signature covers, is a message id. Other ids (X-Request-Id, X-Customer-Id) are redacted by shape like any value:
 * a customer id is often a phone number.
 */
const protocolHeader = new RegExp(
  '^(host|content-type|content-length|content-encoding|transfer-encoding|connection|keep-alive|te|upgrade|' +
    'cache-control|pragma|date|age|user-agent|accept(-.*)?|expect|(webhook|svix)-id|(.+-)?timestamp)$',
  'i'
)

/**
 * Redacts header values as the query's (issue 5): by the header's name against the key names, and by shape. Protocol
 * headers are left readable, and credential headers to masking, which hides their whole value but Authorization's
 * scheme; `maskedNames` are the integration's own signature header, masked too. Redacted headers alone do not mark a
 * capture redacted: that mark says its body or query is not what was sent, which mapping and relaying (blind to
 * headers) need.
 */
export function redactHeaders(
  headers: readonly NameValue[],
  redaction: Redaction,
  maskedNames: readonly string[] = []
): NameValue[] {
  const rules = new RedactionRules(redaction)
  return headers.map(([name, value]): NameValue => {
    if (protocolHeader.test(name) || isMaskedHeader(name, maskedNames)) return [name, value]
    return [name, rules.byName(name) ? redactedValue : rules.shapes(value)]
  })
}

/**
 * Names (JSON keys, query and form names) shaped like an email, a phone or a card number, each with its label:
 * `[redacted]`, `[redacted 2]`… The same name always gets the same label, two names never share one, and no label
 * takes a name already there, so no two fields merge into one.
 */
function redactNames(rules: RedactionRules, names: readonly string[]): Map<string, string> {
  const labels = new Map<string, string>()
  let taken: Set<string> | undefined
  let next = 1
  for (const name of names) {
    if (labels.has(name) || rules.shapes(name) === name) continue
    taken ??= new Set(names)
    let label: string
    do {
      label = next === 1 ? redactedValue : `[redacted ${next}]`
      next += 1
    } while (taken.has(label))
    labels.set(name, label)
  }
  return labels
}

const notUtf8 = 'The body is not UTF-8 text, so it could not be redacted: it was not kept.'
const unreadableJson =
  'The body is not JSON that parses (or repeats a key with different values), so its key names and paths could not ' +
  'be redacted: it was not kept.'

function redactText(text: string, kind: BodyKind, rules: RedactionRules): { text: string } | { withheld: string } {
  if (kind !== 'json') return { text: redactTextOf(text, kind, rules) }
  const redacted = redactJson(text, rules)
  if (redacted !== undefined) return { text: redacted }
  // Shapes alone read any text; key names and paths need the parsed document.
  return rules.needsStructure() ? { withheld: unreadableJson } : { text: rules.shapes(text) }
}

function redactTextOf(text: string, kind: Exclude<BodyKind, 'json'>, rules: RedactionRules): string {
  switch (kind) {
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
  // One path, pushed and popped as the walk goes: copying it at every value made the walk cost size × depth.
  const path: string[] = []
  const walk = (value: unknown, atIndex: boolean): unknown => {
    if (path.length > maxJsonDepth) throw new RangeError('too deeply nested')
    // A sensitive key or path hides everything under it, not only scalars; an array index is no key name.
    if (path.length > 0 && (atIndex ? rules.byPath(path) : rules.byPathOrName(path))) {
      changed = true
      return redactedValue
    }
    if (Array.isArray(value)) {
      return value.map((item, index) => {
        path.push(String(index))
        const redacted = walk(item, true)
        path.pop()
        return redacted
      })
    }
    if (value !== null && typeof value === 'object' && !isLosslessNumber(value)) {
      const copy: Record<string, unknown> = {}
      const labels = redactNames(rules, Object.keys(value))
      if (labels.size > 0) changed = true
      for (const [key, child] of Object.entries(value)) {
        // Paths and key names are read on the key as sent; the key stored may be its label.
        path.push(key)
        // defineProperty, not assignment: a key named __proto__ stays a plain key.
        Object.defineProperty(copy, labels.get(key) ?? key, {
          value: walk(child, false),
          enumerable: true,
          writable: true,
          configurable: true
        })
        path.pop()
      }
      return copy
    }
    if (typeof value !== 'string') return value
    const shaped = rules.shapes(value)
    if (shaped !== value) changed = true
    return shaped
  }
  try {
    const redacted = walk(document, false)
    return changed ? (stringify(redacted, null, 2) ?? text) : text
  } catch (error) {
    // Nested deeper than a walk may go: read as a document that cannot be redacted by key name or path.
    if (error instanceof RangeError) return undefined
    throw error
  }
}

/**
 * Redacts field by field, keeping every untouched pair exactly as it was written. A name or value that is not valid
 * percent-encoding is read as written, so a stray `%` never lets a field through unredacted.
 */
function redactForm(text: string, rules: RedactionRules): string {
  const fields = text.split('&').map((pair) => {
    const equals = pair.indexOf('=')
    const rawKey = equals === -1 ? pair : pair.slice(0, equals)
    return { pair, equals, rawKey, key: safeDecode(rawKey) ?? rawKey }
  })
  const labels = redactNames(
    rules,
    fields.map((field) => field.key)
  )
  return fields
    .map(({ pair, equals, rawKey, key }) => {
      const label = labels.get(key)
      const storedKey = label === undefined ? rawKey : encodeURIComponent(label)
      if (equals === -1) return storedKey
      const rawValue = pair.slice(equals + 1)
      const value = safeDecode(rawValue)
      if (value === undefined) {
        return `${storedKey}=${rules.byPathOrName([key]) ? encodeURIComponent(redactedValue) : rules.shapes(rawValue)}`
      }
      const next = rules.forField([key], value)
      return next === value && label === undefined ? pair : `${storedKey}=${encodeURIComponent(next)}`
    })
    .join('&')
}

class RedactionRules {
  private readonly paths: string[][]
  private readonly keyNames: WordRuns

  constructor(private readonly redaction: Redaction) {
    this.paths = redaction.paths.map(pathSegments)
    this.keyNames = new WordRuns(new Set(redaction.keyNames.map(normaliseKey)))
  }

  /** A field's value after redaction by path, key name or shape. */
  forField(path: string[], value: string): string {
    return this.byPathOrName(path) ? redactedValue : this.shapes(value)
  }

  /** Whether key names or paths are to be redacted: they need the body's structure, where shapes read any text. */
  needsStructure(): boolean {
    return this.keyNames.size > 0 || this.paths.length > 0
  }

  byPathOrName(path: string[]): boolean {
    const key = path[path.length - 1]
    if (key !== undefined && this.byName(key)) return true
    return this.byPath(path)
  }

  /** Whether a given path (`items[*].card`) names this place. */
  byPath(path: string[]): boolean {
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

  /**
   * XML elements named like a sensitive key keep their tags, not what is inside them (child elements included), and
   * attributes named like one keep their name, not their value.
   */
  xmlElements(text: string): string {
    if (this.keyNames.size === 0) return text
    const withAttributes = text.replace(xmlAttribute, (attribute, space: string, name: string, equals, quoted) =>
      this.byName(name)
        ? `${space}${name}${equals as string}${(quoted as string)[0]}${redactedValue}${(quoted as string)[0]}`
        : attribute
    )
    let result = ''
    let copied = 0
    xmlOpenTag.lastIndex = 0
    for (let open = xmlOpenTag.exec(withAttributes); open; open = xmlOpenTag.exec(withAttributes)) {
      const name = open[1] ?? ''
      if (open[0].endsWith('/>') || !this.byName(name)) continue
      const innerStart = open.index + open[0].length
      const close = closingTagOf(withAttributes, name, innerStart)
      // An element left open runs to the end of the body: all of it is hidden.
      const innerEnd = close?.start ?? withAttributes.length
      result += withAttributes.slice(copied, innerStart) + redactedValue
      copied = innerEnd
      xmlOpenTag.lastIndex = close?.end ?? withAttributes.length
    }
    return copied === 0 ? withAttributes : result + withAttributes.slice(copied)
  }

  /** `newPassword`, `user_password`, `X-Api-Key` all hold a sensitive word (password, apikey) as whole words. */
  byName(key: string): boolean {
    return this.keyNames.size > 0 && this.keyNames.in(wordsOf(key))
  }
}

const xmlAttribute = /(\s)([A-Za-z_][\w.:-]*)(\s*=\s*)("[^"]*"|'[^']*')/g
const xmlOpenTag = /<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>/g

const xmlTag = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>/y

/**
 * Where the element opened before `from` closes (same-named elements inside it counted), or undefined. CDATA
 * sections and comments are stepped over whole: a closing tag written inside one closes nothing. Each `<` is read
 * once, so the time is linear in the text, whatever a sender posts.
 */
function closingTagOf(xml: string, name: string, from: number): { start: number; end: number } | undefined {
  let depth = 1
  for (let at = xml.indexOf('<', from); at !== -1; at = xml.indexOf('<', at + 1)) {
    const skipTo = xml.startsWith('<![CDATA[', at) ? ']]>' : xml.startsWith('<!--', at) ? '-->' : undefined
    if (skipTo !== undefined) {
      const end = xml.indexOf(skipTo, at)
      if (end === -1) return undefined
      at = end
      continue
    }
    xmlTag.lastIndex = at
    const tag = xmlTag.exec(xml)
    if (!tag || tag[2] !== name || tag[0].endsWith('/>')) continue
    depth += tag[1] === '/' ? -1 : 1
    if (depth === 0) return { start: at, end: at + tag[0].length }
  }
  return undefined
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
