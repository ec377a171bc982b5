import { elementwise } from './transformStep'

/** Upper-cases text (each element of a list); other values pass unchanged. */
export const upperCase = elementwise((value) => (typeof value === 'string' ? value.toUpperCase() : value))
