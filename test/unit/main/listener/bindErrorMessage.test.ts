import { describe, expect, it } from 'vitest'
import { bindErrorMessage, type FailedBind } from '../../../../main/listener/bindErrorMessage'

function failed(code: string, overrides: Partial<FailedBind> = {}): FailedBind {
  const error: NodeJS.ErrnoException = Object.assign(new Error(`listen ${code}: 127.0.0.1:4890`), { code })
  return { error, host: '127.0.0.1', port: 4890, scan: 1, ...overrides }
}

describe('bindErrorMessage', () => {
  it('says a busy port is in use, and where to choose another', () => {
    expect(bindErrorMessage(failed('EADDRINUSE'), 'with --port')).toBe(
      'Port 4890 is in use by another program: close it, or choose another port with --port.'
    )
  })

  it('only asks for another port where the reader is choosing one', () => {
    expect(bindErrorMessage(failed('EADDRINUSE'), null)).toBe(
      'Port 4890 is in use by another program: choose another one.'
    )
  })

  it('names the range of ports scanned when all were busy', () => {
    expect(bindErrorMessage(failed('EADDRINUSE', { scan: 20 }), 'in Settings › Webhook listener')).toBe(
      'Ports 4890–4909 are all in use: choose a free port in Settings › Webhook listener.'
    )
    expect(bindErrorMessage(failed('EADDRINUSE', { scan: 20 }), null)).toBe(
      'Ports 4890–4909 are all in use: choose a free port.'
    )
  })

  it('words a privileged port and an address this machine lacks the same for every reader', () => {
    const lacking = failed('EADDRNOTAVAIL', { host: '10.255.255.1' })
    expect(bindErrorMessage(failed('EACCES', { port: 80 }), 'with --port')).toBe(
      'This system does not allow listening on port 80: choose a port above 1024.'
    )
    expect(bindErrorMessage(lacking, 'with --port')).toBe(bindErrorMessage(lacking, null))
    expect(bindErrorMessage(lacking, null)).toBe(
      'This machine has no address 10.255.255.1: choose 127.0.0.1 or one of its own addresses.'
    )
  })

  it('keeps the system’s words for any other error', () => {
    expect(bindErrorMessage(failed('EINVAL'), null)).toBe(
      'The listener could not start on 127.0.0.1:4890: listen EINVAL: 127.0.0.1:4890'
    )
  })
})
