import { describe, expect, it } from 'vitest'
import { decodeText, lineAndColumn, percentDecode } from '../../../../../shared/engine/decode/textDecoding'
import { bytes } from '../fixtures/bodies'

describe('decodeText', () => {
  it('decodes UTF-8 without a problem', () => {
    expect(decodeText(bytes('₹ 499'))).toEqual({ text: '₹ 499' })
  })

  it('replaces invalid bytes and says so', () => {
    expect(decodeText(Uint8Array.from([0x61, 0xc3]))).toEqual({ text: 'a\ufffd', problem: expect.any(String) })
  })
})

describe('percentDecode', () => {
  it('decodes multi-byte escapes', () => {
    expect(percentDecode('%E2%82%B9')).toEqual({ text: '₹', malformed: false })
  })

  it('keeps characters outside escapes, astral ones included', () => {
    expect(percentDecode('😀%20x')).toEqual({ text: '😀 x', malformed: false })
  })

  it('flags a lone % and an escape that is not UTF-8', () => {
    expect(percentDecode('50%').malformed).toBe(true)
    expect(percentDecode('%FF').malformed).toBe(true)
  })
})

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 })
  })
})
