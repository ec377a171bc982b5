import { describe, expect, it } from 'vitest'
import { buildCapture, formatBytes, splitTarget } from '../../../../main/listener/buildCapture'
import { slugOfPath } from '../../../../main/listener/IntegrationRoutes'
import { defaultCaptureRules } from '../../../../main/store/ListenerSettingsRepository'

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
})
