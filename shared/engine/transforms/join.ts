import type { Transform } from '../../model/mapping'
import type { TransformStep } from './transformStep'

/** Joins a list into text, leaving out null elements and writing objects as JSON; a scalar passes unchanged. */
export function join(transform: Extract<Transform, { kind: 'join' }>): TransformStep {
  return (value) => {
    if (!Array.isArray(value)) return value
    return value
      .filter((element) => element !== null && element !== undefined)
      .map((element) => (typeof element === 'object' ? JSON.stringify(element) : String(element)))
      .join(transform.separator)
  }
}
