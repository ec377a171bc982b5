import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CaptureRepository } from '../../../../main/store/CaptureRepository'
import { openProjectDatabase } from '../../../../main/store/database'
import { capmapBin as bin, buildTimeoutMs, ensureBuiltCli } from '../../support/builtCli'
import { jsonCapture } from '../../support/jsonCapture'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { copySampleProject } from '../../support/sampleProjectCopy'
import { capmapEnvironment } from '../listener/runCapmap'

let folder: ReturnType<typeof createTemporaryFolder>
let configDir: string

beforeAll(ensureBuiltCli, buildTimeoutMs)

beforeEach(() => {
  folder = createTemporaryFolder('closed-output')
  configDir = join(folder.path, 'config')
  copySampleProject(join(folder.path, 'Shop.capmap'))
})

afterEach(() => folder.remove())

/** Far more lines than a pipe holds (64 KiB on Linux), so capmap is still writing when its reader goes away. */
function addCaptures(count: number): void {
  const db = openProjectDatabase(join(folder.path, 'Shop.capmap'))
  new CaptureRepository(db).insert(Array.from({ length: count }, (_, n) => jsonCapture(`{"n":${n}}`)))
  db.close()
}

describe('capmap, when what reads its output goes away', () => {
  it('stops quietly with exit 141 (as git and grep) when its reader closes the pipe, as `| head -1` does', async () => {
    addCaptures(5000)
    const child = spawn(process.execPath, [bin, 'captures', 'list', '--project', 'Shop.capmap', '--limit', '5000'], {
      cwd: folder.path,
      env: capmapEnvironment(configDir)
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
      child.once('close', (code, signal) => resolveExit({ code, signal }))
    )
    const firstChunk = await new Promise<string>((resolveChunk) =>
      child.stdout.setEncoding('utf8').once('data', resolveChunk)
    )
    child.stdout.destroy()
    expect(await exited).toEqual({ code: 141, signal: null })
    expect(firstChunk).toContain('POST /hooks/shop')
    expect(stderr).toBe('')
  })

  it.skipIf(!existsSync('/dev/full'))('still fails on any other write error (a full disk)', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" --version > /dev/full`], {
      cwd: folder.path,
      env: capmapEnvironment(configDir),
      encoding: 'utf8'
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('ENOSPC')
  })
})
