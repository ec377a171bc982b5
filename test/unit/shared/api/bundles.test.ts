import { describe, expect, it } from 'vitest'
import { BundleSource, bundleDropMaxChars, MergeChoices } from '../../../../shared/api/bundles'

describe('bundle request inputs', () => {
  it('takes a path or a dropped text under the limit, and refuses a larger drop with what to do instead', () => {
    expect(BundleSource.safeParse({ path: '/tmp/b.capmap.json' }).success).toBe(true)
    expect(BundleSource.safeParse({ text: '{}', name: 'b.capmap.json' }).success).toBe(true)
    const tooBig = BundleSource.safeParse({ text: 'x'.repeat(bundleDropMaxChars + 1), name: 'b.capmap.json' })
    expect(JSON.stringify(tooBig.error?.issues)).toContain('import it by its path')
    expect(BundleSource.safeParse({ path: '  ' }).success).toBe(false)
  })

  it('takes only the three choices', () => {
    expect(MergeChoices.parse({ events: { a: 'keep-both' } })).toEqual({ events: { a: 'keep-both' }, integrations: {} })
    expect(MergeChoices.safeParse({ events: { a: 'merge' } }).success).toBe(false)
  })
})
