import Database from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { StudioError } from '../../../../main/errors/StudioError'
import { checkpoint, isReadOnly, openProjectDatabase, schemaVersionOf } from '../../../../main/store/database'
import { latestSchemaVersion, migrations } from '../../../../main/store/migrations'
import { capmapApplicationId } from '../../../../main/store/projectFile'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { sha256OfFile } from '../../support/sha256OfFile'

let folder: ReturnType<typeof createTemporaryFolder>

beforeEach(() => {
  folder = createTemporaryFolder('database')
  process.env.CAPMAP_CONFIG_DIR = join(folder.path, 'config')
})

afterEach(() => {
  folder.remove()
})

/** Creates a closed project file, as the studio leaves it after Close. */
function createClosedProject(name = 'project.capmap'): string {
  const path = join(folder.path, name)
  const db = openProjectDatabase(path, { create: true })
  checkpoint(db)
  db.close()
  return path
}

/** Runs an open that must fail, and returns the StudioError it failed with (closing the database if it opened). */
function refusalOf(open: () => { close(): unknown }): StudioError {
  let caught: unknown
  try {
    open().close()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(StudioError)
  return caught as StudioError
}

function jsonTextFile(): string {
  const path = join(folder.path, 'bundle.capmap')
  writeFileSync(path, `${JSON.stringify({ format: 'capmap-bundle', events: [] }, null, 2)}\n`)
  return path
}

function emptyFile(): string {
  const path = join(folder.path, 'empty.capmap')
  writeFileSync(path, '')
  return path
}

function otherAppDatabase(): string {
  const path = join(folder.path, 'other.capmap')
  const other = new Database(path)
  other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')")
  other.close()
  return path
}

function otherAppWalDatabase(): string {
  const path = join(folder.path, 'other-wal.capmap')
  const other = new Database(path)
  other.pragma('journal_mode = WAL')
  other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')")
  other.close()
  return path
}

function newerSchemaProject(): string {
  const path = createClosedProject('newer.capmap')
  const raw = new Database(path)
  raw.pragma(`user_version = ${latestSchemaVersion + 1}`)
  raw.close()
  return path
}

/** A closed project with enough rows to span many pages, cut in half. */
function truncatedProject(): string {
  const path = createClosedProject('truncated.capmap')
  const seed = new Database(path)
  seed.exec(
    `INSERT INTO project_meta (key, value)
     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
     SELECT 'key' || i, hex(randomblob(200)) FROM n`
  )
  seed.close()
  truncateSync(path, Math.floor(statSync(path).size / 2))
  return path
}

/** Keeps the 100-byte header (so it still looks like our SQLite file) and ruins the rest of the schema page. */
function garbledProject(): string {
  const path = createClosedProject('garbled.capmap')
  const bytes = readFileSync(path)
  bytes.fill(0xa5, 100, Math.min(bytes.length, 4096))
  writeFileSync(path, bytes)
  return path
}

describe('openProjectDatabase', () => {
  describe('a new project', () => {
    it('is in WAL mode', () => {
      const db = openProjectDatabase(join(folder.path, 'a.capmap'), { create: true })
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      db.close()
    })

    it('syncs fully (synchronous = FULL, 2)', () => {
      const db = openProjectDatabase(join(folder.path, 'a.capmap'), { create: true })
      expect(db.pragma('synchronous', { simple: true })).toBe(2)
      db.close()
    })

    it('enforces foreign keys', () => {
      const db = openProjectDatabase(join(folder.path, 'a.capmap'), { create: true })
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(() =>
        db
          .prepare(
            "INSERT INTO attributes (id, event_id, position, name, type, options) VALUES ('a', 'none', 0, 'x', 'string', '{}')"
          )
          .run()
      ).toThrow(/FOREIGN KEY/)
      db.close()
    })

    it('records every migration in schema_migrations', () => {
      const db = openProjectDatabase(join(folder.path, 'a.capmap'), { create: true })
      const recorded = db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as {
        version: number
        name: string
        applied_at: string
      }[]
      expect(recorded.map(({ version, name }) => ({ version, name }))).toEqual(
        migrations.map(({ version, name }) => ({ version, name }))
      )
      for (const row of recorded) expect(Number.isNaN(Date.parse(row.applied_at))).toBe(false)
      db.close()
    })

    it('has user_version at the latest schema version', () => {
      const db = openProjectDatabase(join(folder.path, 'a.capmap'), { create: true })
      expect(schemaVersionOf(db)).toBe(latestSchemaVersion)
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion)
      db.close()
    })

    it('is marked as ours with application_id', () => {
      const path = createClosedProject()
      const raw = new Database(path, { readonly: true })
      expect(raw.pragma('application_id', { simple: true })).toBe(capmapApplicationId)
      raw.close()
    })

    it('keeps its schema when written and read back by a plain SQLite connection', () => {
      const path = createClosedProject()
      const raw = new Database(path, { readonly: true })
      const tables = (
        raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
          name: string
        }[]
      ).map((row) => row.name)
      raw.close()
      expect(tables).toEqual(expect.arrayContaining(['attributes', 'events', 'project_meta', 'schema_migrations']))
    })
  })

  it('does not run migrations again when a project is reopened', () => {
    const path = createClosedProject()
    const first = new Database(path, { readonly: true })
    const appliedBefore = first.prepare('SELECT version, applied_at FROM schema_migrations').all()
    first.close()
    const db = openProjectDatabase(path)
    const appliedAfter = db.prepare('SELECT version, applied_at FROM schema_migrations').all()
    expect(appliedAfter).toEqual(appliedBefore)
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: migrations.length })
    db.close()
  })

  it('keeps the data of a project across close and reopen', () => {
    const path = createClosedProject()
    const db = openProjectDatabase(path)
    db.prepare("INSERT INTO project_meta (key, value) VALUES ('k', 'v')").run()
    db.close()
    const reopened = openProjectDatabase(path)
    expect(reopened.prepare("SELECT value FROM project_meta WHERE key = 'k'").get()).toEqual({ value: 'v' })
    reopened.close()
  })

  it('opens a project read-only so that writes are refused by SQLite', () => {
    const path = createClosedProject()
    const db = openProjectDatabase(path, { readOnly: true })
    expect(isReadOnly(db)).toBe(true)
    expect(() => db.prepare("INSERT INTO project_meta (key, value) VALUES ('k', 'v')").run()).toThrow(/readonly/i)
    db.close()
  })

  it('refuses to create a project over an existing file and leaves that file alone', () => {
    const path = join(folder.path, 'existing.capmap')
    writeFileSync(path, 'precious')
    expect(() => openProjectDatabase(path, { create: true })).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringContaining('already exists') })
    )
    expect(readFileSync(path, 'utf8')).toBe('precious')
  })

  it('refuses a missing file with not_found and creates nothing', () => {
    const path = join(folder.path, 'missing.capmap')
    expect(() => openProjectDatabase(path)).toThrow(expect.objectContaining({ code: 'not_found' }))
    expect(existsSync(path)).toBe(false)
  })

  describe.each([
    ['a JSON text file', jsonTextFile, ['not_a_project']],
    ['an empty file', emptyFile, ['not_a_project']],
    ["another app's SQLite file", otherAppDatabase, ['not_a_project']],
    ["another app's SQLite file in WAL mode", otherAppWalDatabase, ['not_a_project']],
    ['a project of a newer schema', newerSchemaProject, ['newer_schema']],
    ['a truncated project', truncatedProject, ['corrupt_project', 'not_a_project']],
    ['a project whose first page is overwritten with garbage', garbledProject, ['corrupt_project', 'not_a_project']]
  ] as const)('%s', (_label, makeFile, codes) => {
    it(`is refused with ${codes.join(' or ')}`, () => {
      const path = makeFile()
      expect(codes).toContain(refusalOf(() => openProjectDatabase(path)).code)
    })

    it('is refused the same way when opened read-only', () => {
      const path = makeFile()
      expect(codes).toContain(refusalOf(() => openProjectDatabase(path, { readOnly: true })).code)
    })

    it('is left byte-for-byte unchanged', () => {
      const path = makeFile()
      const before = sha256OfFile(path)
      refusalOf(() => openProjectDatabase(path))
      expect(sha256OfFile(path)).toBe(before)
    })

    it('gets no -wal or -shm file left beside it', () => {
      const path = makeFile()
      const before = readdirSync(folder.path).sort()
      refusalOf(() => openProjectDatabase(path))
      expect(readdirSync(folder.path).sort()).toEqual(before)
    })
  })
})
