import { describe, expect, it } from 'vitest'
import { mask } from '../../../../../shared/engine/transforms/mask'
import { runStep } from './runStep'

describe('mask', () => {
  it('keeps the last four characters by default', () => {
    expect(runStep(mask({ kind: 'mask', keepStart: 0, keepEnd: 4, character: '*' }), '919845012345').value).toBe(
      '********2345'
    )
  })

  it('keeps a start and uses the given character', () => {
    expect(runStep(mask({ kind: 'mask', keepStart: 2, keepEnd: 2, character: '#' }), 'abcdefg').value).toBe('ab###fg')
  })

  it('hides all of a value too short to hide anything otherwise', () => {
    expect(runStep(mask({ kind: 'mask', keepStart: 0, keepEnd: 4, character: '*' }), '1234').value).toBe('****')
  })

  it('counts characters, not UTF-16 units', () => {
    expect(runStep(mask({ kind: 'mask', keepStart: 1, keepEnd: 0, character: '*' }), '😀😀😀').value).toBe('😀**')
  })
})
