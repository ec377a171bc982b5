import { findCapillaryDateFormat } from '../capillary/findCapillaryDateFormat'
import { parseIsoDateTime } from './dates/parseIsoDateTime'
import { formatPath, type PathSegment } from './sourcePath/parsePath'

export type InferredType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array'
/** What text or numbers look like, for suggestions: numbers in text, dates, epoch times, emails, mobiles. */
export type InferredFormat = 'integer' | 'numericText' | 'date' | 'epochSeconds' | 'epochMillis' | 'email' | 'mobile'

export interface InferredField {
  /** In our path syntax; `[*]` stands for every element of a list. */
  path: string
  segments: PathSegment[]
  /** How many times each type was seen. */
  types: Partial<Record<InferredType, number>>
  formats: Partial<Record<InferredFormat, number>>
  /** Share of payloads that have this path (0-1). */
  presence: number
  occurrences: number
  /** Up to five distinct scalar values, in the order first seen. */
  examples: unknown[]
  /** Text with few distinct values, repeated: probably an enum; its values then are listed. */
  likelyEnum: boolean
  enumValues?: string[]
}

export interface InferredSchema {
  payloadCount: number
  fields: InferredField[]
}

const maxDepth = 32
const maxFields = 5_000
const maxDistinct = 50
const enumLimit = 12

interface Tally {
  segments: PathSegment[]
  types: Partial<Record<InferredType, number>>
  formats: Partial<Record<InferredFormat, number>>
  payloads: number
  occurrences: number
  distinct: Map<string, unknown>
  stringCount: number
  lastPayload: number
}

function typeOf(value: unknown): InferredType {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'object') return 'object'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  return 'string'
}

function formatOf(value: unknown): InferredFormat | undefined {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined
    // 2001-09-09 to 2286 in seconds, 2001 onwards in milliseconds: the plausible event times.
    if (value >= 1e9 && value < 1e10) return 'epochSeconds'
    if (value >= 1e12 && value < 1e13) return 'epochMillis'
    return 'integer'
  }
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return 'email'
  if (/^\+?[\d\s\-()]{10,18}$/.test(text) && /^\+?\d/.test(text) && text.replace(/\D/g, '').length >= 10) {
    return /^\d+$/.test(text) && text.length > 15 ? 'numericText' : 'mobile'
  }
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return 'numericText'
  if (parseIsoDateTime(text) !== undefined || findCapillaryDateFormat(text) !== undefined) return 'date'
  return undefined
}

/**
 * Every path of many payloads with its types, formats, presence ratio, examples and likely enum values: what the
 * designer shows and what suggestMappings ranks. Lists are walked element by element under one `[*]` path.
 */
export function inferSchema(payloads: readonly unknown[]): InferredSchema {
  const tallies = new Map<string, Tally>()
  payloads.forEach((payload, payloadIndex) => visit(payload, [], payloadIndex, 0))

  function visit(value: unknown, segments: PathSegment[], payloadIndex: number, depth: number): void {
    if (segments.length > 0) {
      const path = formatPath(segments)
      let tally = tallies.get(path)
      if (tally === undefined) {
        if (tallies.size >= maxFields) return
        tally = {
          segments,
          types: {},
          formats: {},
          payloads: 0,
          occurrences: 0,
          distinct: new Map(),
          stringCount: 0,
          lastPayload: -1
        }
        tallies.set(path, tally)
      }
      const type = typeOf(value)
      tally.types[type] = (tally.types[type] ?? 0) + 1
      tally.occurrences++
      if (tally.lastPayload !== payloadIndex) {
        tally.payloads++
        tally.lastPayload = payloadIndex
      }
      const format = formatOf(value)
      if (format !== undefined) tally.formats[format] = (tally.formats[format] ?? 0) + 1
      if (type === 'string') tally.stringCount++
      if (type !== 'object' && type !== 'array' && tally.distinct.size < maxDistinct) {
        const key = `${type}:${String(value)}`
        if (!tally.distinct.has(key)) tally.distinct.set(key, value)
      }
    }
    if (depth >= maxDepth || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const element of value) visit(element, [...segments, { every: true }], payloadIndex, depth + 1)
      return
    }
    for (const [key, child] of Object.entries(value)) visit(child, [...segments, { key }], payloadIndex, depth + 1)
  }

  const fields = [...tallies.entries()].map(([path, tally]): InferredField => {
    const values = [...tally.distinct.values()]
    const likelyEnum =
      tally.stringCount === tally.occurrences &&
      tally.occurrences >= 4 &&
      values.length <= enumLimit &&
      values.length <= tally.occurrences / 2 &&
      tally.formats.date === undefined
    const field: InferredField = {
      path,
      segments: tally.segments,
      types: tally.types,
      formats: tally.formats,
      presence: payloads.length === 0 ? 0 : tally.payloads / payloads.length,
      occurrences: tally.occurrences,
      examples: values.slice(0, 5),
      likelyEnum
    }
    if (likelyEnum) field.enumValues = values.map(String)
    return field
  })
  return { payloadCount: payloads.length, fields }
}
