import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'

import { capmapBin as bin } from '../../support/builtCli'

export { ensureBuiltCli, repository } from '../../support/builtCli'

export function capmapEnvironment(configDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, CAPMAP_CONFIG_DIR: configDir, NO_COLOR: '1', ...extra }
}

/** Runs `node bin/capmap.js <args>` to its end. */
export function capmap(
  cwd: string,
  configDir: string,
  args: string[],
  extra: Record<string, string> = {}
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: capmapEnvironment(configDir, extra),
    encoding: 'utf8',
    timeout: 60_000
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

export interface RunningListen {
  child: ChildProcessWithoutNullStreams
  port: number
  stdout(): string
  stderr(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Waits until stderr holds `text` (stderr is its own pipe: it may arrive after stdout's start line). */
  stderrWith(text: string): Promise<string>
  /** Waits until stdout holds `text`. */
  stdoutWith(text: string): Promise<string>
  /** Waits until stdout has at least `count` lines after the first (one per capture). */
  linesAfterStart(count: number): Promise<string[]>
}

/** Starts `capmap listen` and waits for its "Listening on" line. */
export async function startListen(
  cwd: string,
  configDir: string,
  args: string[],
  extra: Record<string, string> = {}
): Promise<RunningListen> {
  const child = spawn(process.execPath, [bin, 'listen', ...args], { cwd, env: capmapEnvironment(configDir, extra) })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal }))
  )
  const port = await waitFor(() => {
    const match = /Listening on http:\/\/[^/]*:(\d+)\//.exec(stdout)
    if (match) return Number(match[1])
    if (child.exitCode !== null) throw new Error(`capmap listen exited ${child.exitCode}: ${stderr}`)
    return undefined
  }, `capmap listen printed no address: ${stdout} ${stderr}`)
  return {
    child,
    port,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    stderrWith: (text) =>
      waitFor(() => (stderr.includes(text) ? stderr : undefined), `stderr never said ${text}: ${stderr}`),
    stdoutWith: (text) =>
      waitFor(() => (stdout.includes(text) ? stdout : undefined), `stdout never said ${text}: ${stdout}`),
    linesAfterStart: (count) =>
      waitFor(() => {
        const lines = stdout.trim().split('\n').slice(1)
        return lines.length >= count ? lines : undefined
      }, `fewer than ${count} capture lines: ${stdout}`)
  }
}

/** Polls until `probe` answers something (not a timed assertion: it only bounds how long a broken run hangs). */
async function waitFor<T>(probe: () => T | undefined, failure: string): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() - started > 30_000) throw new Error(failure)
    await new Promise((resolveWait) => setTimeout(resolveWait, 20))
  }
}

export interface OnTerminal {
  child: ChildProcessWithoutNullStreams
  /** Everything the command wrote on its terminal (stdout and stderr). */
  output(): string
  outputWith(text: string): Promise<string>
  /** Keys typed on the terminal. */
  type(keys: string): void
  /** The command's exit code. */
  exited: Promise<number | null>
}

/**
 * Runs `node bin/capmap.js <args>` on a terminal of its own (a pseudo-terminal made by util-linux's `script`), for
 * what a command does only when a person is there to type: prompts, and Ctrl+C at them.
 */
export function spawnOnTerminal(cwd: string, configDir: string, args: string[]): OnTerminal {
  const command = [process.execPath, bin, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ')
  const child = spawn('script', ['--quiet', '--return', '--flush', '--command', command, '/dev/null'], {
    cwd,
    env: capmapEnvironment(configDir)
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)))
  return {
    child,
    output: () => output,
    outputWith: (text) =>
      waitFor(() => (output.includes(text) ? output : undefined), `the terminal never showed ${text}: ${output}`),
    type: (keys) => void child.stdin.write(keys),
    exited
  }
}
