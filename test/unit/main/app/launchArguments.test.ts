import { describe, it, expect } from 'vitest'
import { fileOpenRequest, fileOpenRequestFromArgv } from '../../../../main/app/launchArguments'

describe('fileOpenRequestFromArgv', () => {
  it('finds a project passed by the OS to the packaged app', () => {
    expect(
      fileOpenRequestFromArgv(['/opt/Capillary Mapping Studio/capillary-mapping-studio', '/home/a/shop.capmap'], '/')
    ).toEqual({
      kind: 'project',
      path: '/home/a/shop.capmap'
    })
  })

  it('finds a bundle, by its double extension, in any case', () => {
    expect(fileOpenRequestFromArgv(['studio', '/tmp/Shop.CAPMAP.JSON'], '/')).toEqual({
      kind: 'bundle',
      path: '/tmp/Shop.CAPMAP.JSON'
    })
  })

  it("resolves a relative path against the second instance's working directory", () => {
    expect(fileOpenRequestFromArgv(['studio', 'projects/shop.capmap'], '/home/a')).toEqual({
      kind: 'project',
      path: '/home/a/projects/shop.capmap'
    })
  })

  it("skips Chromium's switches and, unpackaged, the app folder", () => {
    const argv = ['electron', '.', '--allow-file-access-from-files', '--original-process-start-time=1', '/p/a.capmap']
    expect(fileOpenRequestFromArgv(argv, '/')).toEqual({ kind: 'project', path: '/p/a.capmap' })
  })

  it('ignores the executable itself even when its name ends like a project', () => {
    expect(fileOpenRequestFromArgv(['/weird/studio.capmap'], '/')).toBeNull()
  })

  it('answers nothing for a plain start or other files', () => {
    expect(fileOpenRequestFromArgv(['studio'], '/')).toBeNull()
    expect(fileOpenRequestFromArgv(['studio', '/tmp/notes.json', '/tmp/a.capmap.bak'], '/')).toBeNull()
  })

  it('takes the last file when several are given', () => {
    expect(fileOpenRequestFromArgv(['studio', '/a.capmap', '/b.capmap.json'], '/')?.path).toBe('/b.capmap.json')
  })
})

describe('fileOpenRequest', () => {
  it('refuses an empty path and a NUL byte', () => {
    expect(fileOpenRequest('  ', '/')).toBeNull()
    expect(fileOpenRequest('/a\0.capmap', '/')).toBeNull()
  })
})
