import { describe, expect, it } from 'vitest'
import { absence, defaultValue } from '../../../../../shared/engine/transforms/defaultValue'
import { runStep } from './runStep'

describe('defaultValue', () => {
  const always = defaultValue({ kind: 'default', value: 'INR', when: ['missing', 'null', 'empty'] })

  it('stands in for nothing, null, blank text and an empty list', () => {
    for (const absent of [undefined, null, '', '  ', []]) expect(runStep(always, absent).value).toBe('INR')
  })

  it('keeps a present value, 0 and false included', () => {
    expect(runStep(always, 0).value).toBe(0)
    expect(runStep(always, false).value).toBe(false)
  })

  it('applies only in the chosen cases', () => {
    const whenMissing = defaultValue({ kind: 'default', value: 1, when: ['missing'] })
    expect(runStep(whenMissing, undefined).value).toBe(1)
    expect(runStep(whenMissing, null).value).toBeNull()
  })
})

describe('absence', () => {
  it('names how a value is absent', () => {
    expect([undefined, null, ' ', [], 'x', 0].map(absence)).toEqual([
      'missing',
      'null',
      'empty',
      'empty',
      undefined,
      undefined
    ])
  })
})
