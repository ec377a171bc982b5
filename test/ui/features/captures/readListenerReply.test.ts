import { describe, expect, it } from 'vitest'
import { httpStatusText, readListenerReply } from '../../../../renderer/features/captures/readListenerReply'

describe('reading the listener’s answer', () => {
  it('reads a refusal: the capture it made and why it refused', () => {
    expect(
      readListenerReply(
        '{"ok":false,"id":"17","error":{"code":"invalid_json","message":"Invalid JSON at line 1, column 1: JSON value expected but got \'n\'"}}'
      )
    ).toEqual({
      captureId: '17',
      error: { code: 'invalid_json', message: "Invalid JSON at line 1, column 1: JSON value expected but got 'n'" },
      message: null
    })
  })

  it('reads an acceptance, with the note on an unmatched path', () => {
    expect(readListenerReply('{"ok":true,"id":"12","status":"ok"}')).toEqual({
      captureId: '12',
      error: null,
      message: null
    })
    expect(
      readListenerReply('{"ok":true,"id":"13","status":"unmatched","message":"No integration listens at /hooks/x."}')
    ).toMatchObject({ captureId: '13', message: 'No integration listens at /hooks/x.' })
  })

  it('reads a refusal made before any capture (no id)', () => {
    expect(readListenerReply('{"ok":false,"error":{"code":"body_too_large","message":"Over 5 MB."}}')).toEqual({
      captureId: null,
      error: { code: 'body_too_large', message: 'Over 5 MB.' },
      message: null
    })
  })

  it('gives up on an answer that is not the listener’s, so the raw text is shown', () => {
    expect(readListenerReply('<html>Bad gateway</html>')).toBeNull()
    expect(readListenerReply('{"status":"ok"}')).toBeNull()
    expect(readListenerReply('[1,2]')).toBeNull()
  })

  it('says a status with its reason phrase', () => {
    expect(httpStatusText(400)).toBe('400 Bad Request')
    expect(httpStatusText(200)).toBe('200 OK')
    expect(httpStatusText(299)).toBe('299')
  })
})
