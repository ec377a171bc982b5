import Database from 'better-sqlite3'
import { accessSync, constants, existsSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { StudioError } from '../errors/StudioError'
import { latestSchemaVersion, migrations } from './migrations'
import { capmapApplicationId } from './projectFile'
import { readProjectFileHeader } from './projectFileHeader'

export type ProjectDatabase = Database.Database

/**
 * Runs `work` in one transaction that begins IMMEDIATE, taking the write lock first (waiting out the busy timeout
 * while another connection holds it). A deferred transaction that reads first cannot take that lock once another
 * connection has committed since its read, the listener's writer thread say: SQLite then fails it at once
 * (SQLITE_BUSY_SNAPSHOT), without waiting. Inside another transaction, it is a savepoint. For writes only: on a
 * project open read-only it fails, even for work that only reads.
 */
export function inWriteTransaction<T>(db: ProjectDatabase, work: () => T): T {
  // eslint-disable-next-line no-restricted-syntax -- the one place transactions begin.
  return db.transaction(work).immediate()
}

export interface OpenDatabaseOptions {
  /** Make a new project file; refuses to overwrite an existing one. */
  create?: boolean
  readOnly?: boolean
}

/**
 * Opens a project file after checking that it is a project of a schema we know, so that a file that is not ours, is
 * corrupt or is newer is refused with a clear message and left untouched. A read-only project is opened through a
 * writable connection with `query_only` set: SQLite then still cleans its -wal/-shm files when the last connection
 * closes (a truly read-only connection cannot, and would leave them beside the user's file).
 */
export function openProjectDatabase(path: string, options: OpenDatabaseOptions = {}): ProjectDatabase {
  if (options.create) {
    if (existsSync(path)) throw new StudioError('conflict', `${path} already exists: choose another name.`)
    return initialise(new Database(path))
  }
  if (!existsSync(path)) throw new StudioError('not_found', `There is no file at ${path}.`)
  const access = diskAccess(path)
  if (!access.folder && !existsSync(`${path}-shm`)) {
    // A WAL database is read through its -shm file, which SQLite then cannot create.
    throw new StudioError(
      'file_error',
      `${path} cannot be opened: its folder is read-only for you, and SQLite must create ${basename(path)}-shm beside it. Copy the project to a folder you can write.`
    )
  }
  if (!options.readOnly && !access.file) {
    throw new StudioError(
      'read_only',
      `${path} is read-only for you (its permissions): make it writable, or work on a copy.`
    )
  }
  inspectProjectFile(path)
  const db = openConnection(path, options.readOnly ?? false)
  try {
    return options.readOnly ? configureReadOnly(db) : initialise(db)
  } catch (error) {
    db.close()
    throw error
  }
}

/** Whether this process may write the file, and create files (-wal, -shm, the lock) in its folder. */
export function diskAccess(path: string): { file: boolean; folder: boolean } {
  const writable = (target: string) => {
    try {
      accessSync(target, constants.W_OK)
      return true
    } catch {
      return false
    }
  }
  return { file: writable(path), folder: writable(dirname(path)) }
}

/** Whether writes through this connection are refused (a read-only file, or a project opened read-only). */
export function isReadOnly(db: ProjectDatabase): boolean {
  return db.readonly || db.pragma('query_only', { simple: true }) === 1
}

function openConnection(path: string, readOnly: boolean): Database.Database {
  try {
    return new Database(path, { fileMustExist: true })
  } catch (error) {
    // A file the user may not write (permissions, read-only media) can still be opened to read.
    if (readOnly && /readonly|EACCES|EROFS|permission/i.test((error as Error).message)) {
      return new Database(path, { readonly: true, fileMustExist: true })
    }
    throw error
  }
}

function inspectProjectFile(path: string): void {
  const header = readProjectFileHeader(path)
  if (!header.isSqlite || header.applicationId !== capmapApplicationId) {
    throw new StudioError('not_a_project', `${path} is not a Capillary Mapping Studio project.`)
  }
  if (header.userVersion > latestSchemaVersion) {
    throw new StudioError(
      'newer_schema',
      `${path} was saved by a newer Capillary Mapping Studio (project schema ${header.userVersion}, this studio knows up to ${latestSchemaVersion}). Update the studio to open it.`
    )
  }
  let probe: Database.Database | undefined
  try {
    probe = configureReadOnly(openConnection(path, true))
    const check = probe.pragma('quick_check', { simple: true }) as string
    if (check !== 'ok') throw new StudioError('corrupt_project', `${path} is damaged (${check}). Open a backup.`)
  } catch (error) {
    if (error instanceof StudioError) throw error
    const message = (error as Error).message
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new StudioError('corrupt_project', `${path} is damaged (${message}). Open a backup.`)
    }
    throw error
  } finally {
    probe?.close()
  }
}

/** How long a write waits for another connection's (another process's) write lock before it fails, busy. */
export const busyTimeoutMs = 5_000

function initialise(db: Database.Database): Database.Database {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${busyTimeoutMs}`)
  assertPragma(db, 'synchronous', 2)
  assertPragma(db, 'foreign_keys', 1)
  migrate(db)
  return db
}

function configureReadOnly(db: Database.Database): Database.Database {
  if (!db.readonly) db.pragma('query_only = ON')
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${busyTimeoutMs}`)
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
  const pending = migrations.filter((migration) => !applied.has(migration.version))
  for (const migration of pending) {
    inWriteTransaction(db, () => {
      db.exec(migration.sql)
      record.run(migration.version, migration.name, new Date().toISOString())
      db.pragma(`user_version = ${migration.version}`)
      db.pragma(`application_id = ${capmapApplicationId}`)
    })
  }
  // The file header (application id, schema version) is read before SQLite opens a file: put it in the main file
  // now rather than leaving it in the WAL until some later checkpoint.
  if (pending.length > 0) db.pragma('wal_checkpoint(TRUNCATE)')
}

export function schemaVersionOf(db: ProjectDatabase): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Folds the WAL into the main file so the project is one complete file (Close, before handing it on). */
export function checkpoint(db: ProjectDatabase): void {
  if (!isReadOnly(db)) db.pragma('wal_checkpoint(TRUNCATE)')
}
