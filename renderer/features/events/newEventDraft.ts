import { customerDefaults } from '../../../shared/capillary/sourceAccounts'
import type { EventDraft } from '../../../shared/model/event'

/** A new custom event starts valid (attribute ids are opaque UUIDs, made here so they stay stable while editing): Capillary requires exactly one customer field, and it is required. */
export function newCustomEventDraft(existingNames: readonly string[]): EventDraft {
  const taken = new Set(existingNames.map((name) => name.toLowerCase()))
  let name = 'new_event'
  for (let n = 2; taken.has(name); n += 1) name = `new_event_${n}`
  return {
    name,
    label: '',
    description: '',
    kind: 'custom',
    actions: ['EIConsumer', 'EMFConsumer'],
    attributes: [
      {
        id: crypto.randomUUID(),
        name: 'customer',
        type: 'customer',
        description: '',
        isRequired: true,
        isUniqueKeyField: false,
        isPsiData: false,
        standard: false,
        customer: { ...customerDefaults }
      }
    ]
  }
}
