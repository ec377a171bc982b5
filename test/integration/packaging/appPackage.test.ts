import { listPackage } from '@electron/asar'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, it, expect } from 'vitest'
import { parse } from 'yaml'

// The real packaging (electron-builder.yml) with a stand-in Electron folder (TOOLCHAIN §4): `--linux dir` runs
// offline; the fuses are left out (a shell script has none to flip: packagingConfig.test.ts asserts them) and the
// afterPack hook is told this is the check (no Electron build of better-sqlite3 can be made here). Takes ~20 s:
// it has this file to itself. It packs the built app: `npm run -s build` first.
const root = join(__dirname, '../../..')
let files: string[] = []
let resources = ''
/** The packed app (some 60 MB), removed once checked. */
let work = ''

afterAll(() => rmSync(work, { recursive: true, force: true }))

beforeAll(() => {
  if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('Run `npm run -s build` first: out/ is missing.')
  work = mkdtempSync(join(tmpdir(), 'capmap-package-'))
  const standIn = join(work, 'electron-stand-in')
  mkdirSync(join(standIn, 'resources'), { recursive: true })
  writeFileSync(join(standIn, 'electron'), '#!/bin/sh\n')
  chmodSync(join(standIn, 'electron'), 0o755)
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'))
  const checkConfig = {
    ...config,
    electronDist: standIn,
    electronFuses: null,
    directories: { ...config.directories, output: join(work, 'dist') }
  }
  writeFileSync(join(work, 'config.json'), JSON.stringify(checkConfig))
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--publish',
      'never',
      '--config',
      join(work, 'config.json')
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CAPMAP_PACKAGING_CHECK: '1' } }
  )
  if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`)
  resources = join(work, 'dist/linux-unpacked/resources')
  files = listPackage(join(resources, 'app.asar'), { isPack: false })
}, 120_000)

const packed = (pattern: RegExp) => files.filter((file) => pattern.test(file))

describe('the packaged app (linux dir, stand-in Electron)', () => {
  it('holds the main, preload and renderer bundles and package.json', () => {
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']) {
      expect(files, file).toContain(file)
    }
  })

  it("holds Monaco's editor and JSON workers, served by app://", () => {
    expect(packed(/^\/out\/renderer\/assets\/.*editor\.worker.*\.js$/)).toHaveLength(1)
    expect(packed(/^\/out\/renderer\/assets\/.*json\.worker.*\.js$/)).toHaveLength(1)
  })

  it("names out/main/index.js as the app's entry", () => {
    const entry = spawnSync(process.execPath, [
      '-e',
      `console.log(require('@electron/asar').extractFile(${JSON.stringify(join(resources, 'app.asar'))}, 'package.json').toString())`
    ])
    expect(JSON.parse(entry.stdout.toString()).main).toBe('out/main/index.js')
  })

  it("holds main's run-time dependencies: better-sqlite3, electron-updater, electron-log, zod, jsonata", () => {
    for (const name of ['better-sqlite3', 'electron-updater', 'electron-log', 'zod', 'jsonata']) {
      expect(files, name).toContain(`/node_modules/${name}/package.json`)
    }
  })

  it('unpacks the better-sqlite3 binary next to the archive (a native module cannot load from inside it)', () => {
    const binary = join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node')
    expect(statSync(binary).size).toBeGreaterThan(500_000)
  })

  it('leaves out our sources, tests and source maps', () => {
    const ours = files.filter((file) => !file.startsWith('/node_modules/'))
    expect(ours.filter((file) => /\.(ts|tsx|mts|map)$/.test(file))).toEqual([])
    expect(packed(/^\/(main|renderer|shared|test|scripts|resources|bin)\//)).toEqual([])
    expect(packed(/^\/(README\.md|electron-builder\.yml|tsconfig[^/]*\.json|vitest[^/]*|\.ci)/)).toEqual([])
  })

  it('leaves out the renderer libraries, Electron and the build tools (devDependencies)', () => {
    const devOnly = ['monaco-editor', 'react', 'react-dom', 'zustand', 'electron', 'electron-builder', 'vitest', 'vite']
    for (const name of devOnly) expect(packed(new RegExp(`^/node_modules/${name}/`)), name).toEqual([])
  })

  it('stays small (under 60 MB)', () => {
    expect(statSync(join(resources, 'app.asar')).size).toBeLessThan(60 * 1024 * 1024)
  })
})
