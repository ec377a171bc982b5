import { describe, expect, it } from 'vitest'
import { describeCapture } from '../../../../../main/cli/commands/captures'
import type { CaptureDetail } from '../../../../../shared/model/capture'

/** Every character a terminal may act on: C0, DEL, C1 and the bidi controls. */
const actedOn = /[\p{Cc}\p{Bidi_Control}]/u

const hostileBody = '{"name":"\u001b]0;owned\u0007"}\r\n\t\u009b2J\rover\n'

/** A capture whose every sender-chosen field tries to drive the terminal. */
function hostile(overrides: Partial<CaptureDetail> = {}): CaptureDetail {
  return {
    id: '7',
    receivedAt: '2026-11-29T08:00:00.000Z',
    integrationId: 'i1',
    integration: 'shop',
    sourceEvent: 'order\u001b[2J',
    method: 'GET',
    path: '/\u001b[2J\u001b]0;owned\u0007',
    contentType: 'text/plain\u001b[31mRED',
    size: 40,
    status: 'rejected',
    statusReason: 'The licenseCode \u009b2J is not this integration’s.',
    responseStatus: 401,
    verdict: 'failed',
    redacted: false,
    query: [['licenseCode\u202e', '\u009b2J']],
    headers: [
      ['Content-Type', 'text/plain\u001b[31mRED'],
      ['X-Note\u0007', 'a\tb\u2066c']
    ],
    remoteAddress: '127.0.0.1',
    verification: {
      scheme: 'webengage',
      outcome: 'failed',
      reason: 'The licenseCode \u009b2J is not this integration’s.'
    },
    bodyKind: 'text',
    bodyBase64: Buffer.from(hostileBody).toString('base64'),
    bodyText: hostileBody,
    contentText: hostileBody,
    parsed: hostileBody,
    decodeError: 'Unexpected token \u001b in JSON',
    decodeWarnings: [],
    replayable: true,
    ...overrides
  }
}

const metadata = [
  'Capture      7',
  'Received     2026-11-29T08:00:00.000Z from 127.0.0.1',
  'Status       rejected (answered 401): The licenseCode \\x9b2J is not this integration’s.',
  'Integration  shop, event order\\x1b[2J',
  'Request      GET /\\x1b[2J\\x1b]0;owned\\x07',
  'Body         40 bytes, text/plain\\x1b[31mRED, read as text',
  'Signature    webengage: failed (The licenseCode \\x9b2J is not this integration’s.)',
  '',
  'Query',
  '  licenseCode\\u202e: \\x9b2J',
  '',
  'Headers',
  '  Content-Type: text/plain\\x1b[31mRED',
  '  X-Note\\x07: a\\x09b\\u2066c',
  '',
  'Body'
]

describe('describeCapture', () => {
  it('shows the escapes in metadata, query, headers and decoding error, whatever stdout is', () => {
    for (const toTerminal of [true, false]) {
      const lines = describeCapture(hostile(), toTerminal)
      expect(lines.slice(0, metadata.length)).toEqual(metadata)
      expect(lines.slice(metadata.length + 1)).toEqual(['', 'Decoding: Unexpected token \\x1b in JSON'])
    }
  })

  it('shows a header value sent as UTF-8 as its characters, any other as received, controls escaped either way', () => {
    // Node reads header bytes one character per byte: "José" sent as UTF-8 arrives as "JosÃ©".
    const asRead = (text: string) => Buffer.from(text, 'utf8').toString('latin1')
    const headers: [string, string][] = [
      ['X-Name', asRead('José Müller')],
      ['X-Latin-1', 'caf\u00e9'],
      ['X-Control', asRead('a\u009bb')]
    ]
    expect(describeCapture(hostile({ headers }), true).slice(metadata.length - 4, metadata.length - 1)).toEqual([
      '  X-Name: José Müller',
      '  X-Latin-1: café',
      '  X-Control: a\\x9bb'
    ])
  })

  it('names what the decoders noted after the body, each on a line', () => {
    const lines = describeCapture(hostile({ decodeError: null, decodeWarnings: ['Not UTF-8.', 'Big.'] }), false)
    expect(lines.slice(-3)).toEqual(['', 'Decoding: Not UTF-8.', 'Decoding: Big.'])
  })

  it('on a terminal, shows the body’s controls as escapes but keeps its line breaks and tabs', () => {
    const lines = describeCapture(hostile(), true)
    expect(lines[metadata.length]).toBe('{"name":"\\x1b]0;owned\\x07"}\r\n\t\\x9b2J\\x0dover\n')
    expect(lines.join('\n').replace(/\r\n|\n|\t/g, '')).not.toMatch(actedOn)
  })

  it('piped, prints the body exactly as its text came, for jq and the like', () => {
    expect(describeCapture(hostile(), false)[metadata.length]).toBe(hostileBody)
  })

  it('says when a body was not kept or is not text', () => {
    expect(describeCapture(hostile({ bodyBase64: null }), true)).toContain('  (not kept)')
    expect(describeCapture(hostile({ contentText: null }), false)).toContain(
      '  (40 bytes, not text: use --json for base64)'
    )
  })
})
