import { describe, expect, it } from 'vitest'
import { judgeEventData } from '../../../../../main/capillary/sandbox/judgeEventData'
import type { AttributeDraft, EventDraft } from '../../../../../shared/model/event'

const attribute = (overrides: Partial<AttributeDraft> & Pick<AttributeDraft, 'name' | 'type'>): AttributeDraft => ({
  description: '',
  isRequired: false,
  isUniqueKeyField: false,
  isPsiData: false,
  standard: false,
  ...overrides
})

const event: EventDraft = {
  name: 'roomReserved',
  label: '',
  description: '',
  kind: 'custom',
  actions: ['EMFConsumer'],
  attributes: [
    attribute({
      name: 'guest',
      type: 'customer',
      isRequired: true,
      customer: { identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: false }
    }),
    attribute({ name: 'nights', type: 'double', isRequired: true }),
    attribute({ name: 'room', type: 'enum', possibleValues: ['single', 'double'] }),
    attribute({ name: 'group', type: 'groupId' })
  ]
}

const good = { guest: '919845012345', nights: 2, room: 'single' }

describe('judgeEventData', () => {
  it('succeeds with every field valid, through every documented state', () => {
    const outcome = judgeEventData(event, good)
    expect(outcome).toMatchObject({ status: 'EVENT_SUCCESS', message: 'Event processed successfully' })
    expect(outcome.states[0]).toEqual({ status: 'EVENT_PROCESSING_STARTED', message: 'roomReserved' })
    expect(outcome.states.at(-3)).toEqual({ status: 'EVENT_VALIDATION_FINISHED', message: 'roomReserved' })
  })

  it('stops at a missing customer with NO_CUSTOMER_DETAILS_PASSED', () => {
    expect(judgeEventData(event, { ...good, guest: '' }).status).toBe('NO_CUSTOMER_DETAILS_PASSED')
  })

  it('stops at a missing required field, a bad double and a value outside the enum', () => {
    expect(judgeEventData(event, { ...good, nights: undefined }).message).toBe('Mandatory field nights is missing')
    expect(judgeEventData(event, { ...good, nights: 'two' }).status).toBe('EVENT_VALIDATION_FAILED')
    expect(judgeEventData(event, { ...good, room: 'suite' }).message).toMatch(/^Field room:/)
  })

  it('reports an unusable group identifier as INVALID_GROUP_IDENTIFIER_PASSED', () => {
    expect(judgeEventData(event, { ...good, group: ['a'] })).toMatchObject({
      status: 'INVALID_GROUP_IDENTIFIER_PASSED',
      message: 'Invalid group identifier passed a'
    })
  })

  it('checks eventDateTime against the accepted formats', () => {
    expect(judgeEventData(event, { ...good, eventDateTime: '2024-04-11 12:00:00' }).status).toBe('EVENT_SUCCESS')
    expect(judgeEventData(event, { ...good, eventDateTime: '11/04/2024 12h' }).status).toBe('EVENT_VALIDATION_FAILED')
  })
})
