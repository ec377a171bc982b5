import { describe, expect, it } from 'vitest'
import { maskedValue } from '../../../../main/listener/maskCredentials'
import { redactedValue } from '../../../../main/listener/redactCapture'
import { defaultRedaction } from '../../../../shared/model/listenerSettings'
import { listenerProjectPerTest, type ListenerProject } from './listenerProject'
import { answersIn, rawExchange } from './rawExchange'

const openWith = listenerProjectPerTest()
const open = () => openWith({ integrations: { shop: {} } })

/** The one JSON answer a raw exchange got, and the capture it names. */
function onlyAnswer(listener: ListenerProject, reply: string) {
  const answers = answersIn(reply)
  expect(answers).toHaveLength(1)
  const answer = answers[0]!
  return { answer, stored: listener.stored(answer) }
}

describe('valid requests Node would answer by itself, uncaptured', () => {
  it('captures and answers an HTTP/1.1 request without a Host header, as typed by hand', async () => {
    const listener = await open()
    const reply = await rawExchange(
      listener.listener.port,
      'POST /hooks/shop HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}'
    )
    const { answer, stored } = onlyAnswer(listener, reply)
    expect(answer).toMatchObject({ status: 200, json: { ok: true, status: 'ok' } })
    expect(stored).toMatchObject({ path: '/hooks/shop', integration: 'shop', status: 'ok', bodyKind: 'json' })
  })

  it('captures and answers a request that expects what the listener does not know (Expect other than 100-continue)', async () => {
    const listener = await open()
    const reply = await rawExchange(
      listener.listener.port,
      'POST /hooks/shop HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}'
    )
    const { answer, stored } = onlyAnswer(listener, reply)
    expect(answer).toMatchObject({ status: 200, json: { ok: true } })
    expect(stored).toMatchObject({ integration: 'shop', status: 'ok' })
    expect(stored.headers).toContainEqual(['Expect', '200-ok'])
  })
})

describe('requests that are not valid HTTP/1.1', () => {
  it('captures a request with an invalid method as invalid, answers in JSON with its id, masks its credentials', async () => {
    const listener = await open()
    const reply = await rawExchange(
      listener.listener.port,
      'FOO /hooks/shop?token=abc&x=1 HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer s3cret\r\n\r\n'
    )
    const { answer, stored } = onlyAnswer(listener, reply)
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'malformed_request' } })
    expect(String((answer.json.error as { message: string }).message)).toMatch(/not valid HTTP\/1\.1: Invalid method/)
    expect(stored).toMatchObject({
      method: 'FOO',
      path: '/hooks/shop',
      integration: 'shop',
      status: 'invalid',
      responseStatus: 400,
      bodyKind: 'none',
      body: null,
      query: [
        ['token', maskedValue],
        ['x', '1']
      ]
    })
    expect(stored.headers).toContainEqual(['Authorization', `Bearer ${maskedValue}`])
    expect(JSON.stringify(stored)).not.toContain('s3cret')
    expect((await listener.send('/after', { body: 'x' })).status).toBe(200)
  })

  it('redacts the query and headers of a malformed request as of any other, masking after', async () => {
    const listener = await openWith({ integrations: { shop: { redaction: { ...defaultRedaction, enabled: true } } } })
    const reply = await rawExchange(
      listener.listener.port,
      'FOO /hooks/shop?email=asha@example.com&x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'X-Customer-Email: asha@example.com\r\nAuthorization: Bearer s3cret\r\n\r\n'
    )
    const { stored } = onlyAnswer(listener, reply)
    expect(stored).toMatchObject({
      status: 'invalid',
      redacted: true,
      query: [
        ['email', redactedValue],
        ['x', '1']
      ],
      headers: [
        ['Host', '127.0.0.1'],
        ['X-Customer-Email', redactedValue],
        ['Authorization', `Bearer ${maskedValue}`]
      ]
    })
    expect(JSON.stringify(stored)).not.toMatch(/asha|s3cret/)
  })

  it('captures a CONNECT (the listener taken for a proxy) and refuses it in JSON with 501', async () => {
    const listener = await open()
    const reply = await rawExchange(
      listener.listener.port,
      'CONNECT api.example.com:443 HTTP/1.1\r\nHost: api.example.com:443\r\nProxy-Authorization: Basic czNjcmV0\r\n\r\n'
    )
    const { answer, stored } = onlyAnswer(listener, reply)
    expect(answer.status).toBe(501)
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'tunnel_not_supported' } })
    expect(stored).toMatchObject({ method: 'CONNECT', status: 'invalid', responseStatus: 501, integration: null })
    expect(stored.headers).toContainEqual(['Proxy-Authorization', `Basic ${maskedValue}`])
    expect((await listener.send('/after', { body: 'x' })).status).toBe(200)
  })

  it('names the request whose target holds a space, and says how to write its URL', async () => {
    const listener = await open()
    const reply = await rawExchange(
      listener.listener.port,
      'POST /hooks/shop?q=a b HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}'
    )
    const { answer, stored } = onlyAnswer(listener, reply)
    expect(answer.status).toBe(400)
    expect(String((answer.json.error as { message: string }).message)).toContain('percent-encode spaces (%20)')
    expect(stored).toMatchObject({ method: 'POST', path: '/hooks/shop', integration: 'shop', query: [['q', 'a b']] })
  })

  it('shows a target sent with raw UTF-8 as its characters', async () => {
    const listener = await open()
    const reply = await rawExchange(listener.listener.port, Buffer.from('POST /café HTTP/1.1\r\nHost: a\r\n\r\n'))
    const { answer, stored } = onlyAnswer(listener, reply)
    expect(answer.status).toBe(400)
    expect(stored).toMatchObject({ method: 'POST', path: '/café', status: 'invalid' })
  })

  it('answers headers over 64 KiB with 431 in JSON, and captures that it happened', async () => {
    const listener = await open()
    const reply = await rawExchange(
      listener.listener.port,
      `POST /hooks/shop HTTP/1.1\r\nHost: a\r\nCookie: ${'c'.repeat(70 * 1024)}\r\nContent-Length: 2\r\n\r\n{}`
    )
    const { answer, stored } = onlyAnswer(listener, reply)
    expect(answer.status).toBe(431)
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'headers_too_large' } })
    // Its request line came in an earlier read than the one the parser gave up on: the capture may not know it.
    expect(stored).toMatchObject({ status: 'invalid', responseStatus: 431, bodyKind: 'none' })
  })

  it('keeps every header of a request with thousands of them, and reads its Content-Type', async () => {
    const listener = await open()
    const many = Array.from({ length: 2_500 }, (_, index) => `X-H${index}: v`).join('\r\n')
    const reply = await rawExchange(
      listener.listener.port,
      `POST /hooks/shop HTTP/1.1\r\nHost: a\r\n${many}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n` +
        'Connection: close\r\n\r\n{}'
    )
    const { answer, stored } = onlyAnswer(listener, reply)
    expect(answer.status).toBe(200)
    expect(stored.headers).toHaveLength(2_504)
    expect(stored).toMatchObject({ contentType: 'application/json', bodyKind: 'json', status: 'ok' })
  })

  it('says so when a TLS handshake reaches the plain http listener', async () => {
    const listener = await open()
    const reply = await rawExchange(listener.listener.port, Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00]))
    const { answer, stored } = onlyAnswer(listener, reply)
    expect(answer.status).toBe(400)
    expect(String((answer.json.error as { message: string }).message)).toMatch(/TLS handshake \(an https:\/\/ URL\)/)
    expect(stored).toMatchObject({ method: '?', path: '?', integration: null, status: 'invalid' })
  })

  it('answers in JSON a request that goes wrong in its body, after an answered one on the same connection', async () => {
    const listener = await open()
    const reply = await rawExchange(
      listener.listener.port,
      'POST /hooks/shop HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}' +
        'POST /hooks/shop?x=2 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'
    )
    const answers = answersIn(reply)
    expect(answers.map((answer) => answer.status)).toEqual([200, 400])
    const stored = listener.stored(answers[1]!)
    expect(stored).toMatchObject({ method: 'POST', path: '/hooks/shop', query: [['x', '2']], status: 'invalid' })
    expect(stored.statusReason).toMatch(/Invalid character in chunk size/)
  })

  it('refuses a request with two different Content-Length headers in JSON', async () => {
    const listener = await open()
    const reply = await rawExchange(
      listener.listener.port,
      'POST /hooks/shop HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'
    )
    const { answer, stored } = onlyAnswer(listener, reply)
    expect(answer.status).toBe(400)
    expect(stored.statusReason).toMatch(/Duplicate Content-Length/)
  })

  it('reads the refused request, not the one before it in the same packet, and keeps their order', async () => {
    const listener = await open()
    const reply = await rawExchange(
      listener.listener.port,
      'POST /hooks/shop?token=abc HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}' +
        'FOO /hooks/other?x=1 HTTP/1.1\r\nHost: b\r\n\r\n'
    )
    const answers = answersIn(reply)
    expect(answers.map((answer) => answer.status)).toEqual([200, 400])
    const [first, refused] = answers.map((answer) => listener.stored(answer))
    expect(refused).toMatchObject({ method: 'FOO', path: '/hooks/other', query: [['x', '1']], integration: null })
    expect(refused?.headers).toEqual([['Host', 'b']])
    expect(Number(refused?.id)).toBeGreaterThan(Number(first?.id))
  })

  it('answers a body over the limit once, with its 413, whatever the parser makes of the rest', async () => {
    const listener = await openWith({ integrations: { shop: {} }, bodyLimitBytes: 1024 })
    const reply = await rawExchange(
      listener.listener.port,
      `POST /hooks/shop HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n${'b'.repeat(2048)}\r\nzz\r\n`,
      { untilAnswered: true }
    )
    const answers = answersIn(reply)
    expect(answers.map((answer) => answer.status)).toEqual([413])
    expect(listener.captures.count()).toBe(1)
  })
})
