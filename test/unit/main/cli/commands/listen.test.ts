import { describe, expect, it } from 'vitest'
import { captureLine } from '../../../../../main/cli/commands/listen'
import { malformedCapture } from '../../../../../main/listener/malformedRequest'
import type { CaptureSummary } from '../../../../../shared/model/capture'

/** Every character a terminal may act on: C0, DEL, C1 and the bidi controls. */
const actedOn = /[\p{Cc}\p{Bidi_Control}]/u

function summary(overrides: Partial<CaptureSummary>): CaptureSummary {
  return {
    id: '7',
    receivedAt: '2026-11-29T08:00:00.000Z',
    integrationId: null,
    integration: null,
    sourceEvent: null,
    method: 'POST',
    path: '/hooks/shop',
    contentType: 'application/json',
    size: 10,
    status: 'ok',
    statusReason: null,
    responseStatus: 200,
    verdict: 'not_checked',
    redacted: false,
    ...overrides
  }
}

const refuseSecret = (): never => {
  throw new Error('A refused request is never verified.')
}

describe('captureLine', () => {
  it('prints an ordinary capture as it was', () => {
    expect(captureLine(summary({}))).toBe(
      '2026-11-29T08:00:00.000Z  200  ok         POST /hooks/shop  application/json  10 bytes  7'
    )
  })

  it('says why, when the capture has a reason, cutting a long one', () => {
    expect(
      captureLine(summary({ status: 'invalid', responseStatus: 400, statusReason: 'Invalid JSON at line 1.' }))
    ).toBe(
      '2026-11-29T08:00:00.000Z  400  invalid    POST /hooks/shop  application/json  10 bytes  7  Invalid JSON at line 1.'
    )
    const long = captureLine(summary({ statusReason: `${'a'.repeat(159)}😀 and more` }))
    expect(long.endsWith(`  7  ${'a'.repeat(159)}…`)).toBe(true)
  })

  it('shows the escape sequences in a path and a content type instead of sending them to the terminal', () => {
    const line = captureLine(
      summary({
        status: 'invalid',
        responseStatus: 400,
        method: 'GET',
        path: '/\u001b[2J\u001b]0;owned\u0007',
        contentType: 'text/plain\u001b[31mRED'
      })
    )
    expect(line).toBe(
      '2026-11-29T08:00:00.000Z  400  invalid    GET /\\x1b[2J\\x1b]0;owned\\x07  text/plain\\x1b[31mRED  10 bytes  7'
    )
    expect(line).not.toMatch(actedOn)
  })

  it('shows C1 controls and bidi overrides in the method, path and content type as escapes', () => {
    const line = captureLine(
      summary({ method: 'P\u009b2JOST', path: '/hooks/\u202ekcah\u202c', contentType: 'text/\u2066plain\u2069\u0085' })
    )
    expect(line).toBe(
      '2026-11-29T08:00:00.000Z  200  ok         P\\x9b2JOST /hooks/\\u202ekcah\\u202c  text/\\u2066plain\\u2069\\x85  10 bytes  7'
    )
    expect(line).not.toMatch(actedOn)
  })

  it('shows a request Node refused as its raw bytes read, escapes visible', () => {
    const raw = Buffer.from(
      'GET /\u001b[2J\u001b]0;owned\u0007 HTTP/1.1\r\nContent-Type: text/plain\u001b[31mRED\r\n\r\n',
      'latin1'
    )
    const { capture } = malformedCapture(
      {
        rawPacket: raw,
        failedAt: 5,
        code: 'HPE_INVALID_URL',
        message: 'Parse Error: Invalid URL',
        remoteAddress: '127.0.0.1',
        receivedAt: new Date('2026-11-29T08:00:00.000Z')
      },
      { routeFor: () => undefined, secretFor: refuseSecret, bodyLimitBytes: 1024 }
    )
    const { method, path, contentType, size, status, responseStatus } = capture
    const line = captureLine(summary({ method, path, contentType, size, status, responseStatus }))
    expect(line).toBe(
      '2026-11-29T08:00:00.000Z  400  invalid    GET /\\x1b[2J\\x1b]0;owned\\x07  text/plain\\x1b[31mRED  0 bytes  7'
    )
  })
})
