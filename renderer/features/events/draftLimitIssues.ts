import { attributePath, designError, type DesignIssue } from '../../../shared/capillary/designIssue'
import { attributeLimits, customerSettingsLimits, eventLimits, type EventDraft } from '../../../shared/model/event'

const count = (value: number) => value.toLocaleString('en')

/** "Description: at most 2,000 characters (3,000 now)." */
export const tooLongMessage = (field: string, limit: number, length: number): string =>
  `${field}: at most ${count(limit)} characters (${count(length)} now).`

/**
 * Where the draft goes past what a project keeps (shared/model's limits), in words, at the field: main would refuse
 * the draft with the schema's own message, so the designer holds it at its fields instead.
 */
export function draftLimitIssues(draft: EventDraft): DesignIssue[] {
  const issues: DesignIssue[] = []
  const text = (path: string, field: string, value: string | undefined, limit: number) => {
    if (value !== undefined && value.length > limit)
      issues.push(designError(path, 'text_too_long', tooLongMessage(field, limit, value.length)))
  }
  const items = (path: string, field: string, length: number, limit: number) => {
    if (length > limit)
      issues.push(designError(path, 'too_many_items', `${field}: at most ${count(limit)} (${count(length)} now).`))
  }
  text('name', 'Event name', draft.name, eventLimits.nameLength)
  text('label', 'Label', draft.label, eventLimits.labelLength)
  text('description', 'Description', draft.description, eventLimits.descriptionLength)
  items('attributes', 'Attributes', draft.attributes.length, eventLimits.attributes)
  draft.attributes.forEach((attribute, index) => {
    const of = `Attribute ${index + 1}`
    text(attributePath(index, 'name'), `${of} name`, attribute.name, attributeLimits.nameLength)
    text(
      attributePath(index, 'description'),
      `${of} description`,
      attribute.description,
      attributeLimits.descriptionLength
    )
    text(attributePath(index, 'regex'), `${of} regex`, attribute.regex, attributeLimits.regexLength)
    text(
      attributePath(index, 'groupIdentifierType'),
      `${of} group identifier type`,
      attribute.groupIdentifierType,
      attributeLimits.groupIdentifierTypeLength
    )
    const values = attribute.possibleValues ?? []
    items(
      attributePath(index, 'possibleValues'),
      `${of} possible values`,
      values.length,
      attributeLimits.possibleValues
    )
    values.forEach((value, position) =>
      text(
        attributePath(index, 'possibleValues', position),
        `${of} possible value ${position + 1}`,
        value,
        attributeLimits.possibleValueLength
      )
    )
    const customer = attribute.customer
    if (!customer) return
    text(
      attributePath(index, 'customer', 'identifierType'),
      `${of} identifier type`,
      customer.identifierType,
      customerSettingsLimits.identifierTypeLength
    )
    text(
      attributePath(index, 'customer', 'source'),
      `${of} source`,
      customer.source,
      customerSettingsLimits.sourceLength
    )
    text(
      attributePath(index, 'customer', 'accountId'),
      `${of} account ID`,
      customer.accountId,
      customerSettingsLimits.accountIdLength
    )
  })
  return issues
}
