import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { parse } from 'yaml'

// What electron-builder.yml promises, asserted where no real Electron can be packaged (TOOLCHAIN §4): a stand-in
// Electron folder has no fuses to flip and no signature to make, so these are proven from the configuration.
const root = join(__dirname, '../../..')
const configText = readFileSync(join(root, 'electron-builder.yml'), 'utf8')
interface BuilderConfig {
  electronFuses: Record<string, boolean>
  asar?: boolean
  asarUnpack: string[]
  npmRebuild: boolean
  afterPack: string
  linux: { target: string[] }
  mac: { target: string[] }
  win: { target: string[] }
  fileAssociations: { ext: string; name: string }[]
  publish: unknown
  files: string[]
}
const config = parse(configText) as BuilderConfig
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

describe('electron-builder.yml', () => {
  it('flips the Electron fuses: no RunAsNode, cookies encrypted, ASAR integrity checked, the app only from ASAR', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('packs the app into an ASAR archive, with only better-sqlite3 unpacked', () => {
    expect(config.asar).not.toBe(false)
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**'])
  })

  it("never lets electron-builder rebuild natives (pitfall 6); the afterPack hook puts Electron's build in", () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.afterPack).toBe('./scripts/afterPack.mjs')
  })

  it('builds AppImage and deb on Linux, dmg on macOS and nsis on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
  })

  it('associates .capmap projects and .capmap.json bundles with the studio', () => {
    expect(config.fileAssociations.map((association) => association.ext)).toEqual(['capmap', 'capmap.json'])
    for (const association of config.fileAssociations) expect(association.name).toBeTruthy()
  })

  it('signs and notarises only through environment variables: no certificate, password or key in the repo', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true })
    const secretKeys =
      /(cscLink|cscKeyPassword|certificateFile|certificatePassword|certificateSha1|password|appleId|apiKey|teamId)/i
    const keysOf = (value: unknown): string[] =>
      value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]) : []
    expect(keysOf(config).filter((key) => secretKeys.test(key))).toEqual([])
    expect(configText).not.toMatch(/-----BEGIN|\.p12|\.pfx/)
  })

  it('publishes nothing itself: updates come from the feed the user sets', () => {
    expect(config.publish).toBeNull()
  })

  it('packs the built app and package.json only, without source maps', () => {
    expect(config.files).toEqual(['out/**', '!out/**/*.map', 'package.json'])
  })
})

describe('package.json for packaging', () => {
  it('has `npm run dist` run scripts/dist.mjs', () => {
    expect(packageJson.scripts.dist).toBe('node scripts/dist.mjs')
  })

  it('keeps the renderer libraries out of dependencies (they would be packed into app.asar: pitfall 13)', () => {
    for (const name of ['react', 'react-dom', 'monaco-editor', '@monaco-editor/react', 'zustand', 'electron']) {
      expect(packageJson.dependencies[name], name).toBeUndefined()
    }
    expect(packageJson.dependencies['better-sqlite3']).toBeDefined()
    expect(packageJson.dependencies['electron-updater']).toBeDefined()
  })
})
