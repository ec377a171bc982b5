const quote = 34
const backslash = 92

/**
 * How deep a payload's JSON may nest to be read: far beyond any real webhook payload (tens of levels), and half of
 * what the parser's recursion reads on Node's default stack (about 4,000 levels), so every reader of a capture
 * decides alike, wherever it reads it from. Bodies of up to twice as many characters are not even scanned.
 */
export const maxJsonDepth = 2_000

/** Where the JSON string opened at `start` closes (a quote after an even run of backslashes), or the text's length. */
export function closingQuote(text: string, start: number): number {
  let end = text.indexOf('"', start + 1)
  while (end !== -1) {
    let backslashes = 0
    while (text.charCodeAt(end - 1 - backslashes) === backslash) backslashes++
    if (backslashes % 2 === 0) return end
    end = text.indexOf('"', end + 1)
  }
  return text.length
}

/**
 * Whether JSON text nests arrays and objects deeper than `limit` (brackets inside strings aside). One pass that
 * skips strings by indexOf; text of at most twice the limit cannot, and is not read at all.
 */
export function nestsDeeperThan(text: string, limit = maxJsonDepth): boolean {
  if (text.length <= 2 * limit) return false
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === quote) index = closingQuote(text, index)
    else if (code === 123 || code === 91) {
      if (++depth > limit) return true
    } else if (code === 125 || code === 93) depth--
  }
  return false
}
