import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openProjectDatabase, type ProjectDatabase } from '../../../../main/store/database'
import { startInsertThread, type InsertThread } from '../../../../main/store/InsertThread'
import { createTemporaryFolder } from '../../support/temporaryFolder'

const cleanups: (() => unknown)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

const insertNote = 'INSERT INTO notes (text) VALUES (?)'

/** A real project file with a table of its own for the test. */
function projectFile(): ProjectDatabase {
  const folder = createTemporaryFolder('insert-thread')
  const db = openProjectDatabase(join(folder.path, 'Shop.capmap'), { create: true })
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)')
  cleanups.push(folder.remove, () => db.close())
  return db
}

async function thread(db: ProjectDatabase, busyTimeoutMs = 5_000): Promise<InsertThread> {
  const started = await startInsertThread({ file: db.name, sql: insertNote, autoCheckpointPages: 1000, busyTimeoutMs })
  cleanups.push(() => started.close())
  return started
}

type Outcome = { error: string | null; rowids: string[] }

function insert(writer: InsertThread, texts: (string | null)[]): Promise<Outcome> {
  return new Promise((resolveOutcome) =>
    writer.insert(
      texts.map((text) => [text]),
      (error, rowids) => resolveOutcome({ error: error?.message ?? null, rowids })
    )
  )
}

const notes = (db: ProjectDatabase) => db.prepare('SELECT text FROM notes ORDER BY id').pluck().all()

describe('the insert thread', () => {
  it('writes each group and answers its rowids, in the order of the calls', async () => {
    const db = projectFile()
    const writer = await thread(db)
    const answers = await Promise.all([insert(writer, ['a', 'b']), insert(writer, ['c']), insert(writer, ['d', 'e'])])
    expect(answers).toEqual([
      { error: null, rowids: ['1', '2'] },
      { error: null, rowids: ['3'] },
      { error: null, rowids: ['4', '5'] }
    ])
    expect(notes(db)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('stores none of a group that fails, says why, and goes on with the next', async () => {
    const db = projectFile()
    const writer = await thread(db)
    const [failed, next] = await Promise.all([insert(writer, ['a', null]), insert(writer, ['b'])])
    expect(failed.error).toMatch(/NOT NULL constraint failed: notes.text/)
    expect(failed.rowids).toEqual([])
    expect(next.error).toBeNull()
    expect(notes(db)).toEqual(['b'])
  })

  it('fails only the group whose row breaks a constraint, when it shared its transaction with others', async () => {
    const db = projectFile()
    const writer = await thread(db)
    // The thread waits for the lock with the first group: the next three come meanwhile and are written together.
    db.exec('BEGIN IMMEDIATE')
    const answers = Promise.all([
      insert(writer, ['first']),
      insert(writer, ['a']),
      insert(writer, ['b', null]),
      insert(writer, ['c'])
    ])
    await new Promise((wait) => setTimeout(wait, 50))
    db.exec('COMMIT')
    const [first, a, broken, c] = await answers
    expect([first, a, c].map((answer) => answer.error)).toEqual([null, null, null])
    expect(broken.error).toMatch(/NOT NULL constraint failed: notes.text/)
    expect(notes(db)).toEqual(['first', 'a', 'c'])
  })

  it('waits for the main connection to finish its write, then writes what came meanwhile in order', async () => {
    const db = projectFile()
    const writer = await thread(db)
    db.exec('BEGIN IMMEDIATE')
    db.prepare(insertNote).run('main')
    const answers = Promise.all([insert(writer, ['a']), insert(writer, ['b']), insert(writer, ['c'])])
    await new Promise((wait) => setTimeout(wait, 150))
    expect(notes(db)).toEqual(['main'])
    db.exec('COMMIT')
    expect((await answers).map((answer) => answer.rowids)).toEqual([['2'], ['3'], ['4']])
    expect(notes(db)).toEqual(['main', 'a', 'b', 'c'])
  })

  it('finishes every group handed over before `finish` returns', async () => {
    const db = projectFile()
    const writer = await thread(db)
    const calledBack: string[][] = []
    writer.insert([['a']], (_error, rowids) => calledBack.push(rowids))
    writer.insert([['b'], ['c']], (_error, rowids) => calledBack.push(rowids))
    writer.finish()
    expect(calledBack).toEqual([['1'], ['2', '3']])
  })

  it('does not hang when the main thread itself holds the lock: the group fails once the busy timeout is over', async () => {
    const db = projectFile()
    const writer = await thread(db, 200)
    db.exec('BEGIN IMMEDIATE')
    let outcome: Error | null | undefined
    writer.insert([['a']], (error) => (outcome = error))
    writer.finish()
    db.exec('ROLLBACK')
    expect(outcome?.message).toMatch(/database is locked/)
  })

  it('refuses groups once closed, saying so', async () => {
    const db = projectFile()
    const writer = await thread(db)
    expect((await insert(writer, ['a'])).error).toBeNull()
    expect(writer.isRunning()).toBe(true)
    writer.close()
    expect(writer.isRunning()).toBe(false)
    expect(await insert(writer, ['b'])).toEqual({ error: 'the writer thread is closed', rowids: [] })
    expect(notes(db)).toEqual(['a'])
  })

  it('stopped before it is up, lets go of the file before the abort returns', async () => {
    const db = projectFile()
    const sideFiles = () => readdirSync(dirname(db.name)).filter((name) => /-(wal|shm)$/.test(name))
    const stop = new AbortController()
    const starting = startInsertThread(
      { file: db.name, sql: insertNote, autoCheckpointPages: 1000, busyTimeoutMs: 100 },
      stop.signal
    )
    const outcome = starting.then(
      () => 'started',
      (error: Error) => error.message
    )
    stop.abort()
    // The project's own connection is now the last: closing it removes SQLite's -wal and -shm for good.
    db.close()
    expect(sideFiles()).toEqual([])
    expect(await outcome).toBe('the writer thread was stopped before it was up')
    await new Promise((resolveWait) => setTimeout(resolveWait, 200))
    expect(sideFiles()).toEqual([])
  })

  it('will not start on a file that is not there', async () => {
    const db = projectFile()
    await expect(
      startInsertThread({ file: `${db.name}.gone`, sql: insertNote, autoCheckpointPages: 1000, busyTimeoutMs: 100 })
    ).rejects.toThrow(/unable to open|does not exist/i)
  })
})
