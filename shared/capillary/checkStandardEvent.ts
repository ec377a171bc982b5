import type { AttributeDraft, CustomerSettings, EventDraft } from '../model/event'
import { attributeTypes } from './attributeTypes'
import { attributePath, designError, type DesignIssue } from './designIssue'
import { customerDefaults } from './sourceAccounts'
import { findStandardEvent, type StandardEvent, type StandardField } from './standardEvents'

const customTypeLabels = Object.values(attributeTypes)
  .filter((info) => info.kind === 'custom')
  .map((info) => info.label)
  .join(', ')

const sameCustomerSettings = (settings: CustomerSettings | undefined): boolean => {
  const actual = settings ?? customerDefaults
  return (
    actual.identifierType.toLowerCase() === customerDefaults.identifierType.toLowerCase() &&
    actual.source === customerDefaults.source &&
    (actual.accountId ?? '') === '' &&
    actual.addCustomerIfNotExists === customerDefaults.addCustomerIfNotExists
  )
}

const checkStandardField = (
  event: StandardEvent,
  field: StandardField,
  attribute: AttributeDraft,
  index: number
): DesignIssue[] => {
  const issues: DesignIssue[] = []
  const subject = `"${field.name}" is a standard field of ${event.label}`
  if (attribute.type !== field.type) {
    issues.push(
      designError(
        attributePath(index, 'type'),
        'standard_field_changed',
        `${subject}: its type must stay ${attributeTypes[field.type].label}.`
      )
    )
  }
  if (attribute.isRequired !== field.isRequired) {
    issues.push(
      designError(
        attributePath(index, 'isRequired'),
        'standard_field_changed',
        `${subject}: it must stay ${field.isRequired ? 'required' : 'optional'}.`
      )
    )
  }
  // SLATE standard_events_meta: the library's customer is MOBILE from INSTORE; enabling takes no settings (SLATE:L317).
  if (field.type === 'customer' && attribute.type === 'customer' && !sameCustomerSettings(attribute.customer)) {
    issues.push(
      designError(
        attributePath(index, 'customer'),
        'standard_field_changed',
        `${subject}: Capillary enables it identifying customers by ${customerDefaults.identifierType} from ` +
          `${customerDefaults.source}, without registering new ones. Restore these settings, or create a custom event.`
      )
    )
  }
  return issues
}

const sameActions = (event: StandardEvent, draft: Pick<EventDraft, 'actions'>): boolean =>
  event.actions.length === draft.actions.length && event.actions.every((action) => draft.actions.includes(action))

/**
 * Checks that a standard event stays as Capillary's library defines it. Enabling one takes no body (SLATE:L317), and
 * SETUP's table says standard attributes of a standard event cannot be added, edited or deleted, while custom
 * attributes (string, enum, double, date) can be added before publishing.
 */
export const checkStandardEvent = (draft: EventDraft): DesignIssue[] => {
  if (draft.kind !== 'standard') return []
  const event = findStandardEvent(draft.name)
  if (event === undefined) {
    return [
      designError(
        'name',
        'standard_event_unknown',
        `"${draft.name}" is not one of Capillary's 12 standard events. Pick one from the library, or make this a ` +
          'custom event.'
      )
    ]
  }
  const issues: DesignIssue[] = []
  if (!sameActions(event, draft)) {
    issues.push(
      designError(
        'actions',
        'standard_actions_changed',
        `Capillary enables ${event.label} with the destinations ${event.actions.join(', ')}, and enabling takes no ` +
          'settings. Restore them, or create a custom event.'
      )
    )
  }
  for (const [index, attribute] of draft.attributes.entries()) {
    if (attribute.standard) {
      const field = event.fields.find((candidate) => candidate.name === attribute.name)
      issues.push(
        ...(field === undefined
          ? [
              designError(
                attributePath(index, 'name'),
                'standard_field_unknown',
                `${event.label} has no standard field "${attribute.name}". Standard fields cannot be renamed: ` +
                  'restore its name, or remove it and add a custom attribute.'
              )
            ]
          : checkStandardField(event, field, attribute, index))
      )
    } else if (attributeTypes[attribute.type].kind === 'typed') {
      // SETUP table: "Add standard attributes (such as SKU and Till) before publishing": No for standard events.
      issues.push(
        designError(
          attributePath(index, 'type'),
          'standard_event_typed_attribute',
          `A standard event only takes added attributes of the types ${customTypeLabels}, not ` +
            `${attributeTypes[attribute.type].label}. Change the type, or create a custom event.`
        )
      )
    }
  }
  const present = new Set(draft.attributes.filter((attribute) => attribute.standard).map((attribute) => attribute.name))
  for (const field of event.fields.filter((candidate) => !present.has(candidate.name))) {
    issues.push(
      designError(
        'attributes',
        'standard_field_missing',
        `The standard field "${field.name}" (${attributeTypes[field.type].label}) of ${event.label} is missing. ` +
          'Standard fields cannot be removed: add it back.'
      )
    )
  }
  return issues
}
