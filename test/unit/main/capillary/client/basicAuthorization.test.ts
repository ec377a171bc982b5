import { describe, expect, it } from 'vitest'
import { basicAuthorization, md5Hex } from '../../../../../main/capillary/client/basicAuthorization'

describe('basicAuthorization', () => {
  it("encodes till:md5(password) in base64, as Capillary's own example shows", () => {
    // CapDocs basic-authentication: store123:bdc87b9c894da5168059e00ebffb9077 → c3RvcmUxMjM6YmRj…
    const header = basicAuthorization('store123', 'anything')
    const expected = Buffer.from(`store123:${md5Hex('anything')}`).toString('base64')
    expect(header).toBe(`Basic ${expected}`)
    expect(Buffer.from('store123:bdc87b9c894da5168059e00ebffb9077').toString('base64')).toBe(
      'c3RvcmUxMjM6YmRjODdiOWM4OTRkYTUxNjgwNTllMDBlYmZmYjkwNzc='
    )
  })

  it('hashes the password as lower-case hex MD5 of its UTF-8 bytes', () => {
    expect(md5Hex('password')).toBe('5f4dcc3b5aa765d61d8327deb882cf99')
    expect(md5Hex('pässword')).toMatch(/^[0-9a-f]{32}$/)
  })
})
