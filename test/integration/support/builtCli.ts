import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const repository = join(__dirname, '../../..')
/** What `npx capmap` runs: the CLI as built into out/. */
export const capmapBin = join(repository, 'bin/capmap.js')

const builtCli = join(repository, 'out/main/cli.js')

/**
 * Builds the studio when out/ is missing or older than a source file. `npm test` builds before the suites, so this
 * only builds when one CLI suite is run by hand after an edit.
 */
export function ensureBuiltCli(): void {
  if (existsSync(builtCli) && statSync(builtCli).mtimeMs >= newestSourceChange()) return
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: repository, encoding: 'utf8', timeout: 180_000 })
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`)
}

/** How long ensureBuiltCli may take, for beforeAll. */
export const buildTimeoutMs = 200_000

function newestSourceChange(): number {
  let newest = 0
  for (const folder of ['main', 'shared']) {
    for (const entry of readdirSync(join(repository, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
    }
  }
  return newest
}
