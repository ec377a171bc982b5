import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, it, expect } from 'vitest'
import afterPack, { unpackedBinary } from '../../../scripts/afterPack.mjs'
import { abisOfBinary, assertBinaryAbi, electronAbi } from '../../../scripts/nativeAbi.mjs'

const root = join(__dirname, '../../..')
const nodeBuild = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('the ABI of a native binary, read from its bytes', () => {
  it("reads node_modules' better-sqlite3 as Node's own build", () => {
    expect(abisOfBinary(nodeBuild)).toEqual([Number(process.versions.modules)])
  })

  it("knows Electron's ABI differs from Node's, so a Node build can never pass for Electron's", () => {
    expect(electronAbi(electronVersion)).not.toBe(Number(process.versions.modules))
    expect(() => assertBinaryAbi(nodeBuild, electronAbi(electronVersion), 'Electron')).toThrow(
      `is built for ABI ${process.versions.modules}, but Electron needs ABI ${electronAbi(electronVersion)}`
    )
  })

  it('finds no ABI in a file that is not an addon', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'capmap-abi-')), 'fake.node')
    writeFileSync(file, 'not a binary')
    expect(abisOfBinary(file)).toEqual([])
    expect(() => assertBinaryAbi(file, 115, 'Node')).toThrow('ABI unknown')
  })
})

describe('the afterPack hook', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  function packedApp() {
    const appOutDir = mkdtempSync(join(tmpdir(), 'capmap-pack-'))
    const target = join(appOutDir, 'resources', unpackedBinary)
    mkdirSync(join(target, '..'), { recursive: true })
    copyFileSync(nodeBuild, target)
    return { context: { appOutDir, electronPlatformName: 'linux', packager: {} }, target }
  }

  it('stops a package that was given no Electron build of better-sqlite3', async () => {
    delete process.env.CAPMAP_ELECTRON_BETTER_SQLITE3
    delete process.env.CAPMAP_PACKAGING_CHECK
    await expect(afterPack(packedApp().context)).rejects.toThrow('no Electron build of better-sqlite3 was given')
  })

  it("refuses a binary whose bytes are not of Electron's ABI, and leaves the package as it was", async () => {
    const { context, target } = packedApp()
    const before = sha(target)
    process.env.CAPMAP_ELECTRON_BETTER_SQLITE3 = nodeBuild
    process.env.CAPMAP_ELECTRON_ABI = String(electronAbi(electronVersion))
    await expect(afterPack(context)).rejects.toThrow('Refusing to package a binary that would not load')
    expect(sha(target)).toBe(before)
  })

  it('lets the stand-in packaging check through only when it says so', async () => {
    delete process.env.CAPMAP_ELECTRON_BETTER_SQLITE3
    process.env.CAPMAP_PACKAGING_CHECK = '1'
    await expect(afterPack(packedApp().context)).resolves.toBeUndefined()
  })
})

describe('npm run dist where Electron headers cannot be downloaded', () => {
  it("fails loudly before packaging, even with npm's nodedir=/usr set, and keeps node_modules' Node build", () => {
    const before = sha(nodeBuild)
    const output = mkdtempSync(join(tmpdir(), 'capmap-dist-out-'))
    const run = spawnSync(process.execPath, ['scripts/dist.mjs', '--linux', 'dir', `-c.directories.output=${output}`], {
      cwd: root,
      encoding: 'utf8',
      // Nothing answers on this port: the header download fails at once, as it does without internet.
      env: {
        ...process.env,
        npm_config_nodedir: '/usr',
        ELECTRON_HEADERS_URL: 'http://127.0.0.1:9/headers',
        // An empty header cache: headers kept from an earlier real build must not make this one succeed.
        ELECTRON_GYP_DIR: mkdtempSync(join(tmpdir(), 'capmap-electron-gyp-'))
      }
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`better-sqlite3 could not be compiled for Electron ${electronVersion}`)
    expect(run.stderr).toContain('Nothing was packaged')
    expect(run.stdout + run.stderr).not.toContain('installers written')
    expect(sha(nodeBuild)).toBe(before)
    expect(abisOfBinary(nodeBuild)).toEqual([Number(process.versions.modules)])
  })
})
