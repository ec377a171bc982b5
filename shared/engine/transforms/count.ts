import type { TransformStep } from './transformStep'

/** How many elements a list has; 0 for nothing or null, 1 for any other single value. */
export const count: TransformStep = (value) =>
  Array.isArray(value) ? value.length : value === undefined || value === null ? 0 : 1
