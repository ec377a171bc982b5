import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningStudio {
  /** The URL `npm run web` prints, token included. */
  launchUrl: string
  /** The same origin without the token. */
  origin: string
  configDir: string
  stop(): Promise<number | null>
}

/** Starts the built studio in web mode exactly as a user does (`capmap web`), on a free port. */
export async function startWebStudio(options: { projectPath: string; configDir?: string }): Promise<RunningStudio> {
  const configDir = options.configDir ?? mkdtempSync(join(tmpdir(), 'capmap-e2e-config-'))
  const child = spawn(
    process.execPath,
    ['bin/capmap.js', 'web', '--no-open', '--port', '0', '--project', options.projectPath],
    { env: { ...process.env, CAPMAP_CONFIG_DIR: configDir }, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const launchUrl = await firstUrl(child)
  return {
    launchUrl,
    origin: new URL(launchUrl).origin,
    configDir,
    stop: () =>
      new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill('SIGTERM')
      }).finally(() => {
        // A config folder made here goes with the studio; one given is the caller's to keep.
        if (options.configDir === undefined) rmSync(configDir, { recursive: true, force: true })
      })
  }
}

function firstUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`web mode printed no URL in 30 s:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web mode exited with ${code} before printing its URL:\n${output}`))
    })
  })
}
