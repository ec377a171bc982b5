import { webEngageFieldNames } from '../capillary/webEngageFieldNames'
import type { AttributeDraft, AttributeType } from '../model/event'
import { extraTargets, type MappingRule, type Transform } from '../model/mapping'
import type { MappingEvent } from './compileMapping'
import type { InferredField, InferredSchema } from './inferSchema'

export interface MappingSuggestion {
  path: string
  /** 0-1, higher is better. */
  score: number
  /** Why, in words: name, WebEngage default, type, presence. */
  reasons: string[]
  /** A ready rule: the path with the transforms its values need (toNumber, parseDate + formatDate ...). */
  rule: MappingRule
}

export interface AttributeSuggestions {
  target: string
  suggestions: MappingSuggestion[]
}

// Words that mean the same in payloads and in Capillary attribute names.
const synonyms: Record<string, string[]> = {
  customer: ['user', 'userid', 'mobile', 'phone', 'msisdn', 'email', 'customerid', 'uid'],
  quantity: ['qty', 'count', 'units'],
  price: ['amount', 'unitprice', 'cost', 'value'],
  sku: ['skucode', 'skuid', 'productid', 'itemid', 'code'],
  category: ['categoryname', 'cat', 'cateogry'],
  external: ['id', 'eventid', 'requestid', 'uuid'],
  datetime: ['time', 'timestamp', 'date', 'occurredat', 'createdat', 'eventtime', 'ts']
}

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (let index = 0; index < text.length - 1; index++) {
    const pair = text.slice(index, index + 2)
    counts.set(pair, (counts.get(pair) ?? 0) + 1)
  }
  return counts
}

/** Dice similarity of two names' letter pairs, after splitting camelCase, snake_case and spaces. */
function nameSimilarity(a: string, b: string): number {
  const left = words(a).join('')
  const right = words(b).join('')
  if (left === '' || right === '') return 0
  if (left === right) return 1
  const leftPairs = bigrams(left)
  const rightPairs = bigrams(right)
  let shared = 0
  for (const [pair, count] of leftPairs) shared += Math.min(count, rightPairs.get(pair) ?? 0)
  const dice = (2 * shared) / Math.max(1, left.length - 1 + (right.length - 1))
  const synonym = Object.entries(synonyms).some(
    ([word, alike]) =>
      (left.includes(word) && alike.some((other) => right === other || right.endsWith(other))) ||
      (right.includes(word) && alike.some((other) => left === other || left.endsWith(other)))
  )
  return Math.max(dice, synonym ? 0.7 : 0)
}

function lastKey(field: InferredField): string {
  for (let index = field.segments.length - 1; index >= 0; index--) {
    const segment = field.segments[index]
    if (segment !== undefined && 'key' in segment) return segment.key
  }
  return field.path
}

const share = (field: InferredField, count: number | undefined): number =>
  field.occurrences === 0 ? 0 : (count ?? 0) / field.occurrences

/** How well a field's values suit an attribute type (0-1), and the transforms that would make them fit. */
function typeFit(
  type: AttributeType | 'date',
  field: InferredField,
  attribute?: AttributeDraft
): { fit: number; transforms: Transform[] } {
  const { types, formats } = field
  const scalar = share(field, (types.string ?? 0) + (types.number ?? 0) + (types.boolean ?? 0))
  switch (type) {
    case 'customer': {
      const identifier = attribute?.customer?.identifierType.toLowerCase() ?? 'mobile'
      const fit =
        identifier === 'email'
          ? share(field, formats.email)
          : identifier === 'mobile'
            ? share(field, formats.mobile)
            : scalar * 0.5
      return { fit, transforms: [] }
    }
    case 'double': {
      const numbers = share(field, types.number)
      const texts = share(field, formats.numericText)
      return { fit: Math.max(numbers, texts), transforms: texts > numbers ? [{ kind: 'toNumber' }] : [] }
    }
    case 'integer': {
      const integers = share(field, formats.integer)
      const texts = share(field, formats.numericText)
      return { fit: Math.max(integers, texts * 0.8), transforms: texts > integers ? [{ kind: 'toInteger' }] : [] }
    }
    case 'boolean':
      return { fit: share(field, types.boolean), transforms: [] }
    case 'date': {
      const millis = share(field, formats.epochMillis)
      const seconds = share(field, formats.epochSeconds)
      const dates = share(field, formats.date)
      const best = Math.max(millis, seconds, dates)
      const input = millis === best ? 'epochMillis' : seconds === best ? 'epochSeconds' : 'iso8601'
      return {
        fit: best,
        transforms:
          best === 0
            ? []
            : [
                { kind: 'parseDate', formats: [input], timeZone: 'UTC' },
                { kind: 'formatDate', format: 'yyyy-MM-dd HH:mm:ss', timeZone: 'UTC' }
              ]
      }
    }
    case 'enum': {
      const values = new Set(attribute?.possibleValues ?? [])
      const known = field.enumValues?.filter((value) => values.has(value)).length ?? 0
      return {
        fit: field.likelyEnum ? 0.6 + (values.size > 0 ? (0.4 * known) / values.size : 0) : scalar * 0.4,
        transforms: []
      }
    }
    default:
      return { fit: share(field, (types.string ?? 0) + (types.number ?? 0)), transforms: [] }
  }
}

/**
 * Ranks, for every attribute of an event (and eventDateTime, external_event_id), the inferred fields that could
 * feed it: by name similarity, by Capillary's default WebEngage field names (the standard library and the SLATE map),
 * by type, and by presence. Each suggestion carries a ready rule; lists (`[*]` paths) rank lower, as they need
 * fan-out or a first/sum/count.
 */
export function suggestMappings(schema: InferredSchema, event: MappingEvent, limit = 5): AttributeSuggestions[] {
  const candidates = schema.fields.filter(
    (field) => (field.types.object ?? 0) + (field.types.array ?? 0) < field.occurrences
  )
  const targets: { name: string; type: AttributeType | 'date'; attribute?: AttributeDraft }[] = [
    ...event.attributes.map((attribute) => ({ name: attribute.name, type: attribute.type, attribute })),
    ...extraTargets.map((name) => ({ name, type: name === 'eventDateTime' ? ('date' as const) : ('string' as const) }))
  ]
  return targets.map(({ name, type, attribute }) => {
    const webEngage = new Set(
      webEngageFieldNames
        .filter((entry) => entry.attribute.toLowerCase() === name.toLowerCase())
        .map((entry) => entry.webEngageField.toLowerCase())
    )
    const suggestions = candidates
      .map((field): MappingSuggestion => {
        const key = lastKey(field)
        const reasons: string[] = []
        const similarity = Math.max(nameSimilarity(name, key), 0.8 * nameSimilarity(name, field.path))
        if (similarity >= 0.5) reasons.push(`name like ${name} (${Math.round(similarity * 100)}%)`)
        const isWebEngageDefault = webEngage.has(key.toLowerCase())
        if (isWebEngageDefault) reasons.push(`Capillary's default WebEngage field for ${name}`)
        const { fit, transforms } = typeFit(type, field, attribute)
        if (fit >= 0.5) reasons.push(`values fit ${type}`)
        if (field.presence < 1) reasons.push(`present in ${Math.round(field.presence * 100)}% of payloads`)
        const list = field.segments.some((segment) => 'every' in segment)
        if (list) reasons.push('inside a list: fan out over it, or use first, sum or count')
        let score = 0.5 * similarity + 0.3 * fit + 0.2 * field.presence + (isWebEngageDefault ? 0.5 : 0)
        if (list) score *= 0.7
        // A name, a WebEngage default, or values that only this kind of attribute has (ids, dates) must point here.
        const relevant =
          similarity >= 0.35 || isWebEngageDefault || (fit >= 0.9 && (type === 'customer' || type === 'date'))
        return {
          path: field.path,
          score: relevant ? Math.min(1, Math.round(score * 1000) / 1000) : 0,
          reasons,
          rule: { target: name, source: { kind: 'path', path: field.path, scope: 'item' }, transforms }
        }
      })
      .filter((suggestion) => suggestion.score >= 0.3)
      .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path))
      .slice(0, limit)
    return { target: name, suggestions }
  })
}
