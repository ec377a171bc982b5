import { elementwise } from './transformStep'

/**
 * Removes leading and trailing white space from text (each element of a list); other values pass unchanged. Asked
 * for, so it says nothing: provenance shows the value before and after.
 */
export const trim = elementwise((value) => (typeof value === 'string' ? value.trim() : value))
