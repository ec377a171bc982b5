import { fail, type Result } from '../../shared/api/result'
import type { Transport } from './client'

const keepaliveLimit = 60_000

/**
 * Web mode's transport: `POST /api/<name>` and one Server-Sent Events stream. The session cookie set from the
 * launch URL's token authenticates both.
 */
export function createHttpTransport(baseUrl = ''): Transport {
  let source: EventSource | undefined
  const eventSource = () => (source ??= new EventSource(`${baseUrl}/api/events`))
  return {
    async call(name, input) {
      try {
        const body = JSON.stringify(input)
        const response = await fetch(`${baseUrl}/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
          credentials: 'same-origin',
          // A save sent as the page goes away must outlive it; browsers allow that for small bodies only.
          keepalive: body.length < keepaliveLimit
        })
        return (await response.json()) as Result<unknown>
      } catch (error) {
        return fail(
          'internal',
          `The studio's server cannot be reached (${(error as Error).message}). Is \`npm run web\` still running?`
        )
      }
    },
    subscribe(name, listener) {
      const handler = (event: MessageEvent<string>) => listener(JSON.parse(event.data))
      eventSource().addEventListener(name, handler)
      return () => eventSource().removeEventListener(name, handler)
    }
  }
}
