import { describe, expect, it } from 'vitest'
import * as capillary from '../../../../shared/capillary'

describe('shared/capillary', () => {
  it('exposes the entry points the designer and the publisher use', () => {
    expect(Object.keys(capillary)).toEqual(
      expect.arrayContaining([
        'checkEvent',
        'checkEventName',
        'checkAttribute',
        'definitionRequests',
        'standardEventDraft'
      ])
    )
  })

  it('exposes the library data', () => {
    expect(capillary.standardEvents).toHaveLength(12)
    expect(capillary.implicitAttributes).toHaveLength(2)
  })
})
