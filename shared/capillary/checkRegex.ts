import type { AttributeDraft } from '../model/event'
import { supportsOption } from './attributeTypes'
import { compileAttributeRegex } from './attributeRegex'
import { attributePath, designError, designWarning, type DesignIssue } from './designIssue'

/**
 * Checks that the regex of a String or Coupon Code attribute compiles. Capillary does not document its regex
 * dialect; JavaScript's is close to the common ones, so a pattern it rejects is almost surely broken. One that only
 * JavaScript reads (lookaround, backreferences) is not run on values here (see attributeRegex), and says so.
 */
export const checkRegex = (attribute: Pick<AttributeDraft, 'type' | 'regex'>, index: number): DesignIssue[] => {
  const regex = attribute.regex ?? ''
  // SETUP "Custom Attributes": Coupon Code (and String, SLATE meta_fields) take a regex.
  if (regex === '' || !supportsOption(attribute.type, 'regex')) return []
  const compiled = compileAttributeRegex(regex)
  if (compiled.kind === 'invalid') {
    return [
      designError(
        attributePath(index, 'regex'),
        'regex_invalid',
        `This regex does not compile (${compiled.reason}). Fix the pattern or clear it.`
      )
    ]
  }
  if (compiled.kind === 'unchecked') {
    return [
      designWarning(
        attributePath(index, 'regex'),
        'regex_unchecked',
        'The studio checks values against regexes without lookaround or backreferences only: values are not checked against this one here, only by Capillary.'
      )
    ]
  }
  return []
}
