import { describe, expect, it } from 'vitest'
import { checkAttributeCount } from '../../../../shared/capillary/checkAttributeCount'
import { stringAttributes } from './eventFixtures'

describe('checkAttributeCount', () => {
  it('accepts a custom event with 20 attributes', () => {
    expect(checkAttributeCount({ kind: 'custom', attributes: stringAttributes(20) })).toEqual([])
  })

  it('rejects a custom event with 21 attributes', () => {
    expect(checkAttributeCount({ kind: 'custom', attributes: stringAttributes(21) })).toEqual([
      expect.objectContaining({ path: 'attributes', code: 'attributes_too_many', severity: 'error' })
    ])
  })

  it('says how many attributes to remove', () => {
    const [issue] = checkAttributeCount({ kind: 'custom', attributes: stringAttributes(23) })
    expect(issue?.message).toContain('Remove 3')
  })

  it('only warns on a standard event, where the limit is not documented', () => {
    expect(checkAttributeCount({ kind: 'standard', attributes: stringAttributes(21) })).toEqual([
      expect.objectContaining({ code: 'attributes_too_many', severity: 'warning' })
    ])
  })
})
