import { describe, expect, it } from 'vitest'
import { toBoolean } from '../../../../../shared/engine/transforms/toBoolean'
import { runStep } from './runStep'

describe('toBoolean', () => {
  it.each([
    ['true', true],
    ['YES', true],
    ['y', true],
    [1, true],
    ['on', true],
    ['false', false],
    ['No', false],
    [0, false],
    [false, false]
  ])('reads %j as %s', (input, output) => {
    expect(runStep(toBoolean, input).value).toBe(output)
  })

  it('refuses other words', () => {
    expect(runStep(toBoolean, 'maybe')).toEqual({
      value: undefined,
      reports: [expect.objectContaining({ code: 'type_mismatch' })]
    })
  })
})
