import { describe, expect, it } from 'vitest'
import type { RemoteEvent } from '../../../main/capillary/client/responses'
import { compareDefinitions, differs } from '../../../main/publish/compareDefinitions'
import { testPostPreview } from '../../../main/publish/previewRequests'
import { eventDefinitionBody } from '../../../shared/capillary/eventDefinitionBody'
import { attributeDraft, eventDraft } from '../../integration/support/eventDraft'

const ours = eventDefinitionBody(
  eventDraft({
    name: 'review_posted',
    description: '',
    actions: ['EIConsumer'],
    attributes: [
      attributeDraft({
        name: 'customer',
        type: 'customer',
        isRequired: true,
        customer: { identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: false }
      }),
      attributeDraft({ name: 'grade', type: 'enum', possibleValues: ['a', 'b'] }),
      attributeDraft({ name: 'note', type: 'string' })
    ]
  })
)

/** What GET /v2/events answers for ours, as a newer org spells it (BEREF 03: upper-case types and choices). */
function theirs(change: (fields: RemoteEvent['fields']) => RemoteEvent['fields'] = (fields) => fields): RemoteEvent {
  const fields = ours.fields.map((field) => ({
    name: field.name,
    wireType: field.type.toUpperCase(),
    type: undefined,
    standardField: false,
    attributes: Object.fromEntries(
      Object.entries(field.attributes).map(([name, attribute]) => [
        name,
        'values' in attribute
          ? { valueType: 'LIST', values: attribute.values }
          : {
              valueType: attribute.valueType,
              value: name === 'identifierType' ? attribute.value.toUpperCase() : attribute.value
            }
      ])
    )
  }))
  return {
    eventId: '1',
    eventName: 'review_posted',
    eventType: 'USEREVENT',
    actions: ['EIConsumer'],
    label: undefined,
    description: undefined,
    status: 'UNPUBLISHED',
    testStatus: 'NOT_VERIFIED',
    standardEvent: false,
    orgId: 1,
    date: 0,
    fields: change(fields),
    mappings: { defaultMapped: false, default: null, webEngage: null }
  }
}

describe('compareDefinitions', () => {
  it('finds no difference when the org answers ours in upper case', () => {
    expect(differs(compareDefinitions(ours, theirs()))).toBe(false)
  })

  it('says what the publish adds, removes and changes, field by field', () => {
    const remote = theirs((fields) => [
      ...fields
        .filter((field) => field.name !== 'note')
        .map((field) =>
          field.name === 'grade'
            ? {
                ...field,
                attributes: { ...field.attributes, possibleValues: { valueType: 'LIST', values: ['A', 'b'] } }
              }
            : field
        ),
      { name: 'legacy', wireType: 'STRING', type: undefined, standardField: false, attributes: {} }
    ])
    expect(compareDefinitions(ours, remote).filter((row) => row.change !== 'same')).toEqual([
      { field: 'fields.grade.possibleValues', ours: 'a,b', theirs: 'A,b', change: 'changed' },
      { field: 'fields.note', ours: 'string isPsiData=false isRequired=false', theirs: null, change: 'added' },
      { field: 'fields.legacy', ours: null, theirs: 'STRING', change: 'removed' }
    ])
  })

  it('makes every row added when the org lacks the event', () => {
    const rows = compareDefinitions(ours, null)
    expect(rows.map((row) => row.change)).toEqual(['added', 'added', 'added', 'added'])
  })
})

describe('request previews', () => {
  it('mask credentials in headers and in test-post bodies, at any depth', () => {
    const preview = testPostPreview(
      'defaultTransformer',
      null,
      { event_name: 'x', customer: '91999', auth: { api_key: 'k', nested: [{ password: 'p' }] } },
      'oauth',
      ''
    )
    expect(preview.headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'X-CAP-API-OAUTH-TOKEN': '[masked]'
    })
    expect(preview.body).toEqual({
      event_name: 'x',
      customer: '91999',
      auth: { api_key: '[masked]', nested: [{ password: '[masked]' }] }
    })
    expect(preview.path).toBe('{webHookUri of the defaultTransformer webhook}')
  })
})
