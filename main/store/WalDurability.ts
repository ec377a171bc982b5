import { closeSync, fsync, fsyncSync, openSync } from 'node:fs'
import type { ProjectDatabase } from './database'

/**
 * Commits with the fsync off the event loop. In WAL mode, synchronous=FULL only adds an fsync of the WAL file to
 * every commit (checkpoints sync either way). The relay commits its outbox writes without it and syncs the WAL file
 * itself on libuv's thread pool: the event loop, from which the listener answers senders, never waits for the disk,
 * and one sync covers every commit made meanwhile.
 */
export interface CommitDurability {
  /** Runs a write transaction whose commit is made durable by `sync`, not by SQLite. */
  commitUnsynced<T>(write: () => T): T
  /** Makes everything committed so far durable, then calls back (with the error if the sync failed). */
  sync(done: (error: Error | null) => void): void
  /** The same, now, blocking: for closing. */
  syncNow(): void
  close(): void
}

/** Durability deferred to a sync of the project's WAL file; undefined when the file is not in WAL mode. */
export function walDurability(db: ProjectDatabase): CommitDurability | undefined {
  if (db.memory || String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return undefined
  // A read makes SQLite create the WAL file if it is not there yet; it then lives as long as the connection.
  db.pragma('schema_version', { simple: true })
  let descriptor: number
  try {
    descriptor = openSync(`${db.name}-wal`, 'r+')
  } catch {
    return undefined
  }
  const fullSync = Number(db.pragma('synchronous', { simple: true }))
  let open = true
  return {
    commitUnsynced(write) {
      db.pragma('synchronous = NORMAL')
      try {
        return write()
      } finally {
        db.pragma(`synchronous = ${fullSync}`)
      }
    },
    sync(done) {
      fsync(descriptor, (error) => done(error))
    },
    syncNow() {
      fsyncSync(descriptor)
    },
    close() {
      if (open) closeSync(descriptor)
      open = false
    }
  }
}
