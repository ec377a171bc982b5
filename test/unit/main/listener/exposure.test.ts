import { networkInterfaces } from 'node:os'
import { describe, expect, it } from 'vitest'
import { exposureWarning, isLoopbackHost } from '../../../../main/listener/exposure'

describe('exposureWarning', () => {
  it('says nothing of a listener on a loopback address, IPv4 written as IPv6 included', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost', '::ffff:127.0.0.1'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
      true
    ])
    expect(exposureWarning('::ffff:127.0.0.1', 4890)).toBeUndefined()
  })

  it('warns of a listener on another address', () => {
    expect(exposureWarning('192.168.1.5', 4890)).toBe(
      'Listening on 192.168.1.5: other machines that can reach this one can send to it and read its answers.'
    )
  })

  it('gives, for a listener on every interface, the URLs other machines would use', () => {
    const ownIpv4 = Object.values(networkInterfaces())
      .flatMap((entries) => entries ?? [])
      .filter((entry) => !entry.internal && entry.family === 'IPv4')
      .map((entry) => `http://${entry.address}:4890/`)
    const warning = exposureWarning('0.0.0.0', 4890)
    expect(warning).toMatch(/^Listening on 0\.0\.0\.0: other machines that can reach this one can send to it/)
    if (ownIpv4.length > 0) expect(warning).toContain(`They reach it at ${ownIpv4.slice(0, 4).join(', ')}.`)
    else expect(warning).not.toContain('They reach it at')
  })
})
