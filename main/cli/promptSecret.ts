import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'

/** Asks for a secret on the terminal without echoing what is typed; answers it trimmed ('' when nothing). */
export function promptSecret(question: string): Promise<string> {
  process.stdout.write(question)
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() })
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true })
  return new Promise((resolveAnswer) => {
    reader.question('', (answer) => {
      reader.close()
      process.stdout.write('\n')
      resolveAnswer(answer.trim())
    })
  })
}
