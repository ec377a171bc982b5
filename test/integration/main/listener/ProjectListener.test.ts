import { createHash, createHmac, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { maskedValue } from '../../../../main/listener/maskCredentials'
import { startProjectListener } from '../../../../main/listener/ProjectListener'
import { redactedValue } from '../../../../main/listener/redactCapture'
import { silentLogger } from '../../../../main/platform/logger'
import { EnvironmentSecretStore } from '../../../../main/secrets/EnvironmentSecretStore'
import { openProjectDatabase } from '../../../../main/store/database'
import { defaultRedaction } from '../../../../shared/model/listenerSettings'
import { listenerProjectPerTest, type ListenerProjectOptions } from './listenerProject'
import { rawExchange } from './rawExchange'
import { createTemporaryFolder } from '../../support/temporaryFolder'

const open = listenerProjectPerTest()

const json = { 'Content-Type': 'application/json' }

describe('the webhook listener', () => {
  describe('what it keeps', () => {
    it('keeps a JSON body byte for byte, with method, path, query, headers, remote address, size and time', async () => {
      const listener = await open({ integrations: { shop: {} } })
      const body = Buffer.from('{ "event_name" : "Added To Cart",\n  "price": 1299.0 }\n')
      const answer = await listener.send('/hooks/shop?eventType=cart&x=1', {
        headers: { ...json, 'X-Request-Id': 'abc' },
        body
      })
      expect(answer.status).toBe(200)
      expect(answer.json).toMatchObject({ ok: true, status: 'ok' })
      const stored = listener.stored(answer)
      expect(stored.body?.equals(body)).toBe(true)
      expect(stored).toMatchObject({
        method: 'POST',
        path: '/hooks/shop',
        query: [
          ['eventType', 'cart'],
          ['x', '1']
        ],
        remoteAddress: '127.0.0.1',
        size: body.length,
        contentType: 'application/json',
        integration: 'shop',
        integrationId: listener.integrationId('shop'),
        sourceEvent: 'Added To Cart',
        status: 'ok',
        bodyKind: 'json'
      })
      expect(stored.headers).toContainEqual(['X-Request-Id', 'abc'])
      expect(Date.now() - Date.parse(stored.receivedAt)).toBeLessThan(60_000)
    })

    it.each([
      ['application/x-www-form-urlencoded', 'event_name=Added+To+Cart&sku=A%2F1', 'form'],
      ['application/xml', '<event><name>cart</name></event>', 'xml'],
      ['text/xml; charset=utf-8', '<a b="1">x</a>', 'xml'],
      ['application/vnd.api+json', '{"a":1}', 'json'],
      ['text/plain', 'hello, listener', 'text'],
      ['text/csv', 'a,b\n1,2\n', 'text']
    ])('accepts %s and reads it as %s', async (contentType, text, kind) => {
      const listener = await open()
      const answer = await listener.send('/anything', { headers: { 'Content-Type': contentType }, body: text })
      expect(answer.status).toBe(200)
      const stored = listener.stored(answer)
      expect(stored.body?.toString('utf8')).toBe(text)
      expect(stored.bodyKind).toBe(kind)
    })

    it('keeps bytes that are not text exactly as they came', async () => {
      const listener = await open()
      const bytes = Buffer.from([0, 255, 254, 10, 13, 0x80, 0xc3, 0x28])
      const answer = await listener.send('/bin', {
        headers: { 'Content-Type': 'application/octet-stream' },
        body: bytes
      })
      expect(answer.status).toBe(200)
      expect(listener.stored(answer).body?.equals(bytes)).toBe(true)
    })

    it('captures a request without a body or a content type', async () => {
      const listener = await open()
      const answer = await listener.send('/ping?probe=1', { method: 'GET' })
      expect(answer.status).toBe(200)
      expect(listener.stored(answer)).toMatchObject({ method: 'GET', bodyKind: 'empty', size: 0, contentType: null })
    })

    it('captures every path: an unknown one is answered 200 and kept as unmatched, saying where integrations listen', async () => {
      const listener = await open({ integrations: { shop: {} } })
      const answer = await listener.send('/hooks/shopp', { headers: json, body: '{}' })
      expect(answer.status).toBe(200)
      expect(answer.json).toMatchObject({ ok: true, status: 'unmatched' })
      expect(String(answer.json.message)).toContain('/hooks/<slug>')
      expect(listener.stored(answer)).toMatchObject({ status: 'unmatched', integration: null, integrationId: null })
    })

    it('answers only after the capture is in the file', async () => {
      const listener = await open({ integrations: { shop: {} } })
      const answer = await listener.send('/hooks/shop', { headers: json, body: '{"n":1}' })
      expect(listener.captures.get(String(answer.json.id))).toBeDefined()
    })

    it('tells the project about each committed capture with its id', async () => {
      const listener = await open({ integrations: { shop: {} } })
      const answer = await listener.send('/hooks/shop', { headers: json, body: '{"event_name":"x"}' })
      expect(listener.received.map((capture) => capture.id)).toContain(answer.json.id)
    })
  })

  describe('invalid JSON', () => {
    it('is captured as invalid and answered 400 with a JSON error saying what is wrong', async () => {
      const listener = await open({ integrations: { shop: {} } })
      const answer = await listener.send('/hooks/shop', { headers: json, body: '{"event_name": "x",' })
      expect(answer.status).toBe(400)
      expect(answer.headers['content-type']).toContain('application/json')
      expect(answer.json).toMatchObject({ ok: false, error: { code: 'invalid_json' } })
      expect(String((answer.json.error as { message: string }).message)).toMatch(/Invalid JSON at line 1/)
      const stored = listener.stored(answer)
      expect(stored.status).toBe('invalid')
      expect(stored.statusReason).toMatch(/Invalid JSON/)
      expect(stored.body?.toString()).toBe('{"event_name": "x",')
    })

    it('is judged by what the body declares: the same bytes as text are fine', async () => {
      const listener = await open()
      const answer = await listener.send('/x', { headers: { 'Content-Type': 'text/plain' }, body: '{"a":' })
      expect(answer.status).toBe(200)
    })

    it('reads JSON in the charset it declares', async () => {
      const listener = await open()
      const body = Buffer.from('\ufeff{"name":"é"}', 'utf16le')
      const answer = await listener.send('/x', {
        headers: { 'Content-Type': 'application/json; charset=utf-16le' },
        body
      })
      expect(answer.status).toBe(200)
    })
  })

  describe('the body limit', () => {
    it('answers 413 with a JSON error that reaches the sender, and records that the request happened', async () => {
      const listener = await open({ bodyLimitBytes: 64 * 1024 })
      const answer = await listener.send('/hooks/big?x=1', {
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.alloc(1024 * 1024, 0x61)
      })
      expect(answer.status).toBe(413)
      expect(answer.json).toMatchObject({ ok: false, error: { code: 'body_too_large' } })
      expect(answer.headers.connection).toBe('close')
      const stored = listener.stored(answer)
      expect(stored).toMatchObject({ status: 'oversize', responseStatus: 413, bodyKind: 'none', body: null })
      expect(stored.size).toBeGreaterThan(64 * 1024)
      expect(stored.query).toEqual([['x', '1']])
    })

    it('answers 413 for a streamed body (no Content-Length) once it passes the limit', async () => {
      const listener = await open({ bodyLimitBytes: 16 * 1024 })
      const answer = await listener.send('/stream', {
        headers: { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' },
        body: Buffer.alloc(200 * 1024, 0x62)
      })
      expect(answer.status).toBe(413)
      expect(listener.stored(answer).status).toBe('oversize')
    })

    it('answers a sender that asks first (Expect: 100-continue) with 413 before it sends the body', async () => {
      const listener = await open({ bodyLimitBytes: 1024 })
      const reply = await rawExchange(
        listener.listener.port,
        'POST /hooks/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 10000\r\nExpect: 100-continue\r\n\r\n',
        { untilAnswered: true }
      )
      expect(reply).toMatch(/^HTTP\/1\.1 413/)
      expect(reply).not.toContain('100 Continue')
      expect(reply).toContain('body_too_large')
    })

    it('keeps a body exactly at the limit', async () => {
      const listener = await open({ bodyLimitBytes: 2048 })
      const answer = await listener.send('/x', {
        headers: { 'Content-Type': 'text/plain' },
        body: Buffer.alloc(2048, 0x63)
      })
      expect(answer.status).toBe(200)
      expect(listener.stored(answer).size).toBe(2048)
    })
  })

  describe('signatures', () => {
    const webengageSecret = (licenseCode: string, key: string) =>
      createHash('md5').update(`${licenseCode}:${key}`).digest('hex')

    it("accepts WebEngage's secret query parameter: MD5 of licenseCode:key (Capillary notes §10)", async () => {
      const listener = await open({
        integrations: { we: { verification: { scheme: 'webengage' } } },
        environment: { CAPMAP_SIGNING_SECRET_WE: 'k3y' }
      })
      const answer = await listener.send(
        `/hooks/we?eventType=x&licenseCode=~abc&secret=${webengageSecret('~abc', 'k3y')}`,
        { headers: json, body: '{}' }
      )
      expect(answer.status).toBe(200)
      expect(listener.stored(answer).verification).toEqual({ scheme: 'webengage', outcome: 'verified' })
    })

    it('rejects a wrong WebEngage secret with 401 and keeps the capture as rejected, with the reason', async () => {
      const listener = await open({
        integrations: { we: { verification: { scheme: 'webengage' } } },
        environment: { CAPMAP_SIGNING_SECRET_WE: 'k3y' }
      })
      const answer = await listener.send(`/hooks/we?licenseCode=~abc&secret=${webengageSecret('~abc', 'other')}`, {
        headers: json,
        body: '{}'
      })
      expect(answer.status).toBe(401)
      expect(answer.json).toMatchObject({ ok: false, error: { code: 'signature_rejected' } })
      const stored = listener.stored(answer)
      expect(stored.status).toBe('rejected')
      expect(stored.verification.outcome).toBe('failed')
      expect(stored.statusReason).toMatch(/does not match/)
    })

    it('rejects a WebEngage request whose licenseCode is not the one configured', async () => {
      const listener = await open({
        integrations: { we: { verification: { scheme: 'webengage', licenseCode: '~mine' } } },
        environment: { CAPMAP_SIGNING_SECRET_WE: 'k3y' }
      })
      const answer = await listener.send(`/hooks/we?licenseCode=~abc&secret=${webengageSecret('~abc', 'k3y')}`, {
        headers: json,
        body: '{}'
      })
      expect(answer.status).toBe(401)
    })

    it('rejects with a reason naming the environment variable when this studio has no secret', async () => {
      const listener = await open({ integrations: { 'booking-app': { verification: { scheme: 'webengage' } } } })
      const answer = await listener.send('/hooks/booking-app?licenseCode=a&secret=b', { headers: json, body: '{}' })
      expect(answer.status).toBe(401)
      expect(listener.stored(answer).statusReason).toContain('CAPMAP_SIGNING_SECRET_BOOKING_APP')
    })

    it('accepts an HMAC-SHA256 of the body in a header, hex after a prefix', async () => {
      const listener = await open({
        integrations: {
          gh: {
            verification: { scheme: 'hmac-sha256', header: 'X-Hub-Signature-256', encoding: 'hex', prefix: 'sha256=' }
          }
        },
        environment: { CAPMAP_SIGNING_SECRET_GH: 's3cret' }
      })
      const body = '{"action":"opened"}'
      const signature = createHmac('sha256', 's3cret').update(body).digest('hex')
      const good = await listener.send('/hooks/gh', {
        headers: { ...json, 'X-Hub-Signature-256': `sha256=${signature}` },
        body
      })
      const bad = await listener.send('/hooks/gh', {
        headers: { ...json, 'X-Hub-Signature-256': `sha256=${signature}` },
        body: '{"action":"closed"}'
      })
      expect([good.status, bad.status]).toEqual([200, 401])
    })

    it('accepts an HMAC-SHA256 in base64, and rejects a request without the header', async () => {
      const listener = await open({
        integrations: {
          shop: { verification: { scheme: 'hmac-sha256', header: 'X-Shop-Hmac', encoding: 'base64', prefix: '' } }
        },
        environment: { CAPMAP_SIGNING_SECRET_SHOP: 'k' }
      })
      const body = 'a=1'
      const signature = createHmac('sha256', 'k').update(body).digest('base64')
      const good = await listener.send('/hooks/shop', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Shop-Hmac': signature },
        body
      })
      const missing = await listener.send('/hooks/shop', { headers: { 'Content-Type': 'text/plain' }, body })
      expect([good.status, missing.status]).toEqual([200, 401])
      expect(listener.stored(missing).statusReason).toContain('X-Shop-Hmac header is missing')
    })

    describe('Standard Webhooks', () => {
      const key = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')
      const secret = `whsec_${key.toString('base64')}`
      const sign = (id: string, timestamp: number, body: string) =>
        `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`
      const at = new Date('2026-11-28T10:00:00Z')
      const clock = { now: () => at, newId: () => 'unused' }
      const options: ListenerProjectOptions = {
        integrations: { sw: { verification: { scheme: 'standard-webhooks', toleranceSeconds: 300 } } },
        environment: { CAPMAP_SIGNING_SECRET_SW: secret },
        clock
      }
      const now = Math.floor(at.getTime() / 1000)

      it('accepts a v1 signature over id.timestamp.body, among others', async () => {
        const listener = await open(options)
        const body = '{"type":"invoice.paid"}'
        const answer = await listener.send('/hooks/sw', {
          headers: {
            ...json,
            'webhook-id': 'msg_1',
            'webhook-timestamp': String(now),
            'webhook-signature': `v1,bm90IGl0 ${sign('msg_1', now, body)}`
          },
          body
        })
        expect(answer.status).toBe(200)
        expect(listener.stored(answer).verification).toEqual({ scheme: 'standard-webhooks', outcome: 'verified' })
      })

      it('accepts a timestamp within the tolerance for clock skew', async () => {
        const listener = await open(options)
        const body = '{}'
        const skewed = now - 240
        const answer = await listener.send('/hooks/sw', {
          headers: {
            ...json,
            'webhook-id': 'm',
            'webhook-timestamp': String(skewed),
            'webhook-signature': sign('m', skewed, body)
          },
          body
        })
        expect(answer.status).toBe(200)
      })

      it('rejects a correctly signed request whose timestamp is beyond the tolerance', async () => {
        const listener = await open(options)
        const body = '{}'
        const old = now - 301
        const answer = await listener.send('/hooks/sw', {
          headers: {
            ...json,
            'webhook-id': 'm',
            'webhook-timestamp': String(old),
            'webhook-signature': sign('m', old, body)
          },
          body
        })
        expect(answer.status).toBe(401)
        expect(listener.stored(answer).statusReason).toMatch(/301 s old, beyond the tolerance of 300 s/)
      })

      it('rejects a signature of another body, and a request missing the headers', async () => {
        const listener = await open(options)
        const tampered = await listener.send('/hooks/sw', {
          headers: {
            ...json,
            'webhook-id': 'm',
            'webhook-timestamp': String(now),
            'webhook-signature': sign('m', now, '{}')
          },
          body: '{"x":1}'
        })
        const unsigned = await listener.send('/hooks/sw', { headers: json, body: '{}' })
        expect([tampered.status, unsigned.status]).toEqual([401, 401])
        expect(listener.stored(unsigned).statusReason).toContain('webhook-id, webhook-timestamp and webhook-signature')
      })
    })
  })

  describe('the order of checks', () => {
    const signed = {
      integrations: { we: { verification: { scheme: 'webengage' as const } } },
      environment: { CAPMAP_SIGNING_SECRET_WE: 'k' }
    }

    it('puts oversize before a signature failure', async () => {
      const listener = await open({ ...signed, bodyLimitBytes: 1024 })
      const answer = await listener.send('/hooks/we', { headers: json, body: Buffer.alloc(4096, 0x20) })
      expect(answer.status).toBe(413)
      expect(listener.stored(answer).status).toBe('oversize')
    })

    it('puts a signature failure before invalid JSON', async () => {
      const listener = await open(signed)
      const answer = await listener.send('/hooks/we', { headers: json, body: '{nope' })
      expect(answer.status).toBe(401)
      expect(listener.stored(answer).status).toBe('rejected')
    })

    it('puts invalid JSON before unmatched', async () => {
      const listener = await open()
      const answer = await listener.send('/nowhere', { headers: json, body: '{nope' })
      expect(answer.status).toBe(400)
      expect(listener.stored(answer).status).toBe('invalid')
    })
  })

  describe('credentials', () => {
    it('stores Authorization, cookies, signature headers and WebEngage’s secret masked, the verdict taken before', async () => {
      const licenseCode = '~abc'
      const listener = await open({
        integrations: { we: { verification: { scheme: 'webengage' } } },
        environment: { CAPMAP_SIGNING_SECRET_WE: 'k' }
      })
      const secret = createHash('md5').update(`${licenseCode}:k`).digest('hex')
      const answer = await listener.send(`/hooks/we?licenseCode=${licenseCode}&secret=${secret}&token=t0k`, {
        headers: {
          ...json,
          Authorization: 'Basic ZGVtbzpzZWNyZXQ=',
          Cookie: 'session=abc',
          'webhook-signature': 'v1,xyz',
          'X-Api-Key': 'key-123',
          'X-Request-Id': 'keep-me'
        },
        body: '{}'
      })
      const stored = listener.stored(answer)
      expect(stored.verification.outcome).toBe('verified')
      expect(stored.query).toEqual([
        ['licenseCode', licenseCode],
        ['secret', maskedValue],
        ['token', maskedValue]
      ])
      const headers = Object.fromEntries(stored.headers)
      expect(headers).toMatchObject({
        Authorization: `Basic ${maskedValue}`,
        Cookie: maskedValue,
        'webhook-signature': maskedValue,
        'X-Api-Key': maskedValue,
        'X-Request-Id': 'keep-me'
      })
      const file = listener.db.prepare('SELECT query, headers FROM captures').all()
      expect(JSON.stringify(file)).not.toMatch(/ZGVtbzpzZWNyZXQ=|session=abc|key-123|t0k/)
      expect(JSON.stringify(file)).not.toContain(secret)
    })

    it('stores private keys, auth keys, passwords and JWTs masked, however spelt, keeping licenseCode', async () => {
      const listener = await open({ integrations: { shop: {} } })
      const answer = await listener.send(
        '/hooks/shop?private_key=PK&auth_key=AK&pwd=pw&jwt=eyJhbGciOiJIUzI1NiJ9.e30.c2ln&licenseCode=~10a5cb78d',
        { headers: { ...json, 'X-Private-Key': 'PK-123', 'X-Api_Key': 'AK', 'X-Request-Id': 'keep-me' }, body: '{}' }
      )
      const stored = listener.stored(answer)
      expect(stored.query).toEqual([
        ['private_key', maskedValue],
        ['auth_key', maskedValue],
        ['pwd', maskedValue],
        ['jwt', maskedValue],
        ['licenseCode', '~10a5cb78d']
      ])
      expect(Object.fromEntries(stored.headers)).toMatchObject({
        'X-Private-Key': maskedValue,
        'X-Api_Key': maskedValue,
        'X-Request-Id': 'keep-me'
      })
      expect(stored.redacted).toBe(false)
    })

    it("masks an integration's own signature header", async () => {
      const listener = await open({
        integrations: {
          shop: { verification: { scheme: 'hmac-sha256', header: 'X-Shop-Proof', encoding: 'hex', prefix: '' } }
        },
        environment: { CAPMAP_SIGNING_SECRET_SHOP: 'k' }
      })
      const body = '{}'
      const answer = await listener.send('/hooks/shop', {
        headers: { ...json, 'X-Shop-Proof': createHmac('sha256', 'k').update(body).digest('hex') },
        body
      })
      expect(Object.fromEntries(listener.stored(answer).headers)['X-Shop-Proof']).toBe(maskedValue)
    })
  })

  describe('redaction', () => {
    const redaction = { ...defaultRedaction, enabled: true, paths: ['customer.address'] }
    /** Shop redacting, and verifying an HMAC-SHA256 signature in X-Sig (key `k`): what it signs is `sign(body)`. */
    const openSignedAndRedacted = () =>
      open({
        integrations: {
          shop: { redaction, verification: { scheme: 'hmac-sha256', header: 'X-Sig', encoding: 'hex', prefix: '' } }
        },
        environment: { CAPMAP_SIGNING_SECRET_SHOP: 'k' }
      })
    const sign = (body: string) => createHmac('sha256', 'k').update(body).digest('hex')

    it('stores the redacted body, marked as such, when the integration asks for it', async () => {
      const listener = await open({ integrations: { shop: { redaction } } })
      const body = JSON.stringify({
        event_name: 'order',
        customer: {
          email: 'Asha.Rao@Example.com',
          mobile: '+91 98450 12345',
          address: '12 MG Road',
          password: 'hunter2'
        },
        card: '4111 1111 1111 1111',
        note: 'call me at asha@example.com',
        order_id: 'SO-100482',
        placed: '2026-11-20',
        total: 1299.0
      })
      const answer = await listener.send('/hooks/shop', { headers: json, body })
      expect(answer.status).toBe(200)
      const stored = listener.stored(answer)
      expect(stored.redacted).toBe(true)
      const kept = JSON.parse(stored.body?.toString() ?? '') as Record<string, Record<string, string> | string>
      expect(kept).toMatchObject({
        event_name: 'order',
        customer: { email: redactedValue, mobile: redactedValue, address: redactedValue, password: redactedValue },
        card: redactedValue,
        note: `call me at ${redactedValue}`,
        order_id: 'SO-100482',
        placed: '2026-11-20'
      })
      expect(stored.body?.toString()).not.toMatch(/Asha|98450|hunter2|4111|MG Road/)
    })

    it('keeps the verdict taken on the original bytes', async () => {
      const listener = await openSignedAndRedacted()
      const body = '{"email":"a@b.co"}'
      const answer = await listener.send('/hooks/shop', {
        headers: { ...json, 'X-Sig': sign(body) },
        body
      })
      const stored = listener.stored(answer)
      expect(stored.verification.outcome).toBe('verified')
      expect(stored.redacted).toBe(true)
    })

    it('redacts header values by shape and name, masks credentials after, and leaves protocol headers readable', async () => {
      const listener = await openSignedAndRedacted()
      const body = '{"event_name":"order"}'
      const answer = await listener.send('/hooks/shop', {
        headers: {
          ...json,
          Date: 'Sun, 29 Nov 2026 16:00:00 GMT',
          'X-Customer-Email': 'asha@example.com',
          'X-Card': '4111 1111 1111 1111',
          'X-Otp': '1234',
          'X-Private-Key': 'PK-123',
          'X-Sig': sign(body)
        },
        body
      })
      const stored = listener.stored(answer)
      expect(stored.verification.outcome).toBe('verified')
      // Its body is as sent: the capture is not marked redacted, so it is still mapped and relayed.
      expect(stored.redacted).toBe(false)
      expect(stored.body?.toString()).toBe(body)
      expect(Object.fromEntries(stored.headers)).toMatchObject({
        Host: `127.0.0.1:${listener.listener.port}`,
        'Content-Type': 'application/json',
        Date: 'Sun, 29 Nov 2026 16:00:00 GMT',
        'X-Customer-Email': redactedValue,
        'X-Card': redactedValue,
        'X-Otp': redactedValue,
        'X-Private-Key': maskedValue,
        'X-Sig': maskedValue
      })
      const file = JSON.stringify(listener.db.prepare('SELECT headers FROM captures').all())
      expect(file).not.toMatch(/asha@example\.com|4111|PK-123/)
    })

    it('redacts form fields by key name and shape, keeping the others as written', async () => {
      const listener = await open({ integrations: { shop: { redaction } } })
      const answer = await listener.send('/hooks/shop', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'event_name=order&token=abc123&email=a%40b.co&qty=2'
      })
      expect(listener.stored(answer).body?.toString()).toBe(
        `event_name=order&token=${encodeURIComponent(redactedValue)}&email=${encodeURIComponent(redactedValue)}&qty=2`
      )
    })

    it('keeps no body it cannot read well enough to redact, saying why: a repeated key, a charset not UTF-8', async () => {
      const listener = await open({ integrations: { shop: { redaction } } })
      const repeated = await listener.send('/hooks/shop', {
        headers: json,
        body: '{"event_name":"order","password":"hunter2","a":1,"a":2}'
      })
      const latin1 = await listener.send('/hooks/shop', {
        headers: { 'Content-Type': 'application/json; charset=iso-8859-1' },
        body: Buffer.from('{"event_name":"café","password":"hunter2"}', 'latin1')
      })
      expect([repeated.status, latin1.status]).toEqual([200, 200])
      for (const answer of [repeated, latin1]) {
        const stored = listener.stored(answer)
        expect(stored).toMatchObject({ body: null, bodyKind: 'none', redacted: true, status: 'ok' })
        expect(stored.statusReason).toMatch(/could not be redacted: it was not kept\.$/)
        expect(JSON.stringify(listener.captures.list({ limit: 10, search: 'hunter2' }).items)).toBe('[]')
      }
    })

    it('redacts the query of a request over the limit as of any other', async () => {
      const listener = await open({ integrations: { shop: { redaction } }, bodyLimitBytes: 1024 })
      const answer = await listener.send('/hooks/shop?email=alice@example.com&sku=A1', {
        headers: { 'Content-Type': 'text/plain' },
        body: Buffer.alloc(4096, 0x61)
      })
      expect(answer.status).toBe(413)
      expect(listener.stored(answer)).toMatchObject({
        status: 'oversize',
        redacted: true,
        query: [
          ['email', redactedValue],
          ['sku', 'A1']
        ]
      })
    })

    it('leaves the bytes untouched when nothing needed redacting', async () => {
      const listener = await open({ integrations: { shop: { redaction } } })
      const body = '{ "event_name":  "order", "qty": 2 }'
      const stored = listener.stored(await listener.send('/hooks/shop', { headers: json, body }))
      expect(stored.redacted).toBe(false)
      expect(stored.body?.toString()).toBe(body)
    })

    it('is off by default', async () => {
      const listener = await open({ integrations: { shop: {} } })
      const body = '{"email":"a@b.co"}'
      const stored = listener.stored(await listener.send('/hooks/shop', { headers: json, body }))
      expect(stored.body?.toString()).toBe(body)
    })
  })

  describe('retention', () => {
    it('keeps only the newest N captures of an integration once captures arrive', async () => {
      const listener = await open({ integrations: { shop: { retention: { kind: 'count', count: 3 } }, other: {} } })
      for (let n = 0; n < 6; n += 1) await listener.send('/hooks/shop', { headers: json, body: `{"n":${n}}` })
      await listener.send('/hooks/other', { headers: json, body: '{}' })
      await listener.send('/hooks/other', { headers: json, body: '{}' })
      expect(listener.listener.pruneNow()).toBe(3)
      const shop = listener.captures.list({ limit: 10, integrationId: listener.integrationId('shop') }).items
      expect(shop.map((capture) => listener.captures.get(capture.id)?.body?.toString())).toEqual([
        '{"n":5}',
        '{"n":4}',
        '{"n":3}'
      ])
      expect(listener.captures.count({ integrationId: listener.integrationId('other') })).toBe(2)
    })
  })

  describe('housekeeping', () => {
    it('indexes new captures for search in the background once they stop arriving', async () => {
      const listener = await open()
      await listener.send('/x', { headers: json, body: '{"city":"Pune"}' })
      for (let attempt = 0; attempt < 500 && listener.captures.pendingIndex() > 0; attempt += 1) {
        await new Promise((resolveWait) => setTimeout(resolveWait, 10))
      }
      expect(listener.captures.pendingIndex()).toBe(0)
      const indexed = listener.db
        .prepare("SELECT count(*) AS n FROM captures_text WHERE captures_text MATCH 'pune'")
        .get()
      expect(indexed).toEqual({ n: 1 })
    })

    it('leaves WAL checkpoints to quiet moments while it runs, and gives SQLite its setting back when it stops', async () => {
      const listener = await open()
      expect(listener.db.pragma('wal_autocheckpoint', { simple: true })).toBe(20_000)
      await listener.listener.close()
      expect(listener.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    })
  })

  describe('robustness', () => {
    it('stores captures through the project connection itself when the project is not a file', async () => {
      const listener = await open({ integrations: { shop: {} }, inMemory: true })
      const answers = await Promise.all(
        [1, 2, 3].map((n) => listener.send('/hooks/shop', { headers: json, body: `{"n":${n}}` }))
      )
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200])
      expect(answers.map((answer) => listener.stored(answer).body?.toString())).toEqual([
        '{"n":1}',
        '{"n":2}',
        '{"n":3}'
      ])
    })

    it('answers a malformed request line with 400 and keeps serving', async () => {
      const listener = await open()
      const reply = await rawExchange(listener.listener.port, 'NOT HTTP AT ALL\r\n\r\n', { untilAnswered: true })
      expect(reply).toMatch(/^HTTP\/1\.1 400/)
      expect((await listener.send('/after', { body: 'x' })).status).toBe(200)
    })

    it('stops taking requests when closed, keeping what it had committed', async () => {
      const listener = await open()
      const answer = await listener.send('/x', { body: 'kept' })
      await listener.listener.close()
      await expect(listener.send('/x', { body: 'late' })).rejects.toThrow()
      expect(listener.stored(answer).body?.toString()).toBe('kept')
    })
  })
})

describe('a start called off', () => {
  it("leaves the project's checkpoint setting as it was", async () => {
    const folder = createTemporaryFolder('listener-called-off')
    const db = openProjectDatabase(join(folder.path, 'Off.capmap'), { create: true })
    try {
      const before = db.pragma('wal_autocheckpoint', { simple: true })
      const abort = new AbortController()
      const starting = startProjectListener({
        db,
        secrets: new EnvironmentSecretStore({}),
        clock: { now: () => new Date(), newId: randomUUID },
        logger: silentLogger,
        host: '127.0.0.1',
        port: 0,
        scanPorts: 1,
        bodyLimitBytes: 1024,
        signal: abort.signal
      })
      abort.abort(new Error('the project is closing'))
      await expect(starting).rejects.toThrow('the project is closing')
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(before)
    } finally {
      db.close()
      folder.remove()
    }
  })
})
