import { timingSafeEqual } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { pipeline } from 'node:stream'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { Result } from '../../shared/api/result'
import type { ServerEventBus } from '../services/ServerEventBus'
import { contentSecurityPolicy } from '../app/contentSecurityPolicy'
import { rendererContentTypes } from '../app/rendererContentTypes'
import type { Dispatch } from './dispatcher'

export const tokenCookie = 'capmap_token'
const maxRequestBytes = 10 * 1024 * 1024
const keepAliveMs = 15_000

export interface WebServerOptions {
  dispatch: Dispatch
  bus: ServerEventBus
  /** The built renderer (out/renderer). */
  staticDir: string
  /** Per-launch secret: no other local page or process can call the API without it. */
  token: string
  host?: string
  /** First port tried; the next free one is taken when it is busy. 0 lets the OS choose. */
  port: number
  portAttempts?: number
}

export interface WebServer {
  url: string
  /** The URL to open: carries the token once; the server swaps it for a session cookie. */
  launchUrl: string
  port: number
  close(): Promise<void>
}

/**
 * Web mode: the renderer and the contract over HTTP on loopback. `POST /api/<name>` runs the same dispatcher as
 * IPC; `GET /api/events` streams server events (SSE). Every API call needs the token (cookie or bearer).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1'
  const sseClients = new Set<ServerResponse>()
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        sendJson(response, 500, { ok: false, error: { code: 'internal', message: String(error) } })
      else response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (!isLoopbackHost(request.headers.host)) return sendText(response, 421, 'Misdirected request.')

    const queryToken = url.searchParams.get('token')
    if (queryToken !== null && request.method === 'GET' && !url.pathname.startsWith('/api/')) {
      if (!sameSecret(queryToken, options.token)) return sendUnauthorizedPage(response)
      url.searchParams.delete('token')
      response.setHeader('Set-Cookie', `${tokenCookie}=${options.token}; HttpOnly; SameSite=Strict; Path=/`)
      response.writeHead(303, { Location: `${url.pathname}${url.search}` })
      response.end()
      return
    }

    const authorised = sameSecret(presentedToken(request), options.token)
    if (url.pathname.startsWith('/api/')) {
      if (!authorised) return sendJson(response, 401, unauthorisedResult)
      if (url.pathname === '/api/events' && request.method === 'GET') return openEventStream(response)
      if (request.method !== 'POST') return sendJson(response, 405, failure('invalid_input', 'Use POST for API calls.'))
      return handleCall(url.pathname.slice('/api/'.length), request, response)
    }
    if (!authorised) return sendUnauthorizedPage(response)
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed.')
    return serveStatic(url.pathname, response)
  }

  async function handleCall(name: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A JSON content type cannot be sent by a plain cross-site form, which closes the classic CSRF door.
    const contentType = request.headers['content-type'] ?? ''
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return sendJson(response, 415, failure('invalid_input', 'Send API calls as application/json.'))
    }
    // JSON is UTF-8 (RFC 8259): a body declared in another charset would be read wrongly, so it is refused.
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      return sendJson(response, 415, failure('invalid_input', `Send API calls in UTF-8, not ${charset}.`))
    }
    let bytes: Buffer
    try {
      bytes = await readBody(request, maxRequestBytes)
    } catch {
      // Answer first, then let the rest of the body drain so the sender actually receives the 413.
      response.setHeader('Connection', 'close')
      sendJson(response, 413, failure('invalid_input', 'The request body is too large.'))
      request.resume()
      return
    }
    let body: string
    try {
      body = strictUtf8.decode(bytes)
    } catch {
      // Decoded leniently, broken bytes would be stored as replacement characters, silently.
      return sendJson(response, 400, failure('invalid_input', 'The request body is not valid UTF-8.'))
    }
    let input: unknown
    try {
      input = body.length === 0 ? {} : JSON.parse(body)
    } catch (error) {
      return sendJson(
        response,
        400,
        failure('invalid_input', `The request body is not JSON: ${(error as Error).message}`)
      )
    }
    const result = await options.dispatch(name, input)
    sendJson(response, result.ok ? 200 : statusOf(result), result)
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive'
    })
    response.write(': connected\n\n')
    sseClients.add(response)
    response.on('close', () => sseClients.delete(response))
  }

  const unsubscribe = options.bus.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const client of sseClients) client.write(frame)
  })
  const keepAlive = setInterval(() => {
    for (const client of sseClients) client.write(': keep-alive\n\n')
  }, keepAliveMs)
  keepAlive.unref()

  function serveStatic(pathname: string, response: ServerResponse): void {
    const decoded = safeDecode(pathname)
    if (decoded === undefined) return sendText(response, 400, 'Malformed URL.')
    const relative = normalize(decoded).replace(/^([/\\])+/, '')
    const requested = join(options.staticDir, relative === '' ? 'index.html' : relative)
    if (!requested.startsWith(options.staticDir + sep) && requested !== options.staticDir) {
      return sendText(response, 403, 'Forbidden.')
    }
    // Client-side routes fall back to the app's page, as a single-page app expects.
    const file = isFile(requested) ? requested : join(options.staticDir, 'index.html')
    const stream = createReadStream(file)
    // A file gone or unreadable (the studio's build being replaced under it) fails this answer, never the server:
    // the listener and the API run in the same process.
    stream.once('error', (error: NodeJS.ErrnoException) => {
      if (response.headersSent) return // the pipeline ends the answer
      if (error.code === 'ENOENT') {
        return sendText(response, 503, "The studio's files are missing (being rebuilt?): reload in a moment.")
      }
      sendText(response, 500, `The studio's file could not be read: ${error.message}`)
    })
    stream.once('open', () => {
      response.writeHead(200, {
        'Content-Type': rendererContentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache'
      })
      // A client gone mid-file ends the read too, letting go of the file.
      pipeline(stream, response, () => undefined)
    })
  }

  const port = await listen(server, host, options.port, options.portAttempts ?? 20)
  const url = `http://${host}:${port}/`
  return {
    url,
    launchUrl: `${url}?token=${options.token}`,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        unsubscribe()
        clearInterval(keepAlive)
        for (const client of sseClients) client.end()
        server.close(() => resolveClose())
        server.closeAllConnections()
      })
  }
}

const unauthorisedResult = failure(
  'unauthorized',
  'Open the studio with the URL printed by `npm run web`: it carries the access token.'
)

function failure(code: string, message: string) {
  return { ok: false, error: { code, message } }
}

function statusOf(result: Extract<Result<unknown>, { ok: false }>): number {
  switch (result.error.code) {
    case 'invalid_input':
      return 400
    case 'unknown_request':
    case 'not_found':
      return 404
    case 'unauthorized':
      return 401
    case 'conflict':
    case 'project_locked':
    case 'file_exists':
      return 409
    case 'internal':
      return 500
    default:
      return 422
  }
}

function presentedToken(request: IncomingMessage): string {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')
  if (bearer?.[1]) return bearer[1]
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === tokenCookie) return value.join('=')
  }
  return ''
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Refusing other Host names defeats DNS rebinding: a remote page cannot reach us under its own name. */
function isLoopbackHost(hostHeader: string | undefined): boolean {
  const hostname = (hostHeader ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '')
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '::1'
}

function sendUnauthorizedPage(response: ServerResponse): void {
  response.writeHead(401, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': contentSecurityPolicy
  })
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Capillary Mapping Studio</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;line-height:1.5">
<h1>Use the printed URL</h1>
<p>This studio only answers pages opened with its access token. Open the URL that <code>npm run web</code>
printed in your terminal (it ends with <code>?token=…</code>).</p></body></html>`)
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(JSON.stringify(body))
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(text)
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      size += chunk.length
      if (size > limit) {
        tooLarge = true
        chunks.length = 0
        reject(new Error('too large'))
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolveBody(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function safeDecode(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return undefined
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

async function listen(server: Server, host: string, firstPort: number, attempts: number): Promise<number> {
  for (let offset = 0; ; offset += 1) {
    const port = firstPort === 0 ? 0 : firstPort + offset
    try {
      await new Promise<void>((resolveListen, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          resolveListen()
        })
      })
      return (server.address() as AddressInfo).port
    } catch (error) {
      const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      if (!busy || firstPort === 0 || offset + 1 >= attempts) throw error
    }
  }
}
