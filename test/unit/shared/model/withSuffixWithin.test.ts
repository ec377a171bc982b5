import { describe, expect, it } from 'vitest'
import { withSuffixWithin } from '../../../../shared/model/withSuffixWithin'

describe('withSuffixWithin', () => {
  it('adds the suffix to a name that leaves room for it', () => {
    expect(withSuffixWithin('room_reserved', '_v2', 200)).toBe('room_reserved_v2')
    expect(withSuffixWithin('abcd', '-2', 6)).toBe('abcd-2')
  })

  it('cuts a name at the limit short to make room, never inside a character nor before a dangling separator', () => {
    expect(withSuffixWithin('abcdef', '-2', 6)).toBe('abcd-2')
    expect(withSuffixWithin('abc-def', '-2', 6)).toBe('abc-2')
    expect(withSuffixWithin('ab😀cd', ' (2)', 7)).toBe('ab (2)')
    expect(withSuffixWithin('ab😀cd', ' (2)', 8)).toBe('ab😀 (2)')
  })
})
