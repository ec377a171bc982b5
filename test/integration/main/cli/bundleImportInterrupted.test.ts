import { spawn } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeBundle } from '../../../../shared/bundle/canonicalBundle'
import { importCommand } from '../../../../main/cli/commands/import'
import { silentLogger } from '../../../../main/platform/logger'
import { repository } from '../../support/builtCli'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { sampleBundleContent } from '../../../unit/shared/bundle/sampleBundleContent'

let folder: ReturnType<typeof createTemporaryFolder>

beforeEach(() => {
  folder = createTemporaryFolder('cli-import-interrupted')
})

afterEach(() => folder.remove())

const file = (name: string) => join(folder.path, name)
const newProjectFiles = () => readdirSync(folder.path).filter((entry) => entry.startsWith('New.capmap'))

/** A bundle whose import takes long enough to be interrupted: 6,000 test cases of ~3 KB payloads. */
function writeLargeBundle(path: string) {
  const content = sampleBundleContent()
  const testCase = content.testCases[0]!
  content.testCases = Array.from({ length: 6_000 }, (_, index) => ({
    ...testCase,
    name: `case ${index}`,
    payload: { mobile: '9845012345', nights: 2, notes: 'x'.repeat(3_000) }
  }))
  writeFileSync(path, serializeBundle(content, 'test'))
}

describe('capmap import --new interrupted', () => {
  it('leaves no project file and no lock at the path on Ctrl+C, so the import can simply be run again', async () => {
    writeLargeBundle(file('large.capmap.json'))
    // The CLI's source run as `capmap` runs its build, so the test needs no build of the studio.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repository, 'main/cli/index.ts'), 'import', file('large.capmap.json')].concat([
        '--project',
        file('New.capmap'),
        '--new'
      ]),
      { cwd: repository, env: { ...process.env, CAPMAP_CONFIG_DIR: file('config') }, stdio: 'ignore' }
    )
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
    // Interrupted as soon as the project's file is being written: the bundle is read, the seeding has begun.
    while (!existsSync(file('New.capmap.partial')) && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    child.kill('SIGINT')
    expect(await exited).toBe('SIGINT')

    expect(existsSync(file('New.capmap'))).toBe(false)
    expect(existsSync(file('New.capmap.lock'))).toBe(false)

    const again = await importCommand.run([file('large.capmap.json'), '--project', file('New.capmap'), '--new'], {
      configDir: file('config'),
      version: 'test',
      logger: silentLogger,
      print: () => {},
      printError: () => {}
    })
    expect(again).toBe(0)
    expect(newProjectFiles()).toEqual(['New.capmap'])
  }, 60_000)
})
