import { request, type IncomingHttpHeaders } from 'node:http'

export interface HttpAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

export interface HttpRequestOptions {
  port: number
  /** Sent exactly as given (no normalisation), so a test can send `/../x` or `%2e%2e`. */
  path: string
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
}

/** One HTTP request to a server on 127.0.0.1 with node:http, which, unlike fetch, sends any path and Host as given. */
export function httpRequest(options: HttpRequestOptions): Promise<HttpAnswer> {
  return new Promise((resolveAnswer, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolveAnswer({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8')
          })
        )
        response.on('error', reject)
      }
    )
    outgoing.on('error', reject)
    outgoing.end(options.body)
  })
}

/** Calls `POST /api/<name>` with a JSON body and the given headers (a token, a cookie), answering the parsed JSON. */
export async function callApi(
  port: number,
  name: string,
  input: unknown,
  headers: Record<string, string> = {}
): Promise<HttpAnswer & { json: unknown }> {
  const answer = await httpRequest({
    port,
    path: `/api/${name}`,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input)
  })
  return { ...answer, json: answer.body ? (JSON.parse(answer.body) as unknown) : undefined }
}
