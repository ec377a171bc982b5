import { describe, expect, it } from 'vitest'
import { curlCommand, shellQuote } from '../../../../renderer/features/captures/curlCommand'
import type { CaptureDetail } from '../../../../shared/model/capture'

const capture: CaptureDetail = {
  id: '7',
  receivedAt: '2026-11-28T12:00:00.000Z',
  integrationId: 'i1',
  integration: 'booking-app',
  sourceEvent: 'be_reserved',
  method: 'POST',
  path: '/hooks/booking-app',
  contentType: 'application/json',
  size: 25,
  status: 'ok',
  statusReason: null,
  responseStatus: 200,
  verdict: 'not_checked',
  redacted: false,
  query: [['licenseCode', 'lic 1']],
  headers: [
    ['Host', '127.0.0.1:4890'],
    ['Content-Type', 'application/json'],
    ['Content-Length', '25']
  ],
  remoteAddress: '127.0.0.1',
  verification: { scheme: 'none', outcome: 'not_checked' },
  bodyKind: 'json',
  bodyBase64: btoa(`{"name":"O'Brien"}`),
  bodyText: `{"name":"O'Brien"}`,
  contentText: `{"name":"O'Brien"}`,
  parsed: { name: "O'Brien" },
  decodeError: null,
  decodeWarnings: [],
  replayable: true
}

describe('copy as curl', () => {
  it('quotes text for a shell, quotes included', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
  })

  it('aims the request at the listener with its headers (not the connection ones) and its body', () => {
    expect(curlCommand(capture, 'http://127.0.0.1:4890/')).toBe(
      `curl -X POST 'http://127.0.0.1:4890/hooks/booking-app?licenseCode=lic+1' -H 'Content-Type: application/json' --data-binary '{"name":"O'\\''Brien"}'`
    )
  })

  it('pipes a body that is not UTF-8 text in from base64, byte for byte', () => {
    const binary = { ...capture, query: [], headers: [], bodyText: null, bodyBase64: '/w==' }
    expect(curlCommand(binary, 'http://127.0.0.1:4890')).toBe(
      `printf %s '/w==' | base64 -d | curl -X POST 'http://127.0.0.1:4890/hooks/booking-app' --data-binary @-`
    )
  })
})
