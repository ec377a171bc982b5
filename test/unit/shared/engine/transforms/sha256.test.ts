import { describe, expect, it } from 'vitest'
import { sha256 } from '../../../../../shared/engine/transforms/sha256'
import { runStep } from './runStep'

describe('sha256', () => {
  it('hashes UTF-8 text to lower-case hex (FIPS 180-4 test vector)', () => {
    expect(runStep(sha256, 'abc').value).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('hashes numbers as their text', () => {
    expect(runStep(sha256, 919845012345).value).toBe(runStep(sha256, '919845012345').value)
  })

  it('passes nothing and objects', () => {
    expect(runStep(sha256, undefined).value).toBeUndefined()
  })
})
