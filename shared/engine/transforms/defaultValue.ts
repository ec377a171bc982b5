import type { Transform } from '../../model/mapping'
import type { TransformStep } from './transformStep'

/** Missing, null, or empty (an empty or blank text, an empty list): what a `default` transform can stand in for. */
export function absence(value: unknown): 'missing' | 'null' | 'empty' | undefined {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (typeof value === 'string') {
    // Most texts start with something other than white space: no need to trim them to know they are not blank.
    if (value.length > 0 && value.charCodeAt(0) > 32 && value.charCodeAt(0) !== 160) return undefined
    return value.trim() === '' ? 'empty' : undefined
  }
  return Array.isArray(value) && value.length === 0 ? 'empty' : undefined
}

/** Gives `value` when the current one is absent in one of the `when` ways (all three by default). */
export function defaultValue(transform: Extract<Transform, { kind: 'default' }>): TransformStep {
  const when = new Set(transform.when ?? ['missing', 'null', 'empty'])
  return (value) => {
    const kind = absence(value)
    return kind !== undefined && when.has(kind) ? transform.value : value
  }
}
