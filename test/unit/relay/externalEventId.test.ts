import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { externalEventIds } from '../../../main/relay/externalEventId'

const body = new TextEncoder().encode('{"event_name":"Added To Cart"}')

describe('externalEventIds', () => {
  it("is WebEngage's x-request-id for the first output, with the output index after it for the others", () => {
    const idOf = externalEventIds([['X-Request-Id', '7C1E4B9A0D2F']], body)
    expect(idOf(0)).toBe('7C1E4B9A0D2F')
    expect(idOf(2)).toBe('7C1E4B9A0D2F-2')
  })

  it('is a hash of the body and the output index without x-request-id, the same every time', () => {
    const first = externalEventIds([], body)(0)
    expect(first).toMatch(/^[0-9a-f]{32}$/)
    expect(externalEventIds([], body)(0)).toBe(first)
    expect(externalEventIds([], body)(1)).not.toBe(first)
    expect(externalEventIds([], new TextEncoder().encode('{}'))(0)).not.toBe(first)
  })

  it('keeps the keys of earlier versions, sha256 of the body, a newline and the index, for every output', () => {
    const idOf = externalEventIds([], body)
    for (const index of [0, 1, 39_999]) {
      const expected = createHash('sha256').update(body).update(`\n${index}`).digest('hex').slice(0, 32)
      expect(idOf(index)).toBe(expected)
    }
  })
})
