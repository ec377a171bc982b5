import { request as httpRequest } from 'node:http'
import type { NameValue } from '../../shared/model/capture'
import type { ListenerReply } from '../../shared/model/captureInbox'
import type { ListenerStatus } from '../../shared/model/listenerSettings'
import { StudioError } from '../errors/StudioError'

/** Headers of the original request that describe its connection, not its content: never sent again as they were. */
const connectionHeaders = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'expect'])

const answerLimitBytes = 64 * 1024
const timeoutMs = 30_000

export interface OutgoingRequest {
  method: string
  path: string
  query: readonly NameValue[]
  headers: readonly NameValue[]
  body: Uint8Array
  note: string | null
}

/**
 * Sends a request to the running listener over real HTTP, as a sender would (so it is verified, captured and
 * answered like any other), and answers what the listener said.
 */
export async function sendToListener(status: ListenerStatus, outgoing: OutgoingRequest): Promise<ListenerReply> {
  if (status.state !== 'listening' || status.host === null || status.port === null) {
    throw new StudioError('conflict', 'The listener is not running: start it from the status bar, then send again.')
  }
  const host = connectHost(status.host)
  const search = new URLSearchParams(outgoing.query.map(([name, value]): [string, string] => [name, value])).toString()
  const path = `${outgoing.path}${search ? `?${search}` : ''}`
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${status.port}${path}`
  const headers = outgoing.headers
    .filter(([name]) => !connectionHeaders.has(name.toLowerCase()))
    .flatMap(([name, value]) => [name, value])
  // Headers as a raw list keep their order and repeats; Node then adds none of its own, so Host goes in here.
  headers.unshift('Host', `${host.includes(':') ? `[${host}]` : host}:${status.port}`)
  headers.push('Content-Length', String(outgoing.body.length))
  return new Promise((resolveReply, reject) => {
    const sent = httpRequest(
      { host, port: status.port ?? 0, path, method: outgoing.method, headers, agent: false, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          if (size < answerLimitBytes) chunks.push(chunk)
          size += chunk.length
        })
        response.on('end', () =>
          resolveReply({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, answerLimitBytes).toString('utf8'),
            url,
            note: outgoing.note
          })
        )
        response.on('error', reject)
      }
    )
    sent.on('timeout', () => sent.destroy(new Error(`the listener did not answer within ${timeoutMs / 1000} s`)))
    sent.on('error', (error) =>
      reject(new StudioError('conflict', `Could not reach the listener at ${url}: ${error.message}`))
    )
    sent.end(outgoing.body)
  })
}

/** A listener bound to every interface is reached on loopback. */
function connectHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '::1'
  return host
}
