import type { NewCapture } from '../../../main/store/CaptureRepository'

/**
 * A JSON POST as the listener hands it to the store, its body the text given: by default one that no integration
 * holds and that passed every check; `overrides` says otherwise.
 */
export function jsonCapture(text: string, overrides: Partial<NewCapture> = {}): NewCapture {
  const body = Buffer.from(text)
  return {
    receivedAt: '2026-11-28T10:00:00.000Z',
    integrationId: null,
    integrationSlug: null,
    sourceEvent: null,
    method: 'POST',
    path: '/hooks/shop',
    contentType: 'application/json',
    size: body.length,
    status: 'ok',
    statusReason: null,
    responseStatus: 200,
    verification: { scheme: 'none', outcome: 'not_checked' },
    redacted: false,
    bodyKind: 'json',
    remoteAddress: '127.0.0.1',
    query: [],
    headers: [['Content-Type', 'application/json']],
    body,
    ...overrides
  }
}
