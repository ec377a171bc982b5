import { elementwise } from './transformStep'

/** Lower-cases text (each element of a list); other values pass unchanged. */
export const lowerCase = elementwise((value) => (typeof value === 'string' ? value.toLowerCase() : value))
