/** From this share of its limit on, a text field says how much of the limit is used. */
const nearLimit = 0.8

const count = (value: number) => value.toLocaleString('en')

/**
 * How many characters a field holds against its limit, once near it: "1,650 of 2,000 characters"; null far from it,
 * and past it, where the field's message says by how much.
 */
export function characterCount(length: number, limit: number): string | null {
  if (length < limit * nearLimit || length > limit) return null
  return `${count(length)} of ${count(limit)} characters`
}
