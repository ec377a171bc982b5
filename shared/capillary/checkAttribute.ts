import type { AttributeDraft } from '../model/event'
import { checkAttributeName } from './checkAttributeName'
import { checkAttributeOptions } from './checkAttributeOptions'
import { checkCustomerSettings } from './checkCustomerSettings'
import { checkPossibleValues } from './checkPossibleValues'
import { checkRegex } from './checkRegex'
import type { DesignIssue } from './designIssue'

/** Every check of one attribute, `attributes[index]`, for live feedback while it is edited. */
export const checkAttribute = (attributes: readonly AttributeDraft[], index: number): DesignIssue[] => {
  const attribute = attributes[index]
  if (attribute === undefined) return []
  return [
    ...checkAttributeName(attributes, index),
    ...checkAttributeOptions(attribute, index),
    ...checkPossibleValues(attribute, index),
    ...checkRegex(attribute, index),
    ...checkCustomerSettings(attribute, index)
  ]
}
