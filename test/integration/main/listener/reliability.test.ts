import fc from 'fast-check'
import { request } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startListenerProject, type ListenerProject } from './listenerProject'

let project: ListenerProject | undefined

afterEach(async () => {
  await project?.close()
  project = undefined
})

/** One request on its own connection; resolves with the status and body, or the error (never rejects). */
function post(port: number, path: string, body: string): Promise<{ status: number; body: string } | Error> {
  return new Promise((resolveAnswer) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'Content-Type': 'application/json' } },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolveAnswer({ status: response.statusCode ?? 0, body: text }))
        response.on('error', resolveAnswer)
      }
    )
    outgoing.on('error', resolveAnswer)
    outgoing.end(body)
  })
}

describe('the listener under load', () => {
  it('captures 1,000 concurrent requests, none lost and none twice', async () => {
    project = await startListenerProject({ integrations: { load: {} } })
    const port = project.listener.port
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, n) => post(port, '/hooks/load', JSON.stringify({ event_name: 'load', n })))
    )
    const failures = answers.filter((answer) => answer instanceof Error || answer.status !== 200)
    expect(failures).toEqual([])
    const ids = answers.map((answer) => (JSON.parse((answer as { body: string }).body) as { id: string }).id)
    expect(new Set(ids).size).toBe(1000)
    const stored = project.db.prepare("SELECT json_extract(CAST(body AS TEXT), '$.n') AS n FROM captures").all() as {
      n: number
    }[]
    expect(stored).toHaveLength(1000)
    expect(new Set(stored.map((row) => row.n))).toEqual(new Set(Array.from({ length: 1000 }, (_, n) => n)))
    expect(project.captures.list({ limit: 500 }).items.every((capture) => ids.includes(capture.id))).toBe(true)
  })
})

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PURGE', 'REPORT']
const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=klingon',
  'application/x-www-form-urlencoded',
  'application/xml',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
  ';;;',
  'application/*+json'
]
const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,24}$/)
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,64}$/).map((value) => value.trim())
const pathSegment = fc.string({ unit: 'binary', maxLength: 12 }).map((segment) => encodeURIComponent(segment))

describe('the listener against random input', () => {
  it('answers every random request with a JSON status it documents, and captures each one', async () => {
    project = await startListenerProject({
      integrations: { fuzz: {}, signed: { verification: { scheme: 'standard-webhooks', toleranceSeconds: 300 } } },
      environment: { CAPMAP_SIGNING_SECRET_SIGNED: 'whsec_c2VjcmV0' },
      bodyLimitBytes: 8 * 1024
    })
    const listener = project
    let sent = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        fc.oneof(
          fc.constantFrom('/hooks/fuzz', '/hooks/signed', '/hooks/', '/hooks/fuzz/extra', '/', '/hooks/%00'),
          fc.array(pathSegment, { maxLength: 5 }).map((segments) => `/${segments.join('/')}`)
        ),
        fc.array(fc.tuple(token, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 4 }),
        fc.array(fc.tuple(token, headerValue), { maxLength: 6 }),
        fc.constantFrom(...contentTypes),
        fc.uint8Array({ maxLength: 12 * 1024 }),
        async (method, path, query, headers, contentType, body) => {
          const search = query.length === 0 ? '' : `?${new URLSearchParams(query).toString()}`
          const forbidden = /^(content-length|transfer-encoding|host|connection|expect|upgrade|te|trailer)$/i
          const sentHeaders = Object.fromEntries(headers.filter(([name]) => !forbidden.test(name)))
          if (contentType) sentHeaders['Content-Type'] = contentType
          const sentBody = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(body)
          // Node's client frames a body only when told its length for methods such as OPTIONS and DELETE.
          sentHeaders['Content-Length'] = String(sentBody.length)
          const answer = await listener.send(`${path}${search}`, { method, headers: sentHeaders, body: sentBody })
          sent += 1
          expect([200, 400, 401, 413]).toContain(answer.status)
          if (method !== 'HEAD') expect(answer.json.id).toMatch(/^\d+$/)
        }
      ),
      { numRuns: 250 }
    )
    expect(listener.captures.count()).toBe(sent)
    expect(
      (await listener.send('/hooks/fuzz', { headers: { 'Content-Type': 'application/json' }, body: '{}' })).status
    ).toBe(200)
  })

  it('keeps answering after random bytes on raw connections', async () => {
    project = await startListenerProject({ integrations: { fuzz: {} } })
    const listener = project
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 4096 }),
          fc
            .tuple(
              fc.constantFrom('POST', 'GET', 'BREW'),
              fc.string({ unit: 'binary', maxLength: 40 }),
              fc.uint8Array({ maxLength: 256 })
            )
            .map(([method, target, rest]) =>
              Buffer.concat([
                Buffer.from(`${method} /${target} HTTP/1.1\r\nHost: x\r\nContent-Length: ${rest.length + 3}\r\n`),
                rest
              ])
            )
        ),
        async (bytes) => {
          await sendRaw(listener.listener.port, Buffer.from(bytes))
          const answer = await listener.send('/hooks/fuzz', {
            headers: { 'Content-Type': 'application/json' },
            body: '{}'
          })
          expect(answer.status).toBe(200)
        }
      ),
      { numRuns: 100 }
    )
  })
})

/** Writes bytes on a fresh connection, then waits for the listener to answer or close it (or a short while). */
function sendRaw(port: number, bytes: Buffer): Promise<void> {
  return new Promise((resolveDone) => {
    const socket = connect(port, '127.0.0.1')
    const done = () => {
      socket.destroy()
      resolveDone()
    }
    socket.on('data', done)
    socket.on('close', done)
    socket.on('error', done)
    socket.setTimeout(200, done)
    socket.write(bytes)
  })
}
