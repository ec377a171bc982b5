import type { AttributeDraft } from '../model/event'
import { supportsOption } from './attributeTypes'
import { attributePath, designError, type DesignIssue } from './designIssue'

/**
 * Checks that the regex of a String or Coupon Code attribute compiles. Capillary does not document its regex
 * dialect; JavaScript's is close to the common ones, so a pattern it rejects is almost surely broken.
 */
export const checkRegex = (attribute: Pick<AttributeDraft, 'type' | 'regex'>, index: number): DesignIssue[] => {
  const regex = attribute.regex ?? ''
  // SETUP "Custom Attributes": Coupon Code (and String, SLATE meta_fields) take a regex.
  if (regex === '' || !supportsOption(attribute.type, 'regex')) return []
  try {
    new RegExp(regex)
    return []
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return [
      designError(
        attributePath(index, 'regex'),
        'regex_invalid',
        `This regex does not compile (${reason}). Fix the pattern or clear it.`
      )
    ]
  }
}
