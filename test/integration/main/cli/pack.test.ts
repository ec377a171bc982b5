import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createTemporaryFolder } from '../../support/temporaryFolder'

const repository = join(__dirname, '../../../..')
const version = (JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')) as { version: string }).version
const notCopied = new Set(['node_modules', '.git', 'out', 'test-results', 'coverage', 'dist', 'release'])

let folder: ReturnType<typeof createTemporaryFolder>
let installed: string

function environment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CAPMAP_CONFIG_DIR: join(folder.path, 'config'),
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false'
  }
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, env: environment(), encoding: 'utf8', timeout: 280_000 })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`)
  }
  return result.stdout
}

/**
 * Packs the repository as `npm pack` would for a release (its `prepare` builds out/) and installs the tarball into a
 * fresh folder, as a user would. The pack runs in a copy of the repository (sharing its node_modules), so the build
 * it triggers never rewrites the out/ that other suites are using.
 */
beforeAll(() => {
  folder = createTemporaryFolder('pack')
  const source = join(folder.path, 'source')
  cpSync(repository, source, {
    recursive: true,
    filter: (path) => !notCopied.has(relative(repository, path).split(sep)[0] ?? '')
  })
  symlinkSync(join(repository, 'node_modules'), join(source, 'node_modules'), 'dir')
  const packed = join(folder.path, 'packed')
  mkdirSync(packed)
  run('npm', ['pack', '--pack-destination', packed], source)
  const tarball = readdirSync(packed).find((name) => name.endsWith('.tgz'))
  if (!tarball) throw new Error(`npm pack wrote no tarball in ${packed}`)

  installed = join(folder.path, 'installed')
  mkdirSync(installed)
  run('npm', ['init', '-y'], installed)
  run('npm', ['install', join(packed, tarball)], installed)
}, 300_000)

afterAll(() => {
  folder.remove()
})

describe('the packed package, installed from its tarball', () => {
  it('runs `npx capmap --version`, printing the version', () => {
    expect(run('npx', ['capmap', '--version'], installed).trim()).toBe(version)
  })

  it('creates a sample project with its own compiled better-sqlite3', () => {
    run('npx', ['capmap', 'new', 'Installed.capmap', '--sample'], installed)
    const path = join(installed, 'Installed.capmap')
    expect(existsSync(path)).toBe(true)
    const db = new Database(path, { readonly: true })
    const events = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }
    db.close()
    expect(events.n).toBeGreaterThan(0)
  })
})
