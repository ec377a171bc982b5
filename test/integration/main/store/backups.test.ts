import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { backupProject, backupsKept, listBackups } from '../../../../main/store/backups'
import { checkpoint, openProjectDatabase, type ProjectDatabase } from '../../../../main/store/database'
import { EventRepository } from '../../../../main/store/EventRepository'
import { eventDraft } from '../../support/eventDraft'
import { createTemporaryFolder } from '../../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>
let projectPath: string
let backupsRoot: string
let db: ProjectDatabase

const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 9, minute, 0))

beforeEach(() => {
  folder = createTemporaryFolder('backups')
  process.env.CAPMAP_CONFIG_DIR = join(folder.path, 'config')
  projectPath = join(folder.path, 'work', 'project.capmap')
  backupsRoot = join(folder.path, 'config', 'backups')
  mkdirSync(dirname(projectPath), { recursive: true })
  db = openProjectDatabase(projectPath, { create: true })
})

afterEach(() => {
  if (db.open) db.close()
  folder.remove()
})

/** Reads a backup as the studio would open it, read-only, and lists its event names. */
function eventNamesIn(backup: string): string[] {
  const copy = openProjectDatabase(backup, { readOnly: true })
  try {
    return new EventRepository(copy).list().map((event) => event.name)
  } finally {
    copy.close()
  }
}

describe('backupProject', () => {
  it('writes a copy that is a valid project with the events at the time of the backup', () => {
    const events = new EventRepository(db)
    events.insert({
      id: 'one',
      draft: eventDraft({ name: 'first' }),
      now: at(0).toISOString(),
      newAttributeId: randomUUID
    })
    const backup = backupProject(db, projectPath, backupsRoot, at(1))
    events.insert({
      id: 'two',
      draft: eventDraft({ name: 'second' }),
      now: at(2).toISOString(),
      newAttributeId: randomUUID
    })
    expect(eventNamesIn(backup)).toEqual(['first'])
  })

  it('makes a copy while the project stays open for writing', () => {
    backupProject(db, projectPath, backupsRoot, at(1))
    new EventRepository(db).insert({
      id: 'one',
      draft: eventDraft(),
      now: at(2).toISOString(),
      newAttributeId: randomUUID
    })
    expect(new EventRepository(db).get('one')).toBeDefined()
  })

  it('includes writes still in the WAL, not yet checkpointed into the project file', () => {
    db.pragma('wal_autocheckpoint = 0')
    new EventRepository(db).insert({
      id: 'one',
      draft: eventDraft({ name: 'in_wal' }),
      now: at(0).toISOString(),
      newAttributeId: randomUUID
    })
    expect(existsSync(`${projectPath}-wal`)).toBe(true)
    expect(eventNamesIn(backupProject(db, projectPath, backupsRoot, at(1)))).toEqual(['in_wal'])
  })

  it('writes backups under the backups folder, not beside the project', () => {
    const backup = backupProject(db, projectPath, backupsRoot, at(1))
    expect(backup.startsWith(`${backupsRoot}/`)).toBe(true)
    expect(basename(backup)).toMatch(/\.capmap$/)
  })

  it(`keeps only the newest ${backupsKept} backups`, () => {
    const made = Array.from({ length: backupsKept + 3 }, (_, minute) =>
      backupProject(db, projectPath, backupsRoot, at(minute))
    )
    const kept = listBackups(projectPath, backupsRoot)
    expect(kept).toEqual(made.slice(-backupsKept))
    for (const removed of made.slice(0, 3)) expect(existsSync(removed)).toBe(false)
  })

  it('keeps every backup a valid project, each with the events of its time', () => {
    const events = new EventRepository(db)
    for (let minute = 0; minute < backupsKept + 2; minute += 1) {
      events.insert({
        id: `e${minute}`,
        draft: eventDraft({ name: `event_${String(minute).padStart(2, '0')}`, attributes: [] }),
        now: at(minute).toISOString(),
        newAttributeId: randomUUID
      })
      backupProject(db, projectPath, backupsRoot, at(minute))
    }
    const counts = listBackups(projectPath, backupsRoot).map((backup) => eventNamesIn(backup).length)
    expect(counts).toEqual(Array.from({ length: backupsKept }, (_, index) => index + 3))
  })

  it('keeps the backups of two projects with the same file name apart', () => {
    const otherPath = join(folder.path, 'elsewhere', 'project.capmap')
    mkdirSync(dirname(otherPath), { recursive: true })
    const other = openProjectDatabase(otherPath, { create: true })
    new EventRepository(other).insert({
      id: 'x',
      draft: eventDraft({ name: 'other_project' }),
      now: at(0).toISOString(),
      newAttributeId: randomUUID
    })
    backupProject(db, projectPath, backupsRoot, at(1))
    backupProject(other, otherPath, backupsRoot, at(1))
    checkpoint(other)
    other.close()
    expect(listBackups(projectPath, backupsRoot)).toHaveLength(1)
    expect(listBackups(otherPath, backupsRoot).map(eventNamesIn)).toEqual([['other_project']])
    expect(listBackups(projectPath, backupsRoot).map(eventNamesIn)).toEqual([[]])
  })
})

describe('listBackups', () => {
  it('lists nothing for a project that has never been backed up', () => {
    expect(listBackups(join(folder.path, 'never.capmap'), backupsRoot)).toEqual([])
  })
})
