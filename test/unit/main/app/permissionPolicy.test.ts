import { describe, it, expect } from 'vitest'
import { appEntryUrl } from '../../../../main/app/appProtocol'
import { decidePermission } from '../../../../main/app/permissionPolicy'

describe('decidePermission', () => {
  it("lets the studio's page write the clipboard", () => {
    expect(decidePermission('clipboard-sanitized-write', 'app://studio/index.html', appEntryUrl)).toBe(true)
  })

  it.each(['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read', 'fullscreen', 'usb'])(
    'refuses %s even to the studio',
    (permission) => {
      expect(decidePermission(permission, 'app://studio/index.html', appEntryUrl)).toBe(false)
    }
  )

  it('refuses everything to any other page', () => {
    expect(decidePermission('clipboard-sanitized-write', 'https://example.com/', appEntryUrl)).toBe(false)
    expect(decidePermission('clipboard-sanitized-write', 'file:///tmp/x.html', appEntryUrl)).toBe(false)
  })
})
