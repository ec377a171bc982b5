import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { capmapBin } from './builtCli'

let made: string | undefined

/**
 * Copies the sample project, as `capmap new --sample` makes it, to `destination`. It is made once per test process
 * and copied for each test: suites that only start from the sample save a process per test (`capmap new` itself is
 * tested in cli.test.ts). Call ensureBuiltCli first.
 */
export function copySampleProject(destination: string): void {
  if (made === undefined) {
    const folder = mkdtempSync(join(tmpdir(), 'capmap-sample-'))
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }))
    const path = join(folder, 'Sample.capmap')
    const result = spawnSync(process.execPath, [capmapBin, 'new', path, '--sample'], {
      env: { ...process.env, CAPMAP_CONFIG_DIR: join(folder, 'config'), NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000
    })
    if (result.status !== 0) throw new Error(`capmap new --sample failed:\n${result.stdout}\n${result.stderr}`)
    made = path
  }
  copyFileSync(made, destination)
}
