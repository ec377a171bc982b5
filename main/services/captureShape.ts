import { inferSchema } from '../../shared/engine/inferSchema'
import type { CaptureShape, ShapeDrift } from '../../shared/model/captureInbox'

/** Elements of a list read per payload: enough for its shape, bounded for payloads with huge lists. */
export const listSampleSize = 200

export interface DecodedCapture {
  id: string
  receivedAt: string
  /** The decoded body as `shapeValueOf` gives it. */
  value: unknown
}

/**
 * The inferred schema of an integration's captures (oldest first) and their drift: each capture that brought a
 * path, or a type at a path, that no earlier capture had. The first capture sets the baseline and is never drift.
 * Long lists are read by their first elements (`shapeValueOf`), so one huge payload costs no more than a typical one.
 */
export function captureShape(integrationId: string, captures: readonly DecodedCapture[]): CaptureShape {
  const values = captures.map((capture) => capture.value)
  const schema = inferSchema(values)
  const seen = new Map<string, Set<string>>()
  const drift: ShapeDrift[] = []
  captures.forEach((capture, index) => {
    const changes: ShapeDrift['changes'] = []
    for (const field of inferSchema([values[index]]).fields) {
      const types = Object.keys(field.types)
      const known = seen.get(field.path)
      if (!known) {
        seen.set(field.path, new Set(types))
        changes.push({ path: field.path, type: types.join(' | '), kind: 'new_field' })
        continue
      }
      for (const type of types) {
        if (known.has(type)) continue
        known.add(type)
        changes.push({ path: field.path, type, kind: 'new_type' })
      }
    }
    if (index > 0 && changes.length > 0) drift.push({ captureId: capture.id, receivedAt: capture.receivedAt, changes })
  })
  return {
    integrationId,
    captureCount: captures.length,
    schema: {
      payloadCount: schema.payloadCount,
      fields: schema.fields.map(({ segments: _segments, ...field }) => field)
    },
    drift: drift.reverse()
  }
}

/** A decoded payload as the shape reads it: each list cut to its first `listSampleSize` elements. */
export function shapeValueOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, listSampleSize).map(shapeValueOf)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, shapeValueOf(child)]))
}
