import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../main/platform/logger'
import { createStudio } from '../../../../main/services/createStudio'
import { capmap, ensureBuiltCli } from '../listener/runCapmap'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { copySampleProject } from '../../support/sampleProjectCopy'

let folder: ReturnType<typeof createTemporaryFolder>
/** The config folder (logs) lies elsewhere: only the project's place is taken from the user. */
let config: ReturnType<typeof createTemporaryFolder>
let project: string
const protectedPaths: string[] = []

beforeAll(ensureBuiltCli, 200_000)

beforeEach(() => {
  folder = createTemporaryFolder('read-only')
  config = createTemporaryFolder('read-only-config')
  project = join(folder.path, 'Shop.capmap')
  copySampleProject(project)
})

afterEach(() => {
  for (const path of protectedPaths.splice(0)) allowWrites(path)
  folder.remove()
  config.remove()
})

// Root writes through permissions: the file or folder is made immutable for it instead (ext4's `i` attribute).
const asRoot = process.getuid?.() === 0

function forbidWrites(path: string): void {
  if (asRoot) execFileSync('chattr', ['+i', path])
  else chmodSync(path, statSync(path).mode & ~0o222)
  protectedPaths.push(path)
}

function allowWrites(path: string): void {
  if (asRoot) execFileSync('chattr', ['-i', path])
  else chmodSync(path, statSync(path).mode | 0o200)
}

const run = (...args: string[]) => capmap(folder.path, config.path, args)
/** A stack trace's frames: a user is told what to do, never shown where the code was. */
const stackFrame = /^\s+at /m

describe('a project the user may not write', () => {
  it('is read by the reading commands and refused, in words, by the writing ones, left as it was', () => {
    forbidWrites(project)
    const bytes = readFileSync(project)
    const listed = run('captures', 'list', '--project', 'Shop.capmap')
    expect(listed.status).toBe(0)
    expect(listed.stdout.trim().split('\n')).toHaveLength(4)

    const listen = run('listen', '--project', 'Shop.capmap', '--port', '0')
    expect(listen.status).toBe(1)
    expect(listen.stderr).toContain(
      `${project} is read-only for you (its permissions): make it writable, or work on a copy.`
    )
    expect(listen.stderr).not.toMatch(stackFrame)

    const tested = run('test', '--project', 'Shop.capmap')
    expect(tested.status).not.toBe(0)
    expect(tested.stderr).toContain('read-only')
    expect(tested.stderr).not.toMatch(stackFrame)
    expect(readFileSync(project).equals(bytes)).toBe(true)
  })

  it('says in words that a project in a folder the user may not write cannot be opened', () => {
    forbidWrites(folder.path)
    const listed = run('captures', 'list', '--project', 'Shop.capmap')
    expect(listed.status).toBe(1)
    expect(listed.stderr).toContain(
      `${project} cannot be opened: its folder is read-only for you, and SQLite must create Shop.capmap-shm beside it.`
    )
    expect(listed.stderr).not.toMatch(stackFrame)
  })

  it('is opened read-only by the studio, saying why, and a folder it cannot write is refused in words', () => {
    const studio = createStudio({ configDir: config.path, mode: 'web', version: 'test', logger: silentLogger })
    try {
      forbidWrites(project)
      expect(studio.session.open(project).project).toMatchObject({
        path: project,
        readOnly: true,
        readOnlyReason: 'The file is read-only for you (its permissions): opened read-only.'
      })
      studio.session.close()
      // A fresh copy: reading the first left its -shm beside it, which lets SQLite read it even from there.
      const fresh = join(config.path, 'fresh', 'Shop.capmap')
      mkdirSync(dirname(fresh))
      copySampleProject(fresh)
      forbidWrites(dirname(fresh))
      expect(() => studio.session.open(fresh)).toThrow(
        expect.objectContaining({
          code: 'file_error',
          message: expect.stringContaining('cannot be opened: its folder is read-only for you')
        })
      )
    } finally {
      studio.session.close()
    }
  })
})
