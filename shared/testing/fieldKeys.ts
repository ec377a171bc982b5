import type { MappingSpec } from '../model/mapping'
import { parsePath, type PathSegment } from '../engine/sourcePath/parsePath'

/**
 * A field's place in payloads of one shape, whatever the list element: `items[0].sku`, `items[*].sku` and the
 * fan-out item's `sku` all name the same field.
 */
export function fieldKey(segments: readonly PathSegment[]): string {
  return segments.map((segment) => ('key' in segment ? `.${segment.key}` : '[*]')).join('')
}

/** The fields a mapping reads by path (the event-name field and the fan-out list included), as field keys. */
export function fieldsReadBy(spec: MappingSpec): Set<string> {
  const keys = new Set<string>()
  const fanOut = spec.fanOut ? parsePath(spec.fanOut.path) : undefined
  const itemPrefix = fanOut?.ok ? [...fanOut.path.segments, { every: true } as const] : []
  if (fanOut?.ok) keys.add(fieldKey(fanOut.path.segments))
  if (spec.match.kind === 'eventName') {
    const parsed = parsePath(spec.match.field)
    if (parsed.ok) keys.add(fieldKey(parsed.path.segments))
  }
  for (const rule of spec.rules) {
    if (rule.source.kind !== 'path') continue
    const parsed = parsePath(rule.source.path)
    if (!parsed.ok) continue
    const fromPayload = parsed.path.fromPayloadRoot || rule.source.scope === 'payload'
    keys.add(fieldKey(fromPayload ? parsed.path.segments : [...itemPrefix, ...parsed.path.segments]))
  }
  return keys
}

/** Whether a field is read, directly or through a parent a rule reads whole. */
export function isRead(key: string, read: ReadonlySet<string>): boolean {
  for (const candidate of read) {
    if (key === candidate || key.startsWith(`${candidate}.`) || key.startsWith(`${candidate}[`)) return true
  }
  return false
}
