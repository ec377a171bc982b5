import { describe, expect, it } from 'vitest'
import { resolveMatch } from '../../../../shared/engine/resolveMatch'
import type { MappingSpec } from '../../../../shared/model/mapping'

const spec: MappingSpec = { match: { kind: 'integration' }, fanOut: null, rules: [] }

describe('resolveMatch', () => {
  it("turns an integration match into the integration's event-name match", () => {
    expect(resolveMatch(spec, { eventNameField: 'event_name', sourceNames: ['Added To Cart'] }).match).toEqual({
      kind: 'eventName',
      field: 'event_name',
      sourceNames: ['Added To Cart']
    })
  })

  it('leaves any other match alone', () => {
    const always: MappingSpec = { ...spec, match: { kind: 'always' } }
    expect(resolveMatch(always, { eventNameField: 'x', sourceNames: [] })).toBe(always)
  })
})
