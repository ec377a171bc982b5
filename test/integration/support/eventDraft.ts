import type { AttributeDraft, EventDraft } from '../../../shared/model/event'

/** An attribute draft with the schema's defaults filled in, as the contract's parser would hand it to main. */
export function attributeDraft(
  overrides: Partial<AttributeDraft> & Pick<AttributeDraft, 'name' | 'type'>
): AttributeDraft {
  return {
    description: '',
    isRequired: false,
    isUniqueKeyField: false,
    isPsiData: false,
    standard: false,
    ...overrides
  }
}

/** A custom event draft using every attribute option: customer settings, enum values, a regex, a group id type. */
export function eventDraft(overrides: Partial<EventDraft> = {}): EventDraft {
  return {
    name: 'room_reserved',
    label: 'Room reserved',
    description: 'A guest reserves a room.',
    kind: 'custom',
    actions: ['EMFConsumer', 'EIConsumer'],
    attributes: [
      attributeDraft({
        name: 'customer_id',
        type: 'customer',
        description: 'The guest.',
        isRequired: true,
        customer: { identifierType: 'mobile', source: 'INSTORE', accountId: 'acc-1', addCustomerIfNotExists: true }
      }),
      attributeDraft({ name: 'room_type', type: 'enum', possibleValues: ['single', 'double', 'suite'] }),
      attributeDraft({ name: 'coupon', type: 'couponCode', regex: '^[A-Z]{3}-\\d{4}$', isUniqueKeyField: true }),
      attributeDraft({ name: 'group', type: 'groupId', groupIdentifierType: 'GroupExternalId', isPsiData: true }),
      attributeDraft({ name: 'nights', type: 'double', description: 'Room nights.' })
    ],
    ...overrides
  }
}
