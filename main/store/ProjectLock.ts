import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'

interface LockOwner {
  pid: number
  hostname: string
  since: string
}

export type LockResult = { acquired: true; lock: ProjectLock } | { acquired: false; owner: LockOwner }

/**
 * A project open for editing in one studio is not opened for editing in another. The lock is a file beside the
 * project (`<file>.lock`) naming its owner; a lock whose owner process is gone (killed, crashed) on this host is
 * stale and taken over, so it never blocks anyone. `capmap listen`, `captures` and `export` do not take it: SQLite's
 * WAL lets them read and write alongside. The commands that change what a studio edits (`import`, `test`,
 * `publish`) take it, as a studio would: the studio open on the file would not see their changes. `capmap relay`
 * takes it too: a studio editing the file runs its own relay, and two relays would post the same rows.
 */
export class ProjectLock {
  private constructor(private readonly lockPath: string) {}

  static acquire(projectPath: string): LockResult {
    const lockPath = `${projectPath}.lock`
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(lockPath, 'wx')
        const owner: LockOwner = { pid: process.pid, hostname: hostname(), since: new Date().toISOString() }
        writeSync(fd, JSON.stringify(owner))
        closeSync(fd)
        return { acquired: true, lock: new ProjectLock(lockPath) }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const owner = readOwner(lockPath)
      if (owner && isAlive(owner)) return { acquired: false, owner }
      rmSync(lockPath, { force: true })
    }
    const owner = readOwner(lockPath)
    return { acquired: false, owner: owner ?? { pid: 0, hostname: 'unknown', since: '' } }
  }

  release(): void {
    const owner = readOwner(this.lockPath)
    if (owner?.pid === process.pid && owner.hostname === hostname()) rmSync(this.lockPath, { force: true })
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockOwner>
    if (typeof owner.pid !== 'number' || typeof owner.hostname !== 'string') return undefined
    return { pid: owner.pid, hostname: owner.hostname, since: owner.since ?? '' }
  } catch {
    return undefined
  }
}

/** Another host's lock (a shared drive) cannot be checked, so it is honoured. */
function isAlive(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return true
  if (owner.pid === process.pid) return true
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
