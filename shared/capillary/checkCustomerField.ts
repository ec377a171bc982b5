import type { AttributeDraft } from '../model/event'
import { attributePath, designError, type DesignIssue } from './designIssue'

/**
 * Checks that the event has exactly one Customer Identifier and that it is required: Capillary has "No support for
 * anonymous events, customer identifier is required" (SETUP "Limitations"), and a field's identifier type and
 * source come from the definition, so one event cannot carry two (notes §6.3).
 */
export const checkCustomerField = (
  attributes: readonly Pick<AttributeDraft, 'name' | 'type' | 'isRequired'>[]
): DesignIssue[] => {
  const customers = attributes.flatMap((attribute, index) => (attribute.type === 'customer' ? [index] : []))
  if (customers.length === 0) {
    return [
      designError(
        'attributes',
        'customer_missing',
        'Add a Customer Identifier attribute: Capillary accepts no anonymous events, so every event needs one.'
      )
    ]
  }
  const issues: DesignIssue[] = []
  for (const [position, index] of customers.entries()) {
    const attribute = attributes[index]
    if (attribute === undefined) continue
    if (position > 0) {
      issues.push(
        designError(
          attributePath(index, 'type'),
          'customer_multiple',
          `An event has exactly one Customer Identifier, and "${attribute.name}" is a second one. ` +
            'Change its type or remove it.'
        )
      )
    }
    // SETUP "Add & map custom event": "Customer Identifier is a mandatory attribute for a custom event".
    if (!attribute.isRequired) {
      issues.push(
        designError(
          attributePath(index, 'isRequired'),
          'customer_not_required',
          'The Customer Identifier must be required: Capillary accepts no event without a customer. Turn Required on.'
        )
      )
    }
  }
  return issues
}
