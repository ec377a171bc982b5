import type { Transform } from '../../model/mapping'
import type { TransformStep } from './transformStep'

/** Splits text (numbers are written as text first) into a list; a list passes unchanged. */
export function split(transform: Extract<Transform, { kind: 'split' }>): TransformStep {
  return (value) => {
    if (typeof value === 'string') return value.split(transform.separator)
    if (typeof value === 'number' || typeof value === 'boolean') return String(value).split(transform.separator)
    return value
  }
}
