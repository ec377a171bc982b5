import { describe, expect, it } from 'vitest'
import { customerDefaults } from '../../../../shared/capillary/sourceAccounts'
import { EventDraft } from '../../../../shared/model/event'
import { draftLimitIssues } from '../../../../renderer/features/events/draftLimitIssues'
import { newCustomEventDraft } from '../../../../renderer/features/events/newEventDraft'

const base = newCustomEventDraft([])
const attribute = { ...base.attributes[0]!, name: 'stay_type' }

describe('draftLimitIssues', () => {
  it('finds nothing in a draft within every limit', () => {
    expect(draftLimitIssues(base)).toEqual([])
  })

  it('says each text past its limit at its field, in words, with the length it has now', () => {
    const draft: EventDraft = {
      ...base,
      name: 'n'.repeat(300),
      label: 'l'.repeat(201),
      description: 'd'.repeat(3000),
      attributes: [
        {
          ...attribute,
          type: 'string',
          name: 'a'.repeat(201),
          description: 'd'.repeat(2001),
          regex: 'r'.repeat(1001),
          groupIdentifierType: 'g'.repeat(101)
        },
        {
          ...attribute,
          type: 'customer',
          customer: {
            ...customerDefaults,
            identifierType: 'i'.repeat(51),
            source: 's'.repeat(51),
            accountId: 'c'.repeat(101)
          }
        },
        { ...attribute, type: 'enum', possibleValues: ['ok', 'v'.repeat(501)] }
      ]
    }
    expect(draftLimitIssues(draft).map((issue) => [issue.path, issue.message])).toEqual([
      ['name', 'Event name: at most 200 characters (300 now).'],
      ['label', 'Label: at most 200 characters (201 now).'],
      ['description', 'Description: at most 2,000 characters (3,000 now).'],
      ['attributes/0/name', 'Attribute 1 name: at most 200 characters (201 now).'],
      ['attributes/0/description', 'Attribute 1 description: at most 2,000 characters (2,001 now).'],
      ['attributes/0/regex', 'Attribute 1 regex: at most 1,000 characters (1,001 now).'],
      ['attributes/0/groupIdentifierType', 'Attribute 1 group identifier type: at most 100 characters (101 now).'],
      ['attributes/1/customer/identifierType', 'Attribute 2 identifier type: at most 50 characters (51 now).'],
      ['attributes/1/customer/source', 'Attribute 2 source: at most 50 characters (51 now).'],
      ['attributes/1/customer/accountId', 'Attribute 2 account ID: at most 100 characters (101 now).'],
      ['attributes/2/possibleValues/1', 'Attribute 3 possible value 2: at most 500 characters (501 now).']
    ])
    expect(draftLimitIssues(draft).every((issue) => issue.severity === 'error')).toBe(true)
  })

  it('says when a list holds more items than a project keeps', () => {
    const draft: EventDraft = {
      ...base,
      attributes: [
        { ...attribute, type: 'enum', possibleValues: Array.from({ length: 1001 }, (_, i) => `v${i}`) },
        ...Array.from({ length: 200 }, (_, i) => ({ ...attribute, name: `a${i}` }))
      ]
    }
    expect(draftLimitIssues(draft).map((issue) => [issue.path, issue.message])).toEqual([
      ['attributes', 'Attributes: at most 200 (201 now).'],
      ['attributes/0/possibleValues', 'Attribute 1 possible values: at most 1,000 (1,001 now).']
    ])
  })

  it('agrees with the schema main checks drafts against: what it finds nothing in, the schema takes', () => {
    const atLimits: EventDraft = {
      ...base,
      name: 'n'.repeat(200),
      label: 'l'.repeat(200),
      description: 'd'.repeat(2000),
      attributes: [{ ...attribute, type: 'string', regex: 'r'.repeat(1000), description: 'd'.repeat(2000) }]
    }
    expect(draftLimitIssues(atLimits)).toEqual([])
    expect(EventDraft.safeParse(atLimits).success).toBe(true)
    const past = { ...atLimits, description: 'd'.repeat(2001) }
    expect(draftLimitIssues(past)).toHaveLength(1)
    expect(EventDraft.safeParse(past).success).toBe(false)
  })
})
