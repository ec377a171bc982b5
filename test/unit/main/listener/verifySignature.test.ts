import { createHash, createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { standardWebhooksKey, verifySignature, type SignedRequest } from '../../../../main/listener/verifySignature'
import type { Verification } from '../../../../shared/model/listenerSettings'

function request(options: {
  headers?: Record<string, string>
  query?: Record<string, string>
  body?: string
}): SignedRequest {
  const headers = Object.fromEntries(
    Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])
  )
  return {
    header: (name) => headers[name.toLowerCase()],
    query: (name) => options.query?.[name],
    body: Buffer.from(options.body ?? '')
  }
}

const key = (secret?: string) => ({ secret, environmentVariable: 'CAPMAP_SIGNING_SECRET_SHOP' })
const now = new Date('2026-11-28T10:00:00Z')

describe('verifySignature', () => {
  it('checks nothing when the integration asks for no verification', () => {
    expect(verifySignature({ scheme: 'none' }, request({}), key(), now)).toEqual({
      scheme: 'none',
      outcome: 'not_checked'
    })
  })

  it('fails, saying where the secret is given (environment, capmap listen, the studio), when none is set', () => {
    const verdict = verifySignature({ scheme: 'webengage' }, request({}), key(), now)
    expect(verdict).toMatchObject({ scheme: 'webengage', outcome: 'failed' })
    expect(verdict.reason).toBe(
      'No signing secret is set for this integration here: set CAPMAP_SIGNING_SECRET_SHOP where the listener runs ' +
        "(capmap listen asks for it when it starts), or enter it in the studio's Capture rules (Integrations)."
    )
    const desktop = verifySignature({ scheme: 'webengage' }, request({}), { secret: undefined }, now)
    expect(desktop.reason).toBe(
      "No signing secret is set for this integration here: enter it in the studio's Capture rules (Integrations)."
    )
  })

  describe('WebEngage (notes §10: secret = MD5 hex of licenseCode:key)', () => {
    const webengage: Verification = { scheme: 'webengage' }
    const secret = createHash('md5').update('~10a5cb78d:my-key').digest('hex')

    it('verifies the secret query parameter, in either case', () => {
      for (const presented of [secret, secret.toUpperCase()]) {
        const verdict = verifySignature(
          webengage,
          request({ query: { licenseCode: '~10a5cb78d', secret: presented } }),
          key('my-key'),
          now
        )
        expect(verdict.outcome).toBe('verified')
      }
    })

    it('fails without secret or licenseCode, and for another key', () => {
      const outcomes = [
        request({ query: { licenseCode: '~10a5cb78d' } }),
        request({ query: { secret } }),
        request({ query: { licenseCode: '~10a5cb78d', secret } })
      ].map((signed, index) => verifySignature(webengage, signed, key(index === 2 ? 'other' : 'my-key'), now).outcome)
      expect(outcomes).toEqual(['failed', 'failed', 'failed'])
    })
  })

  describe('HMAC-SHA256', () => {
    const hex: Verification = { scheme: 'hmac-sha256', header: 'X-Signature', encoding: 'hex', prefix: 'sha256=' }
    const signature = createHmac('sha256', 'k').update('{"a":1}').digest()

    it('verifies a hex signature after its prefix, whatever the header’s case', () => {
      const signed = request({ headers: { 'x-signature': `SHA256=${signature.toString('hex')}` }, body: '{"a":1}' })
      expect(verifySignature(hex, signed, key('k'), now).outcome).toBe('verified')
    })

    it('verifies base64 and base64url', () => {
      const base64: Verification = { scheme: 'hmac-sha256', header: 'X-Sig', encoding: 'base64', prefix: '' }
      for (const encoded of [signature.toString('base64'), signature.toString('base64url')]) {
        expect(
          verifySignature(base64, request({ headers: { 'X-Sig': encoded }, body: '{"a":1}' }), key('k'), now).outcome
        ).toBe('verified')
      }
    })

    it('fails for a changed body, a missing prefix, and text that is not hex', () => {
      const verdicts = [
        request({ headers: { 'X-Signature': `sha256=${signature.toString('hex')}` }, body: '{"a":2}' }),
        request({ headers: { 'X-Signature': signature.toString('hex') }, body: '{"a":1}' }),
        request({ headers: { 'X-Signature': 'sha256=zz' }, body: '{"a":1}' })
      ].map((signed) => verifySignature(hex, signed, key('k'), now))
      expect(verdicts.map((verdict) => verdict.outcome)).toEqual(['failed', 'failed', 'failed'])
      expect(verdicts.map((verdict) => verdict.reason)).toEqual([
        'The X-Signature signature does not match the body signed with this integration’s key.',
        'The X-Signature header does not start with sha256=.',
        'The X-Signature header is not hex.'
      ])
    })
  })

  describe('Standard Webhooks', () => {
    const scheme: Verification = { scheme: 'standard-webhooks', toleranceSeconds: 300 }
    const rawKey = Buffer.from('a-32-byte-long-secret-key-123456')
    const secret = `whsec_${rawKey.toString('base64')}`
    const timestamp = Math.floor(now.getTime() / 1000)
    const sign = (id: string, at: number, body: string) =>
      `v1,${createHmac('sha256', rawKey).update(`${id}.${at}.${body}`).digest('base64')}`
    const signed = (at: number, signature: string) =>
      request({
        headers: {
          'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
          'webhook-timestamp': String(at),
          'webhook-signature': signature
        },
        body: '{"test":2432232314}'
      })

    it('verifies a v1 signature with the key base64-decoded after whsec_', () => {
      expect(
        verifySignature(
          scheme,
          signed(timestamp, sign('msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp, '{"test":2432232314}')),
          key(secret),
          now
        ).outcome
      ).toBe('verified')
    })

    it('tolerates clock skew either way up to the tolerance, not beyond', () => {
      const at = (skew: number) => timestamp + skew
      const outcome = (skew: number) =>
        verifySignature(
          scheme,
          signed(at(skew), sign('msg_p5jXN8AQM9LWM0D4loKWxJek', at(skew), '{"test":2432232314}')),
          key(secret),
          now
        ).outcome
      expect([outcome(-300), outcome(300), outcome(-301), outcome(301)]).toEqual([
        'verified',
        'verified',
        'failed',
        'failed'
      ])
    })

    it('fails a timestamp that is not seconds', () => {
      expect(verifySignature(scheme, signed(Number.NaN, 'v1,x'), key(secret), now).reason).toContain('not a Unix time')
    })

    it('names the headers that are missing', () => {
      const none = request({ headers: {}, body: '{}' })
      expect(verifySignature(scheme, none, key(secret), now).reason).toBe(
        'The webhook-id, webhook-timestamp and webhook-signature headers are missing.'
      )
      const noSignature = request({ headers: { 'webhook-id': 'msg_1', 'webhook-timestamp': '1' }, body: '{}' })
      expect(verifySignature(scheme, noSignature, key(secret), now).reason).toBe(
        'The webhook-signature header is missing.'
      )
    })

    it('ignores signature versions it does not know', () => {
      const good = sign('msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp, '{"test":2432232314}').slice(3)
      expect(verifySignature(scheme, signed(timestamp, `v1a,${good}`), key(secret), now).outcome).toBe('failed')
    })
  })

  it('reads a Standard Webhooks secret without whsec_ as base64, and anything else as its own bytes', () => {
    expect(standardWebhooksKey('whsec_aGVsbG8=').toString()).toBe('hello')
    expect(standardWebhooksKey('aGVsbG8=').toString()).toBe('hello')
    expect(standardWebhooksKey('not base64!').toString()).toBe('not base64!')
  })
})
