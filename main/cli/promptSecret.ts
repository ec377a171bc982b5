import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'

/**
 * Asks for a secret on the terminal without echoing what is typed; answers it trimmed ('' when nothing, or when input
 * ends), or undefined when Ctrl+C is pressed at the prompt (readline would only pause, and the command would end
 * there as if it had succeeded).
 */
export function promptSecret(
  question: string,
  terminal: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } = {
    input: process.stdin,
    output: process.stdout
  }
): Promise<string | undefined> {
  terminal.output.write(question)
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() })
  const reader = createInterface({ input: terminal.input, output: silent, terminal: true })
  return new Promise<string | undefined>((resolveAnswer) => {
    const answer = (typed: string | undefined) => {
      resolveAnswer(typed)
      reader.close()
    }
    reader.once('SIGINT', () => answer(undefined))
    reader.once('close', () => answer(''))
    reader.question('', (typed) => answer(typed.trim()))
  }).finally(() => terminal.output.write('\n'))
}
