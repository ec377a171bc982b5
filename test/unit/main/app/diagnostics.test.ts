import { describe, it, expect } from 'vitest'
import { formatDiagnostics } from '../../../../main/app/diagnostics'
import { choiceOf, unexpectedErrorButtons, unexpectedErrorDialog } from '../../../../main/app/unexpectedErrorDialog'

const facts = {
  appName: 'Capillary Mapping Studio',
  appVersion: '0.1.0',
  versions: { electron: '45.5.0', chrome: '142.0.0.0', node: '22.20.0', v8: '14.2', openssl: '3.5', token: 'abc' },
  platform: 'linux',
  arch: 'x64',
  osRelease: '6.8.0',
  configDir: '/home/a/.config/Capillary Mapping Studio',
  logsDir: '/home/a/.config/Capillary Mapping Studio/logs',
  packaged: true
}

describe('formatDiagnostics', () => {
  it('names the app, the runtime versions, the OS and the folders', () => {
    expect(formatDiagnostics(facts)).toBe(
      [
        'Capillary Mapping Studio 0.1.0',
        'Runtime: electron 45.5.0, chrome 142.0.0.0, node 22.20.0, v8 14.2',
        'OS: linux 6.8.0 (x64)',
        'Config folder: /home/a/.config/Capillary Mapping Studio',
        'Logs folder: /home/a/.config/Capillary Mapping Studio/logs'
      ].join('\n')
    )
  })

  it('keeps only the known runtime versions, whatever else is handed in', () => {
    expect(formatDiagnostics(facts)).not.toMatch(/token|abc|openssl/)
  })

  it('marks a development build', () => {
    expect(formatDiagnostics({ ...facts, packaged: false })).toMatch(
      /^Capillary Mapping Studio 0\.1\.0 \(development build\)/
    )
  })
})

describe('unexpectedErrorDialog', () => {
  const options = unexpectedErrorDialog('the window stopped (crashed)', new Error('boom'), formatDiagnostics(facts))

  it('is an error dialog saying what happened, with the error and the diagnostics', () => {
    expect(options.type).toBe('error')
    expect(options.message).toBe('Something went wrong: the window stopped (crashed).')
    expect(options.detail).toContain('Error: boom')
    expect(options.detail).toContain('Runtime: electron 45.5.0')
  })

  it('offers copying the diagnostics, the logs, a reload and quitting; Escape reloads', () => {
    expect(options.buttons).toEqual(['Copy Diagnostics', 'Reveal Logs', 'Reload Window', 'Quit'])
    expect(choiceOf(options.cancelId ?? -1)).toBe('Reload Window')
    expect(unexpectedErrorButtons.map((_, index) => choiceOf(index))).toEqual([...unexpectedErrorButtons])
  })

  it('describes a non-Error failure too', () => {
    expect(unexpectedErrorDialog('x', 'net::ERR_FILE_NOT_FOUND (-6)', '').detail).toContain('ERR_FILE_NOT_FOUND')
    expect(unexpectedErrorDialog('x', { reason: 'oom' }, '').detail).toContain('No further detail.')
  })
})
