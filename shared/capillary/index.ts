export { attributeTypes, parseCapillaryFieldType, supportsOption } from './attributeTypes'
export type { AttributeOption, AttributeTypeInfo } from './attributeTypes'
export { capillaryLimits } from './capillaryLimits'
export { checkNameCharacters, suggestCapillaryName } from './capillaryName'
export type { NameSubject } from './capillaryName'
export { checkActions } from './checkActions'
export { checkAttribute } from './checkAttribute'
export { checkAttributeCount } from './checkAttributeCount'
export { checkAttributeName } from './checkAttributeName'
export { checkAttributeOptions } from './checkAttributeOptions'
export { checkCustomerField } from './checkCustomerField'
export { checkCustomerSettings } from './checkCustomerSettings'
export { checkCustomEventQuota } from './checkCustomEventQuota'
export { checkEvent } from './checkEvent'
export type { CheckEventContext } from './checkEvent'
export { checkEventName } from './checkEventName'
export { checkPossibleValues } from './checkPossibleValues'
export { checkRegex } from './checkRegex'
export { checkStandardEvent } from './checkStandardEvent'
export { definitionRequests } from './definitionRequest'
export type { DefinitionRequest, DefinitionRequestOptions } from './definitionRequest'
export type { DesignIssue, DesignStage } from './designIssue'
export { eventDefinitionBody } from './eventDefinitionBody'
export type { EventDefinitionBody, FieldAttributeValue, FieldDefinition } from './eventDefinitionBody'
export { capillaryDateFormats, implicitAttributes } from './implicitAttributes'
export type { ImplicitAttribute } from './implicitAttributes'
export {
  customerDefaults,
  customerSources,
  identifierTypes,
  isKnownIdentifierType,
  isKnownSource,
  isMultiAccountSource
} from './sourceAccounts'
export type { CustomerSource, IdentifierType } from './sourceAccounts'
export { standardEventDraft } from './standardEventDraft'
export { findStandardEvent, standardEvent, standardEvents, StandardEventName } from './standardEvents'
export type { StandardEvent, StandardField } from './standardEvents'
export { publishedEventChangeProblem } from './publishedEventChange'
