import { describe, expect, it } from 'vitest'
import { externalEventId } from '../../../main/relay/externalEventId'

const body = new TextEncoder().encode('{"event_name":"Added To Cart"}')

describe('externalEventId', () => {
  it("is WebEngage's x-request-id for the first output, with the output index after it for the others", () => {
    const headers: [string, string][] = [['X-Request-Id', '7C1E4B9A0D2F']]
    expect(externalEventId(headers, body, 0)).toBe('7C1E4B9A0D2F')
    expect(externalEventId(headers, body, 2)).toBe('7C1E4B9A0D2F-2')
  })

  it('is a hash of the body and the output index without x-request-id, the same every time', () => {
    const first = externalEventId([], body, 0)
    expect(first).toMatch(/^[0-9a-f]{32}$/)
    expect(externalEventId([], body, 0)).toBe(first)
    expect(externalEventId([], body, 1)).not.toBe(first)
    expect(externalEventId([], new TextEncoder().encode('{}'), 0)).not.toBe(first)
  })
})
