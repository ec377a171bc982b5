import { createHash, createHmac } from 'node:crypto'
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { buildCapture, splitTarget } from '../../../../main/listener/buildCapture'
import { formatBytes } from '../../../../shared/model/formatBytes'
import { slugOfPath } from '../../../../main/listener/IntegrationRoutes'
import { maskedValue } from '../../../../main/listener/maskCredentials'
import { redactedValue } from '../../../../main/listener/redactCapture'
import { defaultCaptureRules } from '../../../../main/store/ListenerSettingsRepository'
import { defaultRedaction } from '../../../../shared/model/listenerSettings'
import { decodeBody } from '../../../../shared/engine/decode'
import { maxJsonDepth } from '../../../../shared/engine/decode/jsonNesting'

describe('splitTarget', () => {
  it('splits a path from its query, keeping the path as sent and decoding the parameters', () => {
    expect(splitTarget('/hooks/we?eventType=Added%20To+Cart&secret=a%2Bb&flag')).toEqual({
      pathname: '/hooks/we',
      query: [
        ['eventType', 'Added To Cart'],
        ['secret', 'a+b'],
        ['flag', '']
      ]
    })
    expect(splitTarget('/a%20b/c')).toEqual({ pathname: '/a%20b/c', query: [] })
  })

  it('reads an absolute-form target and drops a fragment', () => {
    expect(splitTarget('http://example.com:8080/hooks/x?a=1#frag')).toEqual({
      pathname: '/hooks/x',
      query: [['a', '1']]
    })
    expect(splitTarget('/hooks/x#a?b=1')).toEqual({ pathname: '/hooks/x', query: [] })
  })

  it('gives an empty target the root path', () => {
    expect(splitTarget('?a=1')).toEqual({ pathname: '/', query: [['a', '1']] })
    expect(splitTarget('http://example.com')).toEqual({ pathname: '/', query: [] })
  })
})

describe('slugOfPath', () => {
  it('reads the slug of /hooks/<slug>, a trailing slash allowed, nothing deeper', () => {
    expect(['/hooks/shop', '/hooks/shop/', '/hooks/shop/x', '/hooks/', '/hook/shop', '/'].map(slugOfPath)).toEqual([
      'shop',
      'shop',
      undefined,
      undefined,
      undefined,
      undefined
    ])
  })
})

describe('formatBytes', () => {
  it('says sizes in bytes, KiB or MiB', () => {
    expect([512, 2048, 5 * 1024 * 1024, 1536 * 1024].map(formatBytes)).toEqual([
      '512 bytes',
      '2 KiB',
      '5 MiB',
      '1.5 MiB'
    ])
  })
})

describe('buildCapture', () => {
  const context = {
    routeFor: () => ({ ...defaultCaptureRules, integrationId: 'i1', slug: 'shop', eventNameField: 'event_name' }),
    secretFor: () => ({ secret: undefined }),
    bodyLimitBytes: 1024 * 1024
  }
  const received = (body: unknown) => ({
    method: 'POST',
    url: '/hooks/shop',
    rawHeaders: ['Content-Type', 'application/json'],
    remoteAddress: '127.0.0.1',
    receivedAt: new Date('2026-11-29T08:00:00.000Z'),
    body: Buffer.from(JSON.stringify(body)),
    size: Buffer.byteLength(JSON.stringify(body))
  })

  it('keeps at most 200 characters of the source event, never half of one', () => {
    const long = buildCapture(received({ event_name: `${'a'.repeat(199)}😀tail` }), context)
    expect(long.capture.sourceEvent).toBe('a'.repeat(199))
    expect(buildCapture(received({ event_name: 'Added To Cart' }), context).capture.sourceEvent).toBe('Added To Cart')
  })

  it('answers JSON nested deeper than the engine reads 400 invalid, as every later reader of it would find it', () => {
    const nested = (depth: number) => ({
      ...received({}),
      body: Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)
    })
    const deep = buildCapture(nested(maxJsonDepth + 1), context)
    expect(deep.answer.status).toBe(400)
    expect(deep.capture.status).toBe('invalid')
    expect(deep.capture.statusReason).toBe('Invalid JSON: it nests deeper than 2,000 levels, too deep to be read')
    expect(decodeBody(deep.capture.body!, 'application/json').error).toBe(deep.capture.statusReason)
    expect(buildCapture(nested(maxJsonDepth), context).answer.status).toBe(200)
  })

  it("records WebEngage's verdict on a body over the limit, which its query alone gives, and still answers 413", () => {
    const webengage = {
      ...context,
      routeFor: () => ({
        ...defaultCaptureRules,
        verification: { scheme: 'webengage' as const },
        integrationId: 'i1',
        slug: 'we',
        eventNameField: 'event_name'
      }),
      secretFor: () => ({ secret: 'k3y' })
    }
    const secret = createHash('md5').update('~lic:k3y').digest('hex')
    const over = (query: string) => ({ ...received({}), url: `/hooks/we?${query}`, body: undefined, size: 6_000_000 })
    const signed = buildCapture(over(`licenseCode=~lic&secret=${secret}`), webengage)
    expect(signed.answer.status).toBe(413)
    expect(signed.capture).toMatchObject({
      status: 'oversize',
      verification: { scheme: 'webengage', outcome: 'verified' }
    })
    const forged = buildCapture(over('licenseCode=~lic&secret=nope'), webengage)
    expect(forged.answer.status).toBe(413)
    expect(forged.capture.verification).toMatchObject({ outcome: 'failed' })
  })

  it('stores credential query parameters and headers masked, however spelt', () => {
    const request = {
      ...received({}),
      url: '/hooks/shop?private_key=PK&auth_key=AK&pwd=pw&jwt=eyJhbGciOiJIUzI1NiJ9.e30.sig&licenseCode=~10a5cb78d',
      rawHeaders: ['Content-Type', 'application/json', 'X-Private-Key', 'PK-123', 'X-Api_Key', 'AK']
    }
    const { capture } = buildCapture(request, context)
    expect(capture.query).toEqual([
      ['private_key', maskedValue],
      ['auth_key', maskedValue],
      ['pwd', maskedValue],
      ['jwt', maskedValue],
      ['licenseCode', '~10a5cb78d']
    ])
    expect(capture.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Private-Key', maskedValue],
      ['X-Api_Key', maskedValue]
    ])
    expect(capture.redacted).toBe(false)
  })

  describe('with redaction on', () => {
    const redaction = { ...defaultRedaction, enabled: true }
    const signed = {
      ...context,
      routeFor: () => ({
        ...context.routeFor(),
        redaction,
        verification: { scheme: 'hmac-sha256' as const, header: 'X-Sig', encoding: 'hex' as const, prefix: '' }
      }),
      secretFor: () => ({ secret: 'k' })
    }
    const withHeaders = (rawHeaders: string[], body: unknown = { event_name: 'order' }) => {
      const request = received(body)
      const signature = createHmac('sha256', 'k').update(request.body).digest('hex')
      return { ...request, rawHeaders: [...rawHeaders, 'X-Sig', signature] }
    }

    it('redacts header values by shape and name, masks after, the verdict taken before', () => {
      const { capture } = buildCapture(
        withHeaders([
          'Host',
          '127.0.0.1:4890',
          'Date',
          'Sun, 29 Nov 2026 16:00:00 GMT',
          'Content-Type',
          'application/json',
          'X-Customer-Email',
          'asha@example.com',
          'X-Card',
          '4111 1111 1111 1111',
          'X-Otp',
          '1234',
          'Authorization',
          'Basic ZGVtbzpzZWNyZXQ='
        ]),
        signed
      )
      expect(capture.verification.outcome).toBe('verified')
      expect(capture.headers).toEqual([
        ['Host', '127.0.0.1:4890'],
        ['Date', 'Sun, 29 Nov 2026 16:00:00 GMT'],
        ['Content-Type', 'application/json'],
        ['X-Customer-Email', redactedValue],
        ['X-Card', redactedValue],
        ['X-Otp', redactedValue],
        ['Authorization', `Basic ${maskedValue}`],
        ['X-Sig', maskedValue]
      ])
    })

    it('leaves a capture whose headers alone were redacted unmarked: its body is as sent, to map and relay', () => {
      const { capture } = buildCapture(withHeaders(['X-Customer-Email', 'asha@example.com']), signed)
      expect(capture).toMatchObject({ redacted: false, status: 'ok' })
      expect(capture.headers).toContainEqual(['X-Customer-Email', redactedValue])
      expect(capture.body).toEqual(received({ event_name: 'order' }).body)
    })

    it('redacts the headers of a request over the limit', () => {
      const request = { ...withHeaders(['X-Customer-Email', 'asha@example.com']), body: undefined }
      const { capture } = buildCapture(request, signed)
      expect(capture.status).toBe('oversize')
      expect(capture.headers).toContainEqual(['X-Customer-Email', redactedValue])
    })
  })

  describe('a content-coded body', () => {
    const coded = (body: Buffer, rawHeaders: string[]) => ({
      ...received({}),
      rawHeaders,
      body,
      size: body.length
    })
    const gzipJson = (contentType = 'application/json') =>
      coded(gzipSync('{"event_name":"gz","v":1}'), ['Content-Type', contentType, 'Content-Encoding', 'gzip'])

    it('reads JSON sent gzip-encoded as JSON, and keeps the bytes as received', () => {
      const request = gzipJson()
      const { capture, answer } = buildCapture(request, context)
      expect(answer).toEqual({ status: 200, body: { ok: true, status: 'ok' } })
      expect(capture).toMatchObject({ status: 'ok', bodyKind: 'json', sourceEvent: 'gz', size: request.size })
      expect(capture.body).toBe(request.body)
    })

    it('undoes codings listed over several headers, the last applied first', () => {
      const body = gzipSync(brotliCompressSync('{"event_name":"stacked"}'))
      const request = coded(body, [
        'content-encoding',
        'br',
        'Content-Type',
        'application/json',
        'CONTENT-ENCODING',
        'gzip'
      ])
      expect(buildCapture(request, context).capture).toMatchObject({ status: 'ok', sourceEvent: 'stacked' })
    })

    it('answers a JSON body whose coding cannot be removed 400 invalid, saying why', () => {
      const request = coded(Buffer.from('{"event_name":"plain"}'), [
        'Content-Type',
        'application/json',
        'Content-Encoding',
        'gzip'
      ])
      const reason = 'The body is declared gzip-encoded but could not be decompressed: incorrect header check'
      const { capture, answer } = buildCapture(request, context)
      expect(answer).toEqual({
        status: 400,
        body: { ok: false, error: { code: 'unreadable_content_coding', message: reason } }
      })
      expect(capture).toMatchObject({ status: 'invalid', statusReason: reason, sourceEvent: null })
      expect(capture.body).toBe(request.body)
    })

    it('captures a body of another type whose coding cannot be removed, as received', () => {
      const request = coded(Buffer.from('hello'), ['Content-Type', 'text/plain', 'Content-Encoding', 'zstd'])
      const { capture, answer } = buildCapture(request, context)
      expect(answer.status).toBe(200)
      expect(capture).toMatchObject({ status: 'ok', bodyKind: 'text' })
      expect(capture.body).toBe(request.body)
    })

    it('redacts the content and stores it coded again, as its Content-Encoding says', () => {
      const redacting = {
        ...context,
        routeFor: () => ({
          ...context.routeFor(),
          redaction: { ...defaultRedaction, enabled: true }
        })
      }
      const body = gzipSync('{"event_name":"signup","email":"asha@example.com","password":"hunter2"}')
      const { capture } = buildCapture(
        coded(body, ['Content-Type', 'application/json', 'Content-Encoding', 'gzip']),
        redacting
      )
      expect(capture).toMatchObject({ redacted: true, sourceEvent: 'signup', status: 'ok' })
      expect(capture.headers).toContainEqual(['Content-Encoding', 'gzip'])
      expect(JSON.parse(gunzipSync(capture.body ?? new Uint8Array()).toString())).toEqual({
        event_name: 'signup',
        email: redactedValue,
        password: redactedValue
      })
    })
  })
})
