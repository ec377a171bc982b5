import type { TransformStep } from './transformStep'

/** The last element of a list (nothing for an empty list); a scalar passes unchanged. */
export const last: TransformStep = (value) => (Array.isArray(value) ? value[value.length - 1] : value)
