import { brotliCompressSync, deflateSync, gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { captureDetail } from '../../../../main/listener/captureDetail'
import { redactedValue } from '../../../../main/listener/redactCapture'
import { defaultRedaction } from '../../../../shared/model/listenerSettings'
import { listenerProjectPerTest } from './listenerProject'

const open = listenerProjectPerTest()

const payload = { event_name: 'Added To Cart', product: 'Kolhapuri sandals', qty: 2 }
const text = JSON.stringify(payload)

describe('the webhook listener, given a content-coded body', () => {
  it('answers gzip-encoded JSON 200, keeps its bytes as received and reads its content', async () => {
    const listener = await open({ integrations: { shop: {} } })
    const body = gzipSync(text)
    const answer = await listener.send('/hooks/shop', {
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body
    })
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({ ok: true, status: 'ok' })
    const stored = listener.stored(answer)
    expect(stored.body?.equals(body)).toBe(true)
    expect(stored).toMatchObject({ status: 'ok', bodyKind: 'json', sourceEvent: 'Added To Cart', size: body.length })
    expect(stored.headers).toContainEqual(['Content-Encoding', 'gzip'])
    expect(captureDetail(stored)).toMatchObject({
      parsed: payload,
      contentText: text,
      bodyText: null,
      decodeError: null
    })
  })

  it('finds a gzip-encoded capture by a word inside its content', async () => {
    const listener = await open({ integrations: { shop: {} } })
    const answer = await listener.send('/hooks/shop', {
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync(text)
    })
    const found = listener.captures.list({ limit: 10, search: 'kolhapuri' })
    expect(found.items.map((item) => item.id)).toEqual([String(answer.json.id)])
  })

  it.each([
    ['br', brotliCompressSync],
    ['deflate', deflateSync]
  ])('reads JSON sent %s-encoded', async (contentEncoding, compress) => {
    const listener = await open({ integrations: { shop: {} } })
    const body = compress(text)
    const answer = await listener.send('/hooks/shop', {
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': contentEncoding },
      body
    })
    expect(answer.status).toBe(200)
    const stored = listener.stored(answer)
    expect(stored.body?.equals(body)).toBe(true)
    expect(captureDetail(stored).parsed).toEqual(payload)
  })

  it('answers JSON whose gzip coding is corrupt 400 invalid, saying why, and keeps what came', async () => {
    const listener = await open({ integrations: { shop: {} } })
    const body = gzipSync(text).subarray(0, 20)
    const answer = await listener.send('/hooks/shop', {
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body
    })
    const reason = 'The body is declared gzip-encoded but could not be decompressed: unexpected end of file'
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'unreadable_content_coding', message: reason } })
    const stored = listener.stored(answer)
    expect(stored).toMatchObject({ status: 'invalid', statusReason: reason })
    expect(stored.body?.equals(body)).toBe(true)
  })

  it('answers a body whose content is over the limit 413, however small its coded bytes, keeping none of it', async () => {
    const listener = await open({ integrations: { shop: {} }, bodyLimitBytes: 64 * 1024 })
    const bomb = gzipSync(`[${'1,'.repeat(200_000)}1]`)
    expect(bomb.length).toBeLessThan(4 * 1024)
    const answer = await listener.send('/hooks/shop', {
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: bomb
    })
    expect(answer.status).toBe(413)
    expect(listener.stored(answer)).toMatchObject({ status: 'oversize', body: null, bodyKind: 'none' })
    expect(listener.stored(answer).statusReason).toBe(
      "The body decompresses to more than this listener's limit of 64 KiB, so it was not kept."
    )
  })

  it('stores a redacted gzip body gzip-encoded, so its bytes agree with its Content-Encoding', async () => {
    const listener = await open({ integrations: { shop: { redaction: { ...defaultRedaction, enabled: true } } } })
    const answer = await listener.send('/hooks/shop', {
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ ...payload, email: 'asha.rao@example.com', password: 'hunter2' }))
    })
    expect(answer.status).toBe(200)
    const stored = listener.stored(answer)
    expect(stored.redacted).toBe(true)
    expect(JSON.parse(gunzipSync(stored.body ?? Buffer.alloc(0)).toString())).toEqual({
      ...payload,
      email: redactedValue,
      password: redactedValue
    })
    expect(captureDetail(stored).parsed).toMatchObject({ email: redactedValue, password: redactedValue })
  })
})
