import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Database from 'better-sqlite3'

/**
 * Issue 5's recipe for durable answers at its barest: read the body, parse it as JSON, insert it into a one-table
 * SQLite file in WAL mode with synchronous=FULL, one transaction for every request completed in one turn of the
 * event loop, and answer each sender once its group is committed. No routes, no checks, no capture record, no
 * thread: what any listener that parses and stores durably must at least pay, on the machine the bench runs on.
 */
export async function startRecipeServer(file: string): Promise<{ url: string; close(): Promise<void> }> {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('CREATE TABLE IF NOT EXISTS requests (id INTEGER PRIMARY KEY, received_at TEXT NOT NULL, body BLOB NOT NULL)')
  const insert = db.prepare('INSERT INTO requests (received_at, body) VALUES (?, ?)')
  const insertAll = db.transaction((bodies: Buffer[]) =>
    bodies.map((body) => insert.run(new Date().toISOString(), body).lastInsertRowid)
  )
  let waiting: { body: Buffer; answer(id: unknown): void }[] = []
  const commitWaiting = () => {
    const group = waiting
    waiting = []
    const ids = insertAll(group.map((entry) => entry.body))
    group.forEach((entry, index) => entry.answer(ids[index]))
  }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      try {
        JSON.parse(body.toString('utf8'))
      } catch {
        response.writeHead(400, { 'Content-Type': 'application/json' })
        return void response.end('{"ok":false}')
      }
      if (waiting.length === 0) setImmediate(commitWaiting)
      waiting.push({
        body,
        answer: (id) => {
          response.writeHead(200, { 'Content-Type': 'application/json' })
          response.end(JSON.stringify({ ok: true, id: String(id) }))
        }
      })
    })
  })
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolveClose) => server.close(() => resolveClose())).then(() => {
        db.close()
      })
    }
  }
}
