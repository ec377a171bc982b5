import type { TransformStep } from './transformStep'

/** The first element of a list (nothing for an empty list); a scalar passes unchanged. */
export const first: TransformStep = (value) => (Array.isArray(value) ? value[0] : value)
