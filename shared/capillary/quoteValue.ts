import { sliceWhole } from '../model/wellFormedText'

/** Past this many characters a value quoted in a message is cut short: a payload's value may be megabytes long. */
const quotedMaxChars = 40

/** A value as a message quotes it: `"Bengaluru"`, or its start then `...` when long. */
export function quoteValue(value: string): string {
  return `"${value.length > quotedMaxChars ? `${sliceWhole(value, quotedMaxChars)}...` : value}"`
}
