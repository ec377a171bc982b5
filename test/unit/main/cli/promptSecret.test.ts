import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { promptSecret } from '../../../../main/cli/promptSecret'

/** A terminal whose keys are written by the test, and what the prompt wrote on it. */
function fakeTerminal() {
  const input = new PassThrough()
  const output = new PassThrough()
  let written = ''
  output.on('data', (chunk: Buffer) => (written += chunk.toString()))
  return { input, output, written: () => written }
}

describe('promptSecret', () => {
  it('answers what was typed, trimmed, without echoing it', async () => {
    const terminal = fakeTerminal()
    const answer = promptSecret('Secret: ', terminal)
    terminal.input.write(' s3cret \r')
    expect(await answer).toBe('s3cret')
    expect(terminal.written()).toBe('Secret: \n')
  })

  it('answers undefined when Ctrl+C is pressed at the prompt', async () => {
    const terminal = fakeTerminal()
    const answer = promptSecret('Secret: ', terminal)
    terminal.input.write('s3c\x03')
    expect(await answer).toBeUndefined()
  })

  it('answers nothing typed when input ends (Ctrl+D, or a closed pipe)', async () => {
    const terminal = fakeTerminal()
    const answer = promptSecret('Secret: ', terminal)
    terminal.input.end()
    expect(await answer).toBe('')
  })
})
