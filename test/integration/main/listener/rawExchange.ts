import { connect } from 'node:net'

/**
 * Writes raw bytes to a listener and reads everything it sends back until it closes the connection (or after 5 s):
 * for requests no HTTP client would send. With `untilAnswered`, the client hangs up itself once a JSON answer is in
 * (for a listener that keeps the connection open, waiting for a body that never comes).
 */
export function rawExchange(
  port: number,
  request: string | Buffer,
  { untilAnswered = false }: { untilAnswered?: boolean } = {}
): Promise<string> {
  return new Promise((resolveReply, reject) => {
    const socket = connect(port, '127.0.0.1')
    let reply = ''
    const done = () => resolveReply(reply)
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      reply += chunk
      if (untilAnswered && /\r\n\r\n/.test(reply) && /"ok":/.test(reply)) socket.end()
    })
    socket.on('end', done)
    socket.on('close', done)
    socket.on('error', reject)
    socket.setTimeout(5_000, () => socket.destroy())
    socket.write(request)
  })
}

/** The JSON bodies of the HTTP answers in a raw reply, in order, with their status codes. */
export function answersIn(reply: string): { status: number; json: Record<string, unknown> }[] {
  const answers: { status: number; json: Record<string, unknown> }[] = []
  const pattern = /HTTP\/1\.1 (\d{3})[^\r]*\r\n(?:[^\r]+\r\n)*?Content-Length: (\d+)\r\n(?:[^\r]+\r\n)*\r\n/g
  for (let head = pattern.exec(reply); head; head = pattern.exec(reply)) {
    const start = head.index + head[0].length
    const text = reply.slice(start, start + Number(head[2]))
    answers.push({ status: Number(head[1]), json: JSON.parse(text) as Record<string, unknown> })
    pattern.lastIndex = start + text.length
  }
  return answers
}
