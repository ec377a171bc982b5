import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { NewCapture } from '../store/CaptureRepository'
import type { CaptureDecision, ListenerAnswer, ReceivedRequest } from './buildCapture'
import type { CommitDurability } from './WalDurability'

export interface WebhookListenerOptions {
  host: string
  /** The port to bind; with `scanPorts` > 1, the next ones are tried in turn while busy. 0 lets the OS choose. */
  port: number
  scanPorts?: number
  bodyLimitBytes: number
  now(): Date
  /** Decides what a request is and what its sender hears (synchronous, never throws for any input). */
  intake(request: ReceivedRequest): CaptureDecision
  /** Stores a group of captures durably, all or none, answering their ids; throws when it cannot. */
  commit(captures: readonly NewCapture[]): string[]
  /**
   * Makes committed groups durable when `commit` leaves that to a later sync (see WalDurability): senders are
   * answered only once their group is synced. Without it, `commit` is durable by itself.
   */
  durability?: Pick<CommitDurability, 'sync' | 'syncNow'>
  /** After a group is committed and answered: indexing, mapping, relaying and notifying, off the sender's clock. */
  afterCommit?(captures: readonly NewCapture[], ids: readonly string[]): void
  onError(message: string): void
}

export interface RunningWebhookListener {
  host: string
  port: number
  /**
   * Stops taking requests at once (synchronously): what is waiting for its commit is committed and answered now,
   * later requests get 503. Resolves when every connection is closed.
   */
  close(): Promise<void>
}

/** Syncs of the WAL file running at once (on libuv's pool of four threads, shared with all file work). */
const maxSyncsInFlight = 2
/** How long a connection that sent too much may go on sending after its 413 before it is closed anyway. */
const lingerMs = 5_000
/** How much more of an oversize body is read and dropped, so the sender reads its 413 instead of a reset. */
const maxDrainBytes = 256 * 1024 * 1024

interface Waiting {
  decision: CaptureDecision
  respond(answer: ListenerAnswer): void
}

/** A group committed to the file, its senders not yet answered. */
interface Committed {
  group: Waiting[]
  captures: NewCapture[]
  ids: string[]
}

/**
 * The local webhook server (issue 5): every request on every path is captured; its sender is answered only after
 * the capture is committed. Captures are committed in groups: every request completed in one turn of the event loop
 * goes into one transaction, so synchronous=FULL costs one fsync per group rather than one per request. With a
 * `durability`, that fsync runs off the event loop, one for every group committed while the previous one ran.
 */
export async function startWebhookListener(options: WebhookListenerOptions): Promise<RunningWebhookListener> {
  let waiting: Waiting[] = []
  let flushScheduled = false
  let closed = false
  /** Committed, waiting for the next sync. */
  let unsynced: Committed[] = []
  /** Covered by a sync in flight, each batch by its own, oldest first. */
  let syncing: Committed[][] = []

  const server = createServer({ requestTimeout: 60_000, headersTimeout: 30_000 }, (request, response) =>
    receive(request, response)
  )
  // A sender that asks before sending a large body (Expect: 100-continue) hears the 413 before sending it.
  server.on('checkContinue', (request, response) => {
    if (declaredLength(request) <= options.bodyLimitBytes) response.writeContinue()
    receive(request, response)
  })

  function receive(request: IncomingMessage, response: ServerResponse): void {
    if (closed) return refuse(response, 503, 'listener_stopped', 'The listener is stopping: send the request again.')
    const declared = declaredLength(request)
    if (declared > options.bodyLimitBytes) return oversize(request, response, declared)
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    request.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > options.bodyLimitBytes) {
        over = true
        chunks.length = 0
        oversize(request, response, size)
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => {
      if (over) return
      accept(request, response, Buffer.concat(chunks, size), size)
    })
    request.on('error', () => undefined)
  }

  function accept(request: IncomingMessage, response: ServerResponse, body: Uint8Array, size: number): void {
    if (closed) return refuse(response, 503, 'listener_stopped', 'The listener is stopping: send the request again.')
    const decision = decideSafely(request, body, size)
    if (!decision) return refuse(response, 500, 'internal', 'The listener could not read this request.')
    enqueue({ decision, respond: (answer) => send(response, answer) })
  }

  /**
   * Over the limit: the capture records that it happened; the 413 is written in full at once, and the connection is
   * closed only once the sender stops sending (or after a while), so it reads its answer rather than a reset.
   */
  function oversize(request: IncomingMessage, response: ServerResponse, size: number): void {
    request.on('error', () => undefined)
    const drained = new Promise<void>((resolveDrained) => {
      let dropped = 0
      const done = () => resolveDrained()
      request.on('data', (chunk: Buffer) => {
        dropped += chunk.length
        if (dropped > maxDrainBytes) request.socket.destroy()
      })
      request.on('end', done)
      request.on('close', done)
      setTimeout(done, lingerMs).unref()
      request.resume()
    })
    if (closed) return refuse(response, 503, 'listener_stopped', 'The listener is stopping: send the request again.')
    const decision = decideSafely(request, undefined, size)
    if (!decision) return refuse(response, 500, 'internal', 'The listener could not read this request.')
    enqueue({
      decision,
      respond: (answer) => {
        if (response.headersSent) return
        const payload = JSON.stringify(answer.body)
        response.writeHead(answer.status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(payload),
          'Cache-Control': 'no-store',
          Connection: 'close'
        })
        response.write(payload)
        void drained.then(() => response.end())
      }
    })
  }

  function decideSafely(request: IncomingMessage, body: Uint8Array | undefined, size: number) {
    try {
      return options.intake({
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        rawHeaders: request.rawHeaders,
        remoteAddress: request.socket.remoteAddress ?? '',
        receivedAt: options.now(),
        body,
        size
      })
    } catch (error) {
      options.onError(`listener intake failed: ${(error as Error).stack ?? String(error)}`)
      return undefined
    }
  }

  function enqueue(entry: Waiting): void {
    waiting.push(entry)
    if (flushScheduled) return
    flushScheduled = true
    setImmediate(flush)
  }

  /** Commits every capture that completed in this turn in one transaction, then answers their senders. */
  function flush(): void {
    flushScheduled = false
    const group = waiting
    waiting = []
    if (group.length === 0) return
    const captures = group.map((entry) => entry.decision.capture)
    let ids: string[]
    try {
      ids = options.commit(captures)
    } catch (error) {
      options.onError(`captures could not be stored: ${(error as Error).message}`)
      const answer = failure(
        503,
        'not_stored',
        `The capture could not be stored (${(error as Error).message}); nothing was kept. Send it again.`
      )
      for (const entry of group) entry.respond(answer)
      return
    }
    const committed = { group, captures, ids }
    if (!options.durability) return settle([committed], null)
    unsynced.push(committed)
    startSync()
  }

  function startSync(): void {
    const durability = options.durability
    if (!durability || syncing.length >= maxSyncsInFlight || unsynced.length === 0) return
    const batch = unsynced
    unsynced = []
    syncing.push(batch)
    // An fsync makes durable whatever was written before it began: each batch waits for one sync, not for the one
    // already running as well. So a sync that ends also covers the batches committed before its own, still waiting
    // for theirs: they are settled with it, in commit order, and senders and notices keep that order.
    durability.sync((error) => {
      const position = syncing.indexOf(batch)
      if (position === -1) return // settled already: by an earlier-ending later sync, or by closing
      const covered = error ? [batch] : syncing.slice(0, position + 1)
      syncing = syncing.filter((pending) => !covered.includes(pending))
      for (const done of covered) settle(done, error)
      startSync()
    })
  }

  /** Answers the senders of durable groups (or tells them the disk failed), then the after-commit work. */
  function settle(batch: readonly Committed[], error: Error | null): void {
    if (error) options.onError(`captures could not be synced to disk: ${error.message}`)
    for (const { group, captures, ids } of batch) {
      group.forEach((entry, index) =>
        entry.respond(
          error
            ? failure(503, 'not_durable', `The disk did not confirm the capture (${error.message}). Send it again.`)
            : withId(entry.decision.answer, ids[index])
        )
      )
      try {
        options.afterCommit?.(captures, ids)
      } catch (afterError) {
        options.onError(`after-commit work failed: ${(afterError as Error).stack ?? String(afterError)}`)
      }
    }
  }

  /** Closing: whatever is committed but not yet synced is synced now, blocking, and answered. */
  function syncEverything(): void {
    const batch = [...syncing.flat(), ...unsynced]
    syncing = []
    unsynced = []
    if (batch.length === 0 || !options.durability) return
    try {
      options.durability.syncNow()
      settle(batch, null)
    } catch (error) {
      settle(batch, error as Error)
    }
  }

  const port = await bind(server, options.host, options.port, options.scanPorts ?? 1)
  server.on('error', (error) => options.onError(`listener server error: ${error.message}`))
  return {
    host: options.host,
    port,
    close() {
      closed = true
      flush()
      syncEverything()
      const stopped = new Promise<void>((resolveClose) => server.close(() => resolveClose()))
      server.closeIdleConnections()
      const force = setTimeout(() => server.closeAllConnections(), 2_000)
      force.unref()
      return stopped.finally(() => clearTimeout(force))
    }
  }
}

function declaredLength(request: IncomingMessage): number {
  const value = request.headers['content-length']
  return value === undefined || !/^\d+$/.test(value) ? -1 : Number(value)
}

/** The capture's id goes second in the answer, after `ok`, so a person reading it sees it at once. */
function withId(answer: ListenerAnswer, id: string | undefined): ListenerAnswer {
  const { ok, ...rest } = answer.body
  return { status: answer.status, body: { ok, id, ...rest } }
}

function failure(status: number, code: string, message: string): ListenerAnswer {
  return { status, body: { ok: false, error: { code, message } } }
}

function refuse(response: ServerResponse, status: number, code: string, message: string): void {
  response.setHeader('Connection', 'close')
  send(response, failure(status, code, message))
}

function send(response: ServerResponse, answer: ListenerAnswer): void {
  if (response.headersSent || response.destroyed) return
  const payload = JSON.stringify(answer.body)
  response.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store'
  })
  response.end(payload)
}

/** Binds the first free port from `port` on (only `port` when `scan` is 1); a busy port is retried briefly. */
async function bind(server: Server, host: string, port: number, scan: number): Promise<number> {
  for (let offset = 0; ; offset += 1) {
    const candidate = port === 0 ? 0 : port + offset
    try {
      await listenOnce(server, host, candidate, offset === 0 ? 3 : 1)
      return (server.address() as AddressInfo).port
    } catch (error) {
      const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      if (!busy || port === 0 || offset + 1 >= scan || candidate >= 65535) throw error
    }
  }
}

/** A port just freed by a listener this process closed may take a moment to be free again: retry it briefly. */
async function listenOnce(server: Server, host: string, port: number, attempts: number): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await new Promise<void>((resolveListen, reject) => {
        server.once('error', reject)
        server.listen({ port, host, backlog: 1024 }, () => {
          server.off('error', reject)
          resolveListen()
        })
      })
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= attempts) throw error
      await new Promise((resolveWait) => setTimeout(resolveWait, 150))
    }
  }
}
