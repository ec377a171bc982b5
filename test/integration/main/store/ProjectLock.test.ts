import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { ProjectLock } from '../../../../main/store/ProjectLock'
import { createTemporaryFolder } from '../../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>
let projectPath: string

beforeEach(() => {
  folder = createTemporaryFolder('lock')
  process.env.CAPMAP_CONFIG_DIR = join(folder.path, 'config')
  projectPath = join(folder.path, 'project.capmap')
})

afterEach(() => {
  folder.remove()
})

function acquired(result: ReturnType<typeof ProjectLock.acquire>): ProjectLock {
  if (!result.acquired) throw new Error(`expected the lock, but ${result.owner.pid} holds it`)
  return result.lock
}

/** The pid of a real process that has been killed and has exited, so that no process has that pid now. */
async function pidOfKilledProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
  await new Promise<void>((resolveSpawn, reject) => {
    child.once('spawn', resolveSpawn)
    child.once('error', reject)
  })
  const pid = child.pid
  if (pid === undefined) throw new Error('the child process has no pid')
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()))
  child.kill('SIGKILL')
  await exited
  return pid
}

function writeLockFile(owner: { pid: number; hostname: string; since: string }): void {
  writeFileSync(`${projectPath}.lock`, JSON.stringify(owner))
}

describe('ProjectLock', () => {
  it('is acquired on a project nobody holds, and writes a lock file naming this process and host', () => {
    acquired(ProjectLock.acquire(projectPath))
    const owner = JSON.parse(readFileSync(`${projectPath}.lock`, 'utf8')) as Record<string, unknown>
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname() })
    expect(Number.isNaN(Date.parse(String(owner.since)))).toBe(false)
  })

  it('refuses a second acquire while held, naming the owner', () => {
    acquired(ProjectLock.acquire(projectPath))
    const second = ProjectLock.acquire(projectPath)
    expect(second.acquired).toBe(false)
    if (second.acquired) return
    expect(second.owner).toMatchObject({ pid: process.pid, hostname: hostname() })
  })

  it('can be acquired again once released', () => {
    acquired(ProjectLock.acquire(projectPath)).release()
    expect(existsSync(`${projectPath}.lock`)).toBe(false)
    expect(ProjectLock.acquire(projectPath).acquired).toBe(true)
  })

  it('takes over a lock left by a process that was killed on this host', async () => {
    const pid = await pidOfKilledProcess()
    writeLockFile({ pid, hostname: hostname(), since: '2024-01-01T00:00:00.000Z' })
    acquired(ProjectLock.acquire(projectPath))
    expect(JSON.parse(readFileSync(`${projectPath}.lock`, 'utf8'))).toMatchObject({ pid: process.pid })
  })

  it('honours a lock held by a live process on this host', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    try {
      await new Promise<void>((resolveSpawn) => child.once('spawn', resolveSpawn))
      writeLockFile({ pid: child.pid ?? -1, hostname: hostname(), since: '2024-01-01T00:00:00.000Z' })
      const result = ProjectLock.acquire(projectPath)
      expect(result.acquired).toBe(false)
      if (!result.acquired) expect(result.owner.pid).toBe(child.pid)
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('honours a lock naming another host, whose process cannot be checked', async () => {
    const pid = await pidOfKilledProcess()
    writeLockFile({ pid, hostname: `not-${hostname()}`, since: '2024-01-01T00:00:00.000Z' })
    const result = ProjectLock.acquire(projectPath)
    expect(result.acquired).toBe(false)
    if (!result.acquired)
      expect(result.owner).toEqual({ pid, hostname: `not-${hostname()}`, since: '2024-01-01T00:00:00.000Z' })
    expect(JSON.parse(readFileSync(`${projectPath}.lock`, 'utf8'))).toMatchObject({ pid })
  })

  it('takes over a lock file that is not readable as an owner (half-written)', () => {
    writeFileSync(`${projectPath}.lock`, '{"pid": 12')
    acquired(ProjectLock.acquire(projectPath))
    expect(JSON.parse(readFileSync(`${projectPath}.lock`, 'utf8'))).toMatchObject({ pid: process.pid })
  })

  it('leaves the lock file in place on release when it names another owner', () => {
    const lock = acquired(ProjectLock.acquire(projectPath))
    writeLockFile({ pid: process.pid + 1, hostname: `not-${hostname()}`, since: '2024-01-01T00:00:00.000Z' })
    lock.release()
    expect(existsSync(`${projectPath}.lock`)).toBe(true)
  })
})
