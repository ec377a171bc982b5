import { describe, expect, it } from 'vitest'
import { checkCustomEventQuota } from '../../../../shared/capillary/checkCustomEventQuota'

const custom = { kind: 'custom' as const }

describe('checkCustomEventQuota', () => {
  it('accepts a custom event when the org has 9 others', () => {
    expect(checkCustomEventQuota(custom, 9, 'publish')).toEqual([])
  })

  it('warns while designing when the org already has 10 custom events', () => {
    expect(checkCustomEventQuota(custom, 10, 'design')).toEqual([
      expect.objectContaining({ path: '', code: 'custom_event_limit', severity: 'warning' })
    ])
  })

  it('rejects publishing when the org already has 10 custom events', () => {
    expect(checkCustomEventQuota(custom, 10, 'publish')).toEqual([
      expect.objectContaining({ path: '', code: 'custom_event_limit', severity: 'error' })
    ])
  })

  it('says how many custom events the org has', () => {
    expect(checkCustomEventQuota(custom, 12, 'publish')[0]?.message).toContain('already has 12')
  })

  it('does not count standard events against the quota', () => {
    expect(checkCustomEventQuota({ kind: 'standard' }, 10, 'publish')).toEqual([])
  })
})
