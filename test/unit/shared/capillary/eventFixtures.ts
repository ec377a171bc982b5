import type { AttributeDraft, EventDraft } from '../../../../shared/model/event'

/** An attribute with the model's defaults, as a consultant adds it in the designer. */
export const attribute = (fields: Pick<AttributeDraft, 'name' | 'type'> & Partial<AttributeDraft>): AttributeDraft => ({
  description: '',
  isRequired: false,
  isUniqueKeyField: false,
  isPsiData: false,
  standard: false,
  ...fields
})

/** The customer field of Capillary's documented `be_reserved` event (BEREF 22). */
export const customerId = (fields: Partial<AttributeDraft> = {}): AttributeDraft =>
  attribute({
    name: 'customer_id',
    type: 'customer',
    isRequired: true,
    customer: { identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: true },
    ...fields
  })

/** Capillary's documented `be_reserved` event, as returned by `GET /v2/events/meta` (BEREF 22). */
export const beReserved = (fields: Partial<EventDraft> = {}): EventDraft => ({
  name: 'be_reserved',
  label: 'be_reserved',
  description: 'be_reserved',
  kind: 'custom',
  actions: ['EMFConsumer', 'EIConsumer'],
  attributes: [
    customerId(),
    attribute({ name: 'hotel_name', type: 'string', isRequired: true, isUniqueKeyField: true }),
    attribute({ name: 'external_event_id', type: 'string', isRequired: true, isUniqueKeyField: true }),
    attribute({
      name: 'room_nights',
      type: 'enum',
      possibleValues: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']
    }),
    attribute({ name: 'age', type: 'double', isPsiData: true })
  ],
  ...fields
})

/** `count` optional String attributes named field1, field2, ... */
export const stringAttributes = (count: number): AttributeDraft[] =>
  Array.from({ length: count }, (_, index) => attribute({ name: `field${index + 1}`, type: 'string' }))
