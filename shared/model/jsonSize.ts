/**
 * True when `value`, written as JSON, takes at most `maxChars` characters. Values are counted first, each place it
 * appears, with a ceiling: JSON of `maxChars` holds at most about half as many values (each takes a character and
 * a separator), so a value that repeats one object exponentially many times (IPC's structured clone keeps shared
 * objects, and cycles) is refused after a bounded walk, where JSON.stringify would write it out for ever.
 */
export function jsonFitsWithin(value: unknown, maxChars: number): boolean {
  if (!hasAtMostValues(value, Math.floor(maxChars / 2) + 1)) return false
  const text = JSON.stringify(value)
  return text !== undefined && text.length <= maxChars
}

/** Counts values as JSON would write them (each place a shared object appears), giving up past `limit`. */
function hasAtMostValues(root: unknown, limit: number): boolean {
  const pending: unknown[] = [root]
  let counted = 0
  while (pending.length > 0) {
    const value = pending.pop()
    // A typed array (IPC keeps them) is written as one value for each of its elements.
    counted += ArrayBuffer.isView(value) ? 1 + ('length' in value ? Number(value.length) : value.byteLength) : 1
    // Whatever waits will be counted too: stop as soon as the sum is over.
    if (counted + pending.length > limit) return false
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) continue
    for (const child of Object.values(value)) pending.push(child)
  }
  return true
}
