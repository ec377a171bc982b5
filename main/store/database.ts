import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { StudioError } from '../errors/StudioError'
import { latestSchemaVersion, migrations } from './migrations'
import { capmapApplicationId } from './projectFile'

export type ProjectDatabase = Database.Database

export interface OpenDatabaseOptions {
  /** Make a new project file; refuses to overwrite an existing one. */
  create?: boolean
  readOnly?: boolean
}

/**
 * Opens a project file after checking, read-only first, that it is a project of a schema we know, so that a file
 * that is not ours, is corrupt or is newer is refused with a clear message and left byte-for-byte untouched.
 */
export function openProjectDatabase(path: string, options: OpenDatabaseOptions = {}): ProjectDatabase {
  if (options.create) {
    if (existsSync(path)) throw new StudioError('conflict', `${path} already exists: choose another name.`)
    return initialise(new Database(path))
  }
  if (!existsSync(path)) throw new StudioError('not_found', `There is no file at ${path}.`)
  inspectProjectFile(path)
  const db = new Database(path, { readonly: options.readOnly ?? false, fileMustExist: true })
  try {
    return options.readOnly ? configureReadOnly(db) : initialise(db)
  } catch (error) {
    db.close()
    throw error
  }
}

function inspectProjectFile(path: string): void {
  let probe: Database.Database
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new StudioError('not_a_project', `${path} cannot be opened as a project: ${(error as Error).message}`)
  }
  try {
    const applicationId = probe.pragma('application_id', { simple: true }) as number
    const version = probe.pragma('user_version', { simple: true }) as number
    if (applicationId !== capmapApplicationId) {
      throw new StudioError('not_a_project', `${path} is not a Capillary Mapping Studio project.`)
    }
    if (version > latestSchemaVersion) {
      throw new StudioError(
        'newer_schema',
        `${path} was saved by a newer Capillary Mapping Studio (project schema ${version}, this studio knows up to ${latestSchemaVersion}). Update the studio to open it.`
      )
    }
    const check = probe.pragma('quick_check', { simple: true }) as string
    if (check !== 'ok') throw new StudioError('corrupt_project', `${path} is damaged (${check}). Open a backup.`)
  } catch (error) {
    if (error instanceof StudioError) throw error
    const message = (error as Error).message
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new StudioError('not_a_project', `${path} is not a Capillary Mapping Studio project (${message}).`)
    }
    throw error
  } finally {
    probe.close()
  }
}

function initialise(db: Database.Database): Database.Database {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  assertPragma(db, 'synchronous', 2)
  assertPragma(db, 'foreign_keys', 1)
  migrate(db)
  return db
}

function configureReadOnly(db: Database.Database): Database.Database {
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  return db
}

/** synchronous=FULL is what makes a committed write survive power loss in WAL mode: verify, never assume. */
function assertPragma(db: Database.Database, name: string, expected: number): void {
  const actual = db.pragma(name, { simple: true })
  if (actual !== expected)
    throw new StudioError('internal', `SQLite refused ${name}=${expected} (got ${String(actual)}).`)
}

function migrate(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`)
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version)
  )
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue
    db.transaction(() => {
      db.exec(migration.sql)
      record.run(migration.version, migration.name, new Date().toISOString())
      db.pragma(`user_version = ${migration.version}`)
      db.pragma(`application_id = ${capmapApplicationId}`)
    })()
  }
}

export function schemaVersionOf(db: ProjectDatabase): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Folds the WAL into the main file so the project is one complete file (Close, before handing it on). */
export function checkpoint(db: ProjectDatabase): void {
  if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)')
}
