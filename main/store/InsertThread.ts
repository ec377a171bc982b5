import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads'
import { resolvePackage } from '../platform/resolvePackage'

export interface InsertThreadOptions {
  /** The project file (already opened, migrated and in WAL mode by the main connection). */
  file: string
  /** One INSERT with positional parameters; each row is its parameters in order. */
  sql: string
  /** The thread's connection's `wal_autocheckpoint`, in pages. */
  autoCheckpointPages: number
  /** How long a group waits for the main connection's write lock before it fails. */
  busyTimeoutMs: number
}

export interface InsertThread {
  /**
   * Inserts a group of rows in one transaction, durably (synchronous=FULL: the commit fsyncs), then calls `done`
   * with their rowids, or with the error when none was stored. Callbacks come in the order of the calls. Groups
   * handed over while one is being written are written together next: one transaction and one fsync for all.
   */
  insert(rows: readonly unknown[][], done: (error: Error | null, rowids: string[]) => void): void
  /** False once the thread has stopped (closed, failed or unresponsive): groups handed over then are refused. */
  isRunning(): boolean
  /** Blocks until every group handed over is written and called back (for closing, which is synchronous). */
  finish(): void
  /** Finishes, then closes the thread's connection and stops it, blocking until the connection is closed. */
  close(): void
}

interface Pending {
  rows: readonly unknown[][]
  done(error: Error | null, rowids: string[]): void
  /** Written in a transaction of its own: a row of it broke a constraint in one shared with other groups. */
  alone?: boolean
}

type Reply = { ok: true; rowids: string[] } | { ok: false; message: string; code?: string }

// The thread's program: ours, fixed, never built from user text. It answers on its own port and bumps a shared
// counter after every answer, so the main thread can also wait for one synchronously (Atomics.wait) when closing.
const threadSource = `
const { workerData } = require('node:worker_threads')
const { port, answered } = workerData
const answers = new Int32Array(answered)
const answer = (reply) => {
  port.postMessage(reply)
  Atomics.add(answers, 0, 1)
  Atomics.notify(answers, 0)
}
const open = () => {
  const Database = require(workerData.driverPath)
  const db = new Database(workerData.file, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = ' + workerData.busyTimeoutMs)
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('wal_autocheckpoint = ' + workerData.autoCheckpointPages)
    const mode = String(db.pragma('journal_mode', { simple: true }))
    if (mode.toLowerCase() !== 'wal') throw new Error(workerData.file + ' is not in WAL mode (' + mode + ')')
    const insert = db.prepare(workerData.sql)
    return { db, insertAll: db.transaction((rows) => rows.map((row) => String(insert.run(row).lastInsertRowid))) }
  } catch (error) {
    db.close()
    throw error
  }
}
const serve = ({ db, insertAll }) => {
  port.on('message', (rows) => {
    if (rows === null) {
      db.close()
      answer({ ok: true, rowids: [] })
      return void port.close()
    }
    try {
      answer({ ok: true, rowids: insertAll.immediate(rows) })
    } catch (error) {
      answer({ ok: false, message: String(error && error.message), code: error && error.code })
    }
  })
  answer({ ok: true, rowids: [] })
}
try {
  serve(open())
} catch (error) {
  answer({ ok: false, message: String(error && error.message) })
  port.close()
}
`

/**
 * A second connection to the project file, on a worker thread, that only inserts rows: the listener's captures are
 * written and fsynced there, so the event loop spends its time reading requests and answering them. SQLite allows
 * one writer at a time: the main connection's own writes (indexing, retention, edits) take turns with this one,
 * each waiting up to its busy timeout. Resolves once the thread has opened the file; rejects when it cannot, and
 * when `signal` aborts first, having then waited for the thread to let go of the file.
 */
export async function startInsertThread(options: InsertThreadOptions, signal?: AbortSignal): Promise<InsertThread> {
  signal?.throwIfAborted()
  const { port1: port, port2: threadPort } = new MessageChannel()
  const answered = new SharedArrayBuffer(4)
  const worker = new Worker(threadSource, {
    eval: true,
    workerData: { ...options, driverPath: resolvePackage('better-sqlite3'), port: threadPort, answered },
    transferList: [threadPort]
  })
  /** A synchronous wait gives up after this long: the thread is then taken for dead. */
  const waitLimitMs = options.busyTimeoutMs + 10_000
  const answers = new Int32Array(answered)
  let failure: Error | undefined
  /** Handed over and being written, oldest first: one message, one transaction. */
  let writing: Pending[] = []
  let queued: Pending[] = []

  try {
    await new Promise<void>((resolveReady, rejectReady) => {
      const ready = (reply: Reply) => {
        signal?.removeEventListener('abort', abandon)
        if (reply.ok) resolveReady()
        else rejectReady(new Error(reply.message))
      }
      // The file's owner is closing it before the thread is up: the thread may be opening it right now. Wait for
      // it here, synchronously, and have it close its connection before the owner goes on (deleting the file, say).
      const abandon = () => {
        port.off('message', ready)
        if (awaitAnswer()?.ok) {
          port.postMessage(null)
          awaitAnswer()
        }
        void worker.terminate()
        rejectReady(new Error('the writer thread was stopped before it was up'))
      }
      signal?.addEventListener('abort', abandon, { once: true })
      port.once('message', ready)
      worker.once('error', rejectReady)
    })
  } catch (error) {
    port.close()
    throw error
  }

  const fail = (error: Error) => {
    failure ??= error
    const lost = [...writing, ...queued]
    writing = []
    queued = []
    for (const pending of lost) pending.done(failure, [])
  }
  worker.on('error', (error) => fail(new Error(`the writer thread failed: ${error.message}`)))
  worker.on('exit', () => fail(new Error('the writer thread has stopped')))
  port.on('message', (reply: Reply) => receive(reply))

  function receive(reply: Reply): void {
    const written = writing
    writing = []
    // A row that breaks a constraint fails only the group it was handed over in (one `insert` call: for the listener,
    // the requests of one event-loop turn); the groups that shared its transaction are written again, each in its
    // own. (A busy file fails them all alike: no second try, which would wait as long again.)
    if (!reply.ok && written.length > 1 && reply.code?.startsWith('SQLITE_CONSTRAINT')) {
      queued = [...written.map((pending) => ({ ...pending, alone: true })), ...queued]
      return handOver()
    }
    let offset = 0
    for (const pending of written) {
      if (reply.ok) pending.done(null, reply.rowids.slice(offset, offset + pending.rows.length))
      else pending.done(new Error(reply.message), [])
      offset += pending.rows.length
    }
    handOver()
  }

  function handOver(): void {
    if (writing.length > 0 || queued.length === 0) return
    // Groups to write alone are at the front of the queue.
    const alone = queued[0]?.alone === true
    writing = alone ? queued.slice(0, 1) : queued
    queued = alone ? queued.slice(1) : []
    port.postMessage(writing.length === 1 ? writing[0]!.rows : writing.flatMap((pending) => pending.rows))
  }

  /** Blocks until the thread's next answer and takes it here, not as an event; undefined when none came in time. */
  function awaitAnswer(): Reply | undefined {
    const deadline = performance.now() + waitLimitMs
    for (;;) {
      const seen = Atomics.load(answers, 0)
      const received = receiveMessageOnPort(port)
      if (received) return received.message as Reply
      const left = deadline - performance.now()
      if (left <= 0 || Atomics.wait(answers, 0, seen, left) === 'timed-out') return undefined
    }
  }

  function finish(): void {
    while (!failure && writing.length > 0) {
      const reply = awaitAnswer()
      if (!reply) {
        fail(new Error(`the writer thread did not answer within ${waitLimitMs / 1000} s`))
        void worker.terminate()
        return
      }
      receive(reply)
    }
  }

  return {
    isRunning: () => failure === undefined,
    insert(rows, done) {
      if (failure) return done(failure, [])
      queued.push({ rows, done })
      handOver()
    },
    finish,
    close() {
      finish()
      if (failure) return
      failure = new Error('the writer thread is closed')
      port.postMessage(null)
      if (!awaitAnswer()) void worker.terminate()
      port.close()
    }
  }
}
