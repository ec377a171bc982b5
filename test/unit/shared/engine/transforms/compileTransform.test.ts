import { describe, expect, it } from 'vitest'
import { Transform } from '../../../../../shared/model/mapping'
import { compileTransform } from '../../../../../shared/engine/transforms/compileTransform'

describe('compileTransform', () => {
  it('compiles every transform kind of the model', () => {
    const kinds = Transform.options.map((option) => option.shape.kind.value)
    for (const kind of kinds) {
      const transform = Transform.parse({
        kind,
        ...(kind === 'parseDate' ? { formats: ['iso8601'] } : {}),
        ...(kind === 'formatDate' ? { format: 'yyyy-MM-dd' } : {}),
        ...(kind === 'lookup' ? { table: {} } : {}),
        ...(kind === 'default' ? { value: 'x' } : {}),
        ...(kind === 'template' ? { template: '{}' } : {}),
        ...(kind === 'split' || kind === 'join' ? { separator: ',' } : {})
      })
      expect(compileTransform(transform).ok, kind).toBe(true)
    }
  })

  it('refuses a kind outside the whitelist', () => {
    expect(compileTransform({ kind: 'eval' } as unknown as Transform).ok).toBe(false)
  })
})
