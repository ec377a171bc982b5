import { describe, expect, it } from 'vitest'
import { PublicUrl, SendTestPayloadInput } from '../../../../shared/model/captureInbox'

const payload = (contentType: string) => ({
  integrationId: 'i1',
  contentType,
  body: '{}'
})

describe('what the inbox sends to the listener', () => {
  it('takes a content type only as HTTP can carry it: printable ASCII on one line', () => {
    expect(SendTestPayloadInput.safeParse(payload('application/json; charset=utf-8')).success).toBe(true)
    for (const bad of ['text/plain\r\nX-Injected: 1', 'text/plain\u0000', 'text/\u202eplain', 'text/plain ✓']) {
      const parsed = SendTestPayloadInput.safeParse(payload(bad))
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0]?.message).toBe(
        'Give a content type such as application/json, in printable ASCII on one line.'
      )
    }
  })

  it('takes a tunnel address only as tunnels print it', () => {
    expect(PublicUrl.safeParse('https://inbox-demo.ngrok-free.app').success).toBe(true)
    expect(PublicUrl.safeParse('https://a\u0000b.example').success).toBe(false)
    expect(PublicUrl.safeParse('https://exa\u202emple.com').success).toBe(false)
  })
})
