import type { Transform } from '../../model/mapping'
import { describeValue, elementwise, type TransformStep } from './transformStep'

/**
 * Replaces a value by its entry in a table (keys are compared as text: 1 and "1" are the same key). A value not in
 * the table gives the fallback when there is one; otherwise it passes unchanged with a lookup_miss warning.
 */
export function lookup(transform: Extract<Transform, { kind: 'lookup' }>): TransformStep {
  const table = new Map(Object.entries(transform.table))
  const { fallback } = transform
  return elementwise((value, report) => {
    if (value === undefined || value === null) return value
    const key =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined
    const found = key === undefined ? undefined : table.get(key)
    if (found !== undefined) return found
    if (fallback !== undefined) return fallback
    report('warning', 'lookup_miss', `${describeValue(value)} is not in the lookup table, so it was kept as it is.`)
    return value
  })
}
