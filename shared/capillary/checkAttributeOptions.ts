import type { AttributeDraft, AttributeType } from '../model/event'
import { attributeTypes, supportsOption, type AttributeOption } from './attributeTypes'
import { attributePath, designError, designWarning, type DesignIssue } from './designIssue'

const typesWith = (option: AttributeOption): string =>
  Object.values(attributeTypes)
    .filter((info) => info.options.includes(option))
    .map((info) => info.label)
    .join(', ')

const optionNames: Record<AttributeOption, string> = {
  regex: 'a regex',
  possibleValues: 'possible values',
  isPsiData: 'the PSI (sensitive data) flag',
  customer: 'identifier type and source settings',
  groupIdentifierType: 'a group identifier type'
}

/** The options an attribute carries, whatever its type (unset and empty values do not count). */
const optionsInUse = (attribute: AttributeDraft): AttributeOption[] => {
  const inUse: [AttributeOption, boolean][] = [
    ['regex', (attribute.regex ?? '') !== ''],
    ['possibleValues', (attribute.possibleValues ?? []).length > 0],
    ['isPsiData', attribute.isPsiData],
    ['customer', attribute.customer !== undefined],
    ['groupIdentifierType', (attribute.groupIdentifierType ?? '') !== '']
  ]
  return inUse.filter(([, used]) => used).map(([option]) => option)
}

const unsupportedOption = (type: AttributeType, option: AttributeOption, index: number): DesignIssue => {
  const path = attributePath(index, option)
  // BEREF 01: "You cannot enable isPsiData for the mandatory customer identifier field."
  if (option === 'isPsiData' && type === 'customer') {
    return designError(
      path,
      'psi_on_customer',
      'Capillary does not allow marking the customer identifier as PSI (sensitive) data. Turn PSI off for this field.'
    )
  }
  return designError(
    path,
    'option_not_supported',
    `${attributeTypes[type].label} attributes cannot have ${optionNames[option]}; only ${typesWith(option)} can. ` +
      'Remove it or change the type.'
  )
}

/**
 * Checks the flags and type-specific settings of one attribute: each setting belongs to certain types (regex: SETUP
 * and SLATE meta_fields; PSI: SETUP "Is PSI data" on Enum, String and Double; possible values: Enum; customer
 * settings: Customer Identifier; group identifier type: Group ID), unique keys are required, and types whose API
 * encoding is undocumented are flagged.
 */
export const checkAttributeOptions = (attribute: AttributeDraft, index: number): DesignIssue[] => {
  const issues = optionsInUse(attribute)
    .filter((option) => !supportsOption(attribute.type, option))
    .map((option) => unsupportedOption(attribute.type, option, index))
  // BEREF 01: a unique key field "becomes mandatory and needs to be marked as isRequired".
  if (attribute.isUniqueKeyField && !attribute.isRequired) {
    issues.push(
      designError(
        attributePath(index, 'isRequired'),
        'unique_key_not_required',
        'A field that is part of the unique key must be required. Turn Required on; note that Capillary does not ' +
          'let you take a field out of the unique key once it is in.'
      )
    )
  }
  const info = attributeTypes[attribute.type]
  // SETUP "Custom Attributes" lists the type, but no API document shows how to send it (notes §13).
  if (!info.apiEncodingDocumented) {
    issues.push(
      designWarning(attributePath(index, 'type'), 'type_encoding_undocumented', `${info.label}: ${info.note ?? ''}`)
    )
  }
  return issues
}
