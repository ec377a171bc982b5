import { compileDatePattern, type DatePattern } from './datePattern'
import { capillaryDateFormats } from './implicitAttributes'

/** Capillary's accepted formats (notes §2), compiled once, in the documented order. */
export const capillaryDatePatterns: readonly DatePattern[] = capillaryDateFormats.map((format) => {
  const compiled = compileDatePattern(format)
  if (typeof compiled === 'string') throw new Error(`Capillary date format ${format}: ${compiled}`)
  return compiled
})

const patternsByFormat = new Map(capillaryDatePatterns.map((pattern) => [pattern.pattern, pattern]))

/** The compiled pattern of one of Capillary's accepted formats, or undefined for any other pattern. */
export const capillaryDatePattern = (format: string): DatePattern | undefined => patternsByFormat.get(format)

/**
 * The first of Capillary's accepted date formats (SETUP "Standard Attributes") the text is written in, or undefined
 * when it is in none of them: Capillary would then reject the eventDateTime or Date attribute.
 */
export function findCapillaryDateFormat(text: string): string | undefined {
  for (const pattern of capillaryDatePatterns) if (pattern.parse(text) !== undefined) return pattern.pattern
  return undefined
}
