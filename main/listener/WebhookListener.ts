import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createProbe, type AddressInfo, type Server as NetServer, type Socket } from 'node:net'
import type { NewCapture } from '../store/CaptureRepository'
import type { CaptureDecision, ListenerAnswer, ReceivedRequest } from './buildCapture'
import { maxHeaderBytes, tunnelRequestCode, type MalformedRequest } from './malformedRequest'

export interface WebhookListenerOptions {
  host: string
  /** The port to bind; with `scanPorts` > 1, the next ones are tried in turn while busy. 0 lets the OS choose. */
  port: number
  scanPorts?: number
  bodyLimitBytes: number
  now(): Date
  /** Decides what a request is and what its sender hears (synchronous, never throws for any input). */
  intake(request: ReceivedRequest): CaptureDecision
  /** The same for a request Node's HTTP parser refused (not valid HTTP/1.1, headers too large, too slow). */
  intakeMalformed(request: MalformedRequest): CaptureDecision
  /**
   * Stores a group of captures durably, all or none, then calls `done` with their ids, or with the error when none
   * was stored: at once or later, but always in the order of the calls.
   */
  commit(captures: readonly NewCapture[], done: (error: Error | null, ids: readonly string[]) => void): void
  /** Closing: blocks until every commit under way has called back (when `commit` calls back later). */
  finishCommits?(): void
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

const stopping = 'The listener is stopping: send the request again.'

/** How long a connection that sent too much may go on sending after its 413 before it is closed anyway. */
const lingerMs = 5_000
/** How much more of an oversize body is read and dropped, so the sender reads its 413 instead of a reset. */
const maxDrainBytes = 256 * 1024 * 1024

interface Waiting {
  decision: CaptureDecision
  respond(answer: ListenerAnswer): void
}

/**
 * The local webhook server (issue 5): every request on every path is captured; its sender is answered only after
 * the capture is committed durably. Captures are handed to `commit` in groups: every request completed in one turn
 * of the event loop, so a durable commit costs one fsync per group rather than one per request.
 */
export async function startWebhookListener(options: WebhookListenerOptions): Promise<RunningWebhookListener> {
  let waiting: Waiting[] = []
  let flushScheduled = false
  let closed = false

  // Node would answer two kinds of request itself, bare and uncaptured: HTTP/1.1 without a Host header (what a request
  // typed by hand into nc sends), and an Expect other than 100-continue (which RFC 9110 §10.1.1 lets a server ignore).
  // Both are captured and answered as any other.
  const server = createServer(
    { requestTimeout: 60_000, headersTimeout: 30_000, maxHeaderSize: maxHeaderBytes, requireHostHeader: false },
    (request, response) => receive(request, response)
  )
  server.on('checkExpectation', (request, response) => receive(request, response))
  // Every header is kept and checked, however many: their bytes are bounded by maxHeaderSize.
  server.maxHeadersCount = 0
  /** Each connection's latest response: a parser error while it is being written gets no second answer. */
  const responses = new WeakMap<Socket, ServerResponse>()
  /** Responses whose request's body is still arriving: a stop answers them 503 at once, not a cut connection. */
  const receiving = new Set<ServerResponse>()
  /** A pipelined request's response, to the one before it still unanswered when it came. */
  const earlierResponse = new WeakMap<ServerResponse, ServerResponse>()
  /**
   * Responses that are a 413, queued or written, each with what ends the dropping of the rest of its body: whatever
   * that rest holds is dropped, and once the parser gives up on it (the sender hung up, or sent what is not HTTP)
   * nothing more comes, so the 413 is ended there.
   */
  const overLimit = new WeakMap<ServerResponse, () => void>()
  server.on('clientError', (error: ParserError, socket: Socket) => refuseMalformed(error, socket))
  server.on('connect', (request: IncomingMessage, socket: Socket) => refuseTunnel(request, socket))
  // A sender that asks before sending a large body (Expect: 100-continue) hears the 413 before sending it.
  server.on('checkContinue', (request, response) => {
    if (declaredLength(request) <= options.bodyLimitBytes) response.writeContinue()
    receive(request, response)
  })

  function receive(request: IncomingMessage, response: ServerResponse): void {
    const previous = responses.get(request.socket)
    if (previous && !previous.writableFinished) earlierResponse.set(response, previous)
    responses.set(request.socket, response)
    if (closed) return refuse(response, 503, 'listener_stopped', stopping)
    const declared = declaredLength(request)
    if (declared > options.bodyLimitBytes) return oversize(request, response, declared)
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    receiving.add(response)
    response.once('close', () => receiving.delete(response))
    request.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > options.bodyLimitBytes) {
        over = true
        receiving.delete(response)
        chunks.length = 0
        oversize(request, response, size)
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => {
      receiving.delete(response)
      if (over) return
      accept(request, response, Buffer.concat(chunks, size), size)
    })
    request.on('error', () => undefined)
  }

  function accept(request: IncomingMessage, response: ServerResponse, body: Uint8Array, size: number): void {
    if (closed) return refuse(response, 503, 'listener_stopped', stopping)
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
      overLimit.set(response, done)
      request.on('data', (chunk: Buffer) => {
        dropped += chunk.length
        if (dropped > maxDrainBytes) request.socket.destroy()
      })
      request.on('end', done)
      request.on('close', done)
      setTimeout(done, lingerMs).unref()
      request.resume()
    })
    if (closed) return refuse(response, 503, 'listener_stopped', stopping)
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

  /**
   * A request the parser refused is captured like any other (committed before its answer), and answered in JSON
   * rather than Node's bare status line; the connection is closed once the answer is written.
   */
  function refuseMalformed(error: ParserError, socket: Socket): void {
    const current = responses.get(socket)
    // The parser gave up inside the request being read (its body), or in one that followed it on the connection.
    const inBody = current !== undefined && !current.req.complete
    const latestOwed = inBody ? current && earlierResponse.get(current) : current
    const owed = latestOwed && !latestOwed.writableFinished ? latestOwed : undefined
    // A body over the limit is being dropped: what the parser makes of its rest changes nothing; its 413 comes.
    const endDrop = inBody ? overLimit.get(current) : undefined
    if (endDrop) return endDrop()
    if (error.code === 'ECONNRESET' || !socket.writable || (inBody && current.headersSent)) {
      return void socket.destroy()
    }
    // An answer still owed to an earlier request on this connection goes first.
    captureRefusal(socket, owed, {
      rawPacket: error.rawPacket,
      failedAt: error.bytesParsed ?? 0,
      ...(inBody ? { head: parsedHead(current.req) } : {}),
      code: error.code ?? 'ERR_UNKNOWN',
      message: error.message
    })
  }

  /** CONNECT asks for a tunnel (the sender took the listener for a proxy): Node hands over the connection. */
  function refuseTunnel(request: IncomingMessage, socket: Socket): void {
    socket.on('error', () => undefined)
    const previous = responses.get(socket)
    captureRefusal(socket, previous && !previous.writableFinished ? previous : undefined, {
      rawPacket: undefined,
      failedAt: 0,
      head: parsedHead(request),
      code: tunnelRequestCode,
      message: 'CONNECT'
    })
  }

  /**
   * A request the listener answers itself on the bare connection, then closes: captured as any other, its answer
   * written once it is committed, after the answer still `owed` to an earlier request of the connection.
   */
  function captureRefusal(
    socket: Socket,
    owed: ServerResponse | undefined,
    request: Omit<MalformedRequest, 'remoteAddress' | 'receivedAt'>
  ): void {
    const answer = (refusal: ListenerAnswer) =>
      owed ? owed.once('finish', () => writeAndClose(socket, refusal)) : writeAndClose(socket, refusal)
    if (closed) return void answer(failure(503, 'listener_stopped', 'The listener is stopping.'))
    let decision: CaptureDecision
    try {
      decision = options.intakeMalformed({
        ...request,
        remoteAddress: socket.remoteAddress ?? '',
        receivedAt: options.now()
      })
    } catch (intakeError) {
      options.onError(`listener intake failed: ${(intakeError as Error).stack ?? String(intakeError)}`)
      return void answer(failure(400, 'malformed_request', 'The request is not valid HTTP/1.1.'))
    }
    const entry = { decision, respond: (refusal: ListenerAnswer) => void answer(refusal) }
    // The earlier request's capture is handed over when its body ends (next tick): this one follows it, in the
    // order they came.
    if (owed) setImmediate(() => enqueue(entry))
    else enqueue(entry)
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

  /** Hands every capture that completed in this turn to `commit` as one group; answers their senders once stored. */
  function flush(): void {
    flushScheduled = false
    const group = waiting
    waiting = []
    if (group.length === 0) return
    const captures = group.map((entry) => entry.decision.capture)
    let calledBack = false
    const settle = (error: Error | null, ids: readonly string[]) => {
      if (calledBack) return
      calledBack = true
      answer(group, captures, error, ids)
    }
    try {
      options.commit(captures, settle)
    } catch (error) {
      settle(error as Error, [])
    }
  }

  /** Answers the senders of a stored group (or tells them it was not stored), then the after-commit work. */
  function answer(group: Waiting[], captures: NewCapture[], error: Error | null, ids: readonly string[]): void {
    if (error) {
      const [lost, senders] =
        group.length === 1
          ? ['1 capture was', 'its sender was']
          : [`${group.length} captures were`, 'their senders were']
      options.onError(`${lost} not stored (${error.message}): ${senders} answered 503, to send again.`)
      const notStored = failure(
        503,
        'not_stored',
        `The capture could not be stored (${error.message}); nothing was kept. Send it again.`
      )
      for (const entry of group) entry.respond(notStored)
      return
    }
    group.forEach((entry, index) => entry.respond(withId(entry.decision.answer, ids[index])))
    try {
      options.afterCommit?.(captures, ids)
    } catch (afterError) {
      options.onError(`after-commit work failed: ${(afterError as Error).stack ?? String(afterError)}`)
    }
  }

  const port = await bind(server, options.host, options.port, options.scanPorts ?? 1)
  server.on('error', (error) => options.onError(`listener server error: ${error.message}`))
  return {
    host: options.host,
    port,
    close() {
      closed = true
      // A body still arriving is not a capture yet: its sender hears 503 now, rather than a connection cut later.
      for (const response of receiving) refuse(response, 503, 'listener_stopped', stopping)
      receiving.clear()
      flush()
      options.finishCommits?.()
      const stopped = new Promise<void>((resolveClose) => server.close(() => resolveClose()))
      server.closeIdleConnections()
      // Kept referenced: a connection left half-open by its sender does not keep the process alive by itself, and
      // the process must live until the close completes (`capmap listen` checkpoints and says so after it).
      const force = setTimeout(() => server.closeAllConnections(), 2_000)
      return stopped.finally(() => clearTimeout(force))
    }
  }
}

type ParserError = NodeJS.ErrnoException & { rawPacket?: Buffer; bytesParsed?: number }

/** What the parser had read of a request before it gave up in its body. */
function parsedHead(request: IncomingMessage): MalformedRequest['head'] {
  return { method: request.method ?? '?', url: request.url ?? '/', rawHeaders: request.rawHeaders }
}

/** Answers a connection the HTTP parser gave up on, in JSON, then closes it once the answer is flushed. */
function writeAndClose(socket: Socket, answer: ListenerAnswer): void {
  if (!socket.writable) return void socket.destroy()
  const payload = JSON.stringify(answer.body)
  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(payload)}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      payload
  )
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

/**
 * Binds `host:port` as the listener would and lets go at once, rejecting with the bind's error (EADDRINUSE, EACCES,
 * EADDRNOTAVAIL): a listener is moved only to an address that can take it, so a busy port never costs the one that
 * works.
 */
export async function checkCanBind(host: string, port: number): Promise<void> {
  const probe = createProbe()
  await listenOnce(probe, host, port, 3)
  await new Promise<void>((resolveClose) => probe.close(() => resolveClose()))
}

/** A port just freed by a listener this process closed may take a moment to be free again: retry it briefly. */
async function listenOnce(server: NetServer, host: string, port: number, attempts: number): Promise<void> {
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
