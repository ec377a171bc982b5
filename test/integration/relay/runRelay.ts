import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { capmapBin as bin } from '../support/builtCli'

export function runCapmap(cwd: string, configDir: string, args: string[], extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, CAPMAP_CONFIG_DIR: configDir, NO_COLOR: '1', ...extra },
    encoding: 'utf8',
    timeout: 60_000
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

export interface RunningRelayProcess {
  child: ChildProcessWithoutNullStreams
  port: number
  stdout(): string
  stderr(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Delivery outcome lines printed so far. */
  outcomes(): string[]
}

/** Starts `capmap relay` and waits for its "Relaying ... listening on" line. */
export async function startRelayProcess(
  cwd: string,
  configDir: string,
  args: string[],
  extra: Record<string, string> = {}
): Promise<RunningRelayProcess> {
  const child = spawn(process.execPath, [bin, 'relay', ...args], {
    cwd,
    env: { ...process.env, CAPMAP_CONFIG_DIR: configDir, NO_COLOR: '1', ...extra }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal }))
  )
  const port = await waitFor(() => {
    const match = /listening on http:\/\/[^/]*:(\d+)\//.exec(stdout)
    if (match) return Number(match[1])
    if (child.exitCode !== null) throw new Error(`capmap relay exited ${child.exitCode}: ${stdout} ${stderr}`)
    return undefined
  }, `capmap relay printed no address: ${stdout} ${stderr}`)
  return {
    child,
    port,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    outcomes: () => stdout.split('\n').filter((line) => /^\d{4}-\d\d-\d\dT\S+\s+(delivered|retry|dead)\s/.test(line))
  }
}

/** Polls until `probe` answers something (it only bounds how long a broken run hangs). */
export async function waitFor<T>(probe: () => T | undefined, failure: string, limitMs = 60_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() - started > limitMs) throw new Error(failure)
    await new Promise((resolveWait) => setTimeout(resolveWait, 20))
  }
}
