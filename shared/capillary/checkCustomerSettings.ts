import type { AttributeDraft } from '../model/event'
import { attributePath, designWarning, type DesignIssue } from './designIssue'
import { customerDefaults, isKnownIdentifierType, isKnownSource } from './sourceAccounts'

/**
 * Checks the identifier type and source of a Customer Identifier against the documented lists. Only warnings: the
 * two documents list different identifier types, so an org may accept values neither lists.
 */
export const checkCustomerSettings = (
  attribute: Pick<AttributeDraft, 'type' | 'customer'>,
  index: number
): DesignIssue[] => {
  if (attribute.type !== 'customer') return []
  const settings = attribute.customer
  // SLATE meta_fields: identifierType defaults to MOBILE and source to INSTORE.
  if (settings === undefined) {
    return [
      designWarning(
        attributePath(index, 'customer'),
        'customer_settings_missing',
        `Choose how Capillary finds the customer (identifier type and source). Until you do, Capillary's defaults ` +
          `apply: ${customerDefaults.identifierType} from ${customerDefaults.source}.`
      )
    ]
  }
  const issues: DesignIssue[] = []
  // SLATE meta_fields and BEREF 01: the documented identifier types.
  if (!isKnownIdentifierType(settings.identifierType)) {
    issues.push(
      designWarning(
        attributePath(index, 'customer', 'identifierType'),
        'customer_identifier_type_unknown',
        `"${settings.identifierType}" is not an identifier type Capillary documents (such as mobile, email, ` +
          'externalId, userId). Check the spelling: Capillary may reject the event.'
      )
    )
  }
  // SLATE meta_fields: the documented sources.
  if (!isKnownSource(settings.source)) {
    issues.push(
      designWarning(
        attributePath(index, 'customer', 'source'),
        'customer_source_unknown',
        `"${settings.source}" is not a source Capillary documents (such as INSTORE, WEB_ENGAGE, WECHAT). ` +
          'Check the spelling: sources are upper case.'
      )
    )
  }
  return issues
}
