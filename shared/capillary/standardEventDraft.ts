import type { AttributeDraft, EventDraft } from '../model/event'
import { customerDefaults } from './sourceAccounts'
import { standardEvent, type StandardEventName, type StandardField } from './standardEvents'

const standardAttribute = (field: StandardField): AttributeDraft => ({
  name: field.name,
  type: field.type,
  description: '',
  isRequired: field.isRequired,
  isUniqueKeyField: false,
  isPsiData: false,
  standard: true,
  // SLATE standard_events_meta: every standard customer field defaults to identifier MOBILE, source INSTORE.
  ...(field.type === 'customer' ? { customer: { ...customerDefaults } } : {})
})

/** A new draft of a standard event exactly as Capillary's library defines it (ids are given later by main). */
export const standardEventDraft = (name: StandardEventName): EventDraft => {
  const event = standardEvent(name)
  return {
    name: event.name,
    label: event.label,
    // SLATE standard_events_meta: each standard event's description is its label.
    description: event.label,
    kind: 'standard',
    actions: [...event.actions],
    attributes: event.fields.map(standardAttribute)
  }
}
