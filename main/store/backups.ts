import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ProjectDatabase } from './database'

export const backupsKept = 10

/**
 * Rolling backups of a project in the studio's config folder, one folder per project path, the newest `backupsKept`
 * kept. Written with SQLite's `VACUUM INTO`, which makes a consistent single-file copy while the project stays open.
 */
export function backupProject(db: ProjectDatabase, projectPath: string, backupsRoot: string, now: Date): string {
  const folder = join(backupsRoot, backupFolderName(projectPath))
  mkdirSync(folder, { recursive: true })
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = join(folder, `${stamp}.capmap`)
  db.prepare('VACUUM INTO ?').run(target)
  pruneBackups(folder)
  return target
}

export function listBackups(projectPath: string, backupsRoot: string): string[] {
  const folder = join(backupsRoot, backupFolderName(projectPath))
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith('.capmap'))
      .sort()
      .map((name) => join(folder, name))
  } catch {
    return []
  }
}

function pruneBackups(folder: string): void {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.capmap'))
    .sort()
  for (const old of files.slice(0, Math.max(0, files.length - backupsKept))) rmSync(join(folder, old), { force: true })
}

function backupFolderName(projectPath: string): string {
  const hash = createHash('sha256').update(projectPath).digest('hex').slice(0, 12)
  return `${basename(projectPath).replace(/[^\w.-]/g, '_')}-${hash}`
}
