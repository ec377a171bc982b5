import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { captureDetail } from '../../../../main/listener/captureDetail'
import type { StoredCapture } from '../../../../main/store/CaptureRepository'
import type { NameValue } from '../../../../shared/model/capture'

function stored(body: Buffer | null, contentType: string, headers: NameValue[] = []): StoredCapture {
  return {
    id: '1',
    receivedAt: '2026-11-29T08:00:00.000Z',
    integrationId: null,
    integration: null,
    sourceEvent: null,
    method: 'POST',
    path: '/x',
    contentType,
    size: body?.length ?? 0,
    status: 'ok',
    statusReason: null,
    responseStatus: 200,
    verdict: 'not_checked',
    redacted: false,
    query: [],
    headers: [['Content-Type', contentType], ...headers],
    remoteAddress: '127.0.0.1',
    verification: { scheme: 'none', outcome: 'not_checked' },
    bodyKind: 'json',
    body
  }
}

describe('captureDetail', () => {
  it('shows a gzip-encoded body by its content, and keeps its stored bytes as they came', () => {
    const body = gzipSync('{"event_name":"gz","v":1}')
    const detail = captureDetail(stored(body, 'application/json', [['Content-Encoding', 'gzip']]))
    expect(detail).toMatchObject({
      contentText: '{"event_name":"gz","v":1}',
      bodyText: null,
      parsed: { event_name: 'gz', v: 1 },
      decodeError: null,
      bodyBase64: body.toString('base64')
    })
  })

  it('says why a body whose coding cannot be removed has no parsed view, and shows no text for it', () => {
    const detail = captureDetail(stored(Buffer.from('not gzip'), 'text/plain', [['content-encoding', 'gzip']]))
    expect(detail).toMatchObject({
      contentText: null,
      bodyText: 'not gzip',
      parsed: null,
      decodeError: 'The body is declared gzip-encoded but could not be decompressed: incorrect header check'
    })
  })

  it('names what the decoders noted: bytes not valid UTF-8 replaced, the first few big integers kept exact', () => {
    const latin1 = captureDetail(stored(Buffer.from('{"event_name":"café"}', 'latin1'), 'application/json'))
    expect(latin1).toMatchObject({ decodeError: null, parsed: { event_name: 'caf\ufffd' } })
    expect(latin1.decodeWarnings).toEqual([expect.stringContaining('not valid UTF-8')])
    const ids = Array.from({ length: 8 }, (_, index) => `9007199254740993${index}`)
    const big = captureDetail(stored(Buffer.from(`[${ids.join(',')}]`), 'application/json'))
    expect(big.decodeWarnings).toHaveLength(6)
    expect(big.decodeWarnings[0]).toContain(ids[0])
    expect(big.decodeWarnings[5]).toBe('And 3 more like these.')
    expect(captureDetail(stored(Buffer.from('{"a":1}'), 'application/json')).decodeWarnings).toEqual([])
  })

  it('reads the text in its declared charset', () => {
    const body = Buffer.from('{"city":"Besançon","note":"Grüße"}', 'latin1')
    const detail = captureDetail(stored(body, 'application/json; charset=iso-8859-1'))
    expect(detail.contentText).toBe('{"city":"Besançon","note":"Grüße"}')
    // The raw view is the bytes as they came: Latin-1 is not UTF-8.
    expect(detail.bodyText).toBeNull()
    expect(detail.parsed).toEqual({ city: 'Besançon', note: 'Grüße' })
  })

  it('shows no text for bytes that are not text', () => {
    const body = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0x9f, 0x92])
    const detail = captureDetail(stored(body, 'application/octet-stream'))
    expect([detail.contentText, detail.bodyText]).toEqual([null, null])
    expect(detail.bodyBase64).toBe(body.toString('base64'))
  })

  it('shows UTF-8 text whose declared charset is unknown here', () => {
    expect(captureDetail(stored(Buffer.from('héllo'), 'text/plain; charset=x-unknown')).contentText).toBe('héllo')
  })
})
