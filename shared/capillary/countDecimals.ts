/**
 * The number of decimal places a number is written with (its shortest exact text, or the text it came as), for
 * Capillary's Double rule: "64-bit floating value with precision up to 15 decimal places" (SETUP "Custom Attributes").
 * Undefined when the text is not a number.
 */
export function countDecimals(value: number | string): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return 0
  const text = typeof value === 'number' ? String(value) : value.trim()
  const match = /^[+-]?(?:\d+(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/.exec(text)
  if (!match) return undefined
  const fraction = (match[1] ?? match[2] ?? '').replace(/0+$/, '')
  return Math.max(0, fraction.length - Number(match[3] ?? '0'))
}

/** Capillary's Double precision limit (SETUP "Custom Attributes"). */
export const doubleMaxDecimals = 15
