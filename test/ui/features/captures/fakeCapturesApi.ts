import { vi } from 'vitest'
import { fail, ok, type Result } from '../../../../shared/api/result'
import type { RequestInput } from '../../../../shared/api/contract'
import type { CaptureDetail, CaptureSummary } from '../../../../shared/model/capture'
import type { CaptureReplay, CaptureShape, CaptureView, PayloadSample } from '../../../../shared/model/captureInbox'

/** A capture summary numbered `id`, newest having the highest id, as main lists them. */
export function summary(id: number, overrides: Partial<CaptureSummary> = {}): CaptureSummary {
  return {
    id: String(id),
    receivedAt: new Date(Date.UTC(2026, 10, 28, 12, 0, id)).toISOString(),
    integrationId: 'i-booking',
    integration: 'booking-app',
    sourceEvent: 'be_reserved',
    method: 'POST',
    path: '/hooks/booking-app',
    contentType: 'application/json',
    size: 20,
    status: 'ok',
    statusReason: null,
    responseStatus: 200,
    verdict: 'not_checked',
    redacted: false,
    ...overrides
  }
}

function detailOf(capture: CaptureSummary): CaptureDetail {
  const text = `{"n":${capture.id}}`
  return {
    ...capture,
    query: [],
    headers: [['Content-Type', 'application/json']],
    remoteAddress: '127.0.0.1',
    verification: { scheme: 'none', outcome: 'not_checked' },
    bodyKind: 'json',
    bodyBase64: btoa(text),
    bodyText: text,
    contentText: text,
    parsed: { n: Number(capture.id) },
    decodeError: null,
    decodeWarnings: [],
    replayable: true
  }
}

function viewOf(capture: CaptureSummary): CaptureView {
  const { bodyBase64: _bytes, bodyText, contentText: _content, parsed, ...rest } = detailOf(capture)
  const pretty = JSON.stringify(parsed, null, 2)
  return {
    ...rest,
    hasBody: true,
    isText: true,
    decoded: { text: pretty, language: 'json', totalChars: pretty.length },
    raw: { text: bodyText ?? '', language: 'plaintext', totalChars: bodyText?.length ?? 0 },
    signedAs: capture.integrationId === null ? null : 'hmac-sha256'
  }
}

/**
 * An in-memory stand-in for the inbox part of the api (our own interface): keyset paging newest first, search as a
 * substring of the source event, delete into a trash that undo restores.
 */
export function fakeCapturesApi(initial: CaptureSummary[]) {
  let captures = [...initial].sort((a, b) => Number(b.id) - Number(a.id))
  const trash = new Map<string, CaptureSummary[]>()
  let undoCounter = 0
  const samples: PayloadSample[] = []
  return {
    add(capture: CaptureSummary) {
      captures = [capture, ...captures].sort((a, b) => Number(b.id) - Number(a.id))
    },
    listCaptures: vi.fn(async (query: RequestInput<'listCaptures'> = {}) => {
      const matching = captures.filter(
        (capture) =>
          (query.cursor === undefined || Number(capture.id) < Number(query.cursor)) &&
          (query.integrationId === undefined || capture.integrationId === query.integrationId) &&
          (query.statuses === undefined || query.statuses.includes(capture.status)) &&
          (query.search === undefined || (capture.sourceEvent ?? '').includes(query.search))
      )
      const limit = query.limit ?? 100
      const items = matching.slice(0, limit)
      const last = items.at(-1)
      return ok({ items, nextCursor: items.length === limit && last ? last.id : null })
    }),
    getCapture: vi.fn(async ({ id }: RequestInput<'getCapture'>) => {
      const found = captures.find((capture) => capture.id === id)
      return found ? ok(detailOf(found)) : fail<CaptureDetail>('not_found', 'That capture no longer exists.')
    }),
    getCaptureView: vi.fn(async ({ id }: RequestInput<'getCaptureView'>) => {
      const found = captures.find((capture) => capture.id === id)
      return found ? ok(viewOf(found)) : fail<CaptureView>('not_found', 'That capture no longer exists.')
    }),
    discardCaptures: vi.fn(async (selection: RequestInput<'discardCaptures'>) => {
      const ids = new Set('ids' in selection ? selection.ids : captures.map((capture) => capture.id))
      const gone = captures.filter((capture) => ids.has(capture.id))
      captures = captures.filter((capture) => !ids.has(capture.id))
      const undoId = `undo-${++undoCounter}`
      trash.set(undoId, gone)
      return ok({ deleted: gone.length, undoId: gone.length > 0 ? undoId : null })
    }),
    restoreCaptures: vi.fn(async ({ undoId }: RequestInput<'restoreCaptures'>) => {
      const back = trash.get(undoId)
      if (!back) return fail<{ restored: number }>('not_found', 'Those captures can no longer be put back.')
      trash.delete(undoId)
      captures = [...captures, ...back].sort((a, b) => Number(b.id) - Number(a.id))
      return ok({ restored: back.length })
    }),
    replayCapture: vi.fn(async ({ id }: RequestInput<'replayCapture'>): Promise<Result<CaptureReplay>> =>
      ok({ captureId: id, integration: null, decodeError: null, mappings: [], message: 'No mapping.' })
    ),
    resendCapture: vi.fn(async ({ mode }: RequestInput<'resendCapture'>) =>
      ok({ status: 200, body: '{"ok":true}', url: 'http://127.0.0.1:4890/hooks/booking-app', note: mode })
    ),
    sendTestPayload: vi.fn(async () =>
      ok({ status: 200, body: '{"ok":true}', url: 'http://127.0.0.1:4890/hooks/booking-app', note: null })
    ),
    listPayloadSamples: vi.fn(async () => ok([...samples])),
    saveCaptureAsSample: vi.fn(async ({ captureId, name }: RequestInput<'saveCaptureAsSample'>) => {
      const sample: PayloadSample = {
        id: `s-${captureId}`,
        name,
        origin: 'saved',
        contentType: 'application/json',
        body: `{"n":${captureId}}`,
        integrationId: 'i-booking',
        createdAt: '2026-11-28T12:00:00.000Z'
      }
      samples.push(sample)
      return ok(sample)
    }),
    replayDeliveries: vi.fn(async (selection: RequestInput<'replayDeliveries'>) =>
      ok({ requeued: 'ids' in selection ? selection.ids.length : 0 })
    ),
    getCaptureShape: vi.fn(async ({ integrationId }: RequestInput<'getCaptureShape'>) =>
      ok<CaptureShape>({
        integrationId,
        captureCount: captures.length,
        schema: { payloadCount: captures.length, fields: [] },
        drift: []
      })
    )
  }
}

/** A replay of capture `captureId` from the Hotel booking app onto be_reserved, with the outputs and diagnostics given. */
export const bookingReplay = (
  captureId: string,
  mapping: Pick<CaptureReplay['mappings'][number], 'valid' | 'outputs' | 'diagnostics'>
): CaptureReplay => ({
  captureId,
  integration: { id: 'i-booking', name: 'Hotel booking app' },
  decodeError: null,
  message: null,
  mappings: [{ mappingId: 'm1', eventId: 'e1', eventName: 'be_reserved', matched: true, ...mapping }]
})
