import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { appEntryUrl, appSchemePrivileges, resolveAppAsset } from '../../../../main/app/appProtocol'
import { decideNavigation, isAppPageUrl } from '../../../../main/app/navigationPolicy'

const root = '/opt/capmap/resources/app.asar/out/renderer'

describe('resolveAppAsset', () => {
  it('serves the entry page for the root and for /index.html', () => {
    expect(resolveAppAsset('app://studio/', root)).toEqual({
      ok: true,
      path: join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8'
    })
    expect(resolveAppAsset(appEntryUrl, root)).toMatchObject({ ok: true, path: join(root, 'index.html') })
  })

  it("serves Monaco's worker bundles as JavaScript (module workers refuse other types)", () => {
    expect(resolveAppAsset('app://studio/assets/json.worker-Cx1.js', root)).toEqual({
      ok: true,
      path: join(root, 'assets/json.worker-Cx1.js'),
      mimeType: 'text/javascript; charset=utf-8'
    })
  })

  it('ignores the query and fragment and decodes escaped names', () => {
    expect(resolveAppAsset('app://studio/assets/a%20b.css?v=1#x', root)).toMatchObject({
      ok: true,
      path: join(root, 'assets/a b.css')
    })
  })

  it.each([
    ['an encoded ../', 'app://studio/%2e%2e/%2e%2e/secrets.json'],
    ['a plain ../', 'app://studio/../../../main/index.js'],
    ['a mixed .%2E/', 'app://studio/assets/.%2E/.%2e/package.json'],
    ['an encoded slash traversal', 'app://studio/assets%2f..%2f..%2f..%2fetc%2fpasswd.json'],
    ['a backslash traversal', 'app://studio/..%5c..%5cmain.js'],
    ['a NUL byte', 'app://studio/index.html%00.png'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd']
  ])('refuses %s', (_label, url) => {
    expect(resolveAppAsset(url, root)).toEqual({ ok: false, status: 403 })
  })

  it('refuses a malformed escape and an unknown file type', () => {
    expect(resolveAppAsset('app://studio/%E0%A4%A.js', root)).toEqual({ ok: false, status: 400 })
    expect(resolveAppAsset('app://studio/tool.exe', root)).toEqual({ ok: false, status: 404 })
  })
})

describe('the app:// scheme', () => {
  it('is registered standard and secure, with fetch, and nothing that bypasses the CSP', () => {
    expect(appSchemePrivileges.scheme).toBe('app')
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true })
    expect(appSchemePrivileges.privileges?.bypassCSP).toBeFalsy()
  })

  it("is the navigation policy's own page: any path of app://studio, nothing of another host or a file", () => {
    expect(decideNavigation('app://studio/index.html#events', appEntryUrl)).toBe('allow')
    expect(isAppPageUrl('app://studio/index.html', appEntryUrl)).toBe(true)
    expect(isAppPageUrl('app://other/index.html', appEntryUrl)).toBe(false)
    expect(isAppPageUrl('file:///opt/capmap/out/renderer/index.html', appEntryUrl)).toBe(false)
    expect(decideNavigation('https://docs.capillarytech.com/', appEntryUrl)).toBe('open-externally')
  })
})
