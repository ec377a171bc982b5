import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CapillaryClient } from '../../../../main/capillary/client/CapillaryClient'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { buildTimeoutMs, capmapBin as bin, ensureBuiltCli } from '../../support/builtCli'

let folder: ReturnType<typeof createTemporaryFolder>
const running: ChildProcessWithoutNullStreams[] = []

beforeAll(ensureBuiltCli, buildTimeoutMs)

beforeEach(() => {
  folder = createTemporaryFolder('sandbox-cli')
})

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  folder.remove()
})

const environment = () => ({ ...process.env, CAPMAP_CONFIG_DIR: join(folder.path, 'config'), NO_COLOR: '1' })

/** Starts `capmap sandbox …` and resolves with what it printed once it says how to stop it. */
function startCli(
  ...args: string[]
): Promise<{ child: ChildProcessWithoutNullStreams; output: string; baseUrl: string }> {
  const child = spawn(process.execPath, [bin, 'sandbox', ...args], { env: environment() })
  running.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`no banner in 20 s:\n${output}`)), 20_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      if (url && output.includes('Stop it with Ctrl+C.')) {
        clearTimeout(timer)
        resolve({ child, output, baseUrl: url })
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)))
  })
}

const stop = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })

describe('capmap sandbox', () => {
  it('prints its base URL and the default credentials, and answers as Capillary', async () => {
    const { child, output, baseUrl } = await startCli('--port', '0')
    expect(output).toContain(`Capillary sandbox running at ${baseUrl} (org 1000)`)
    expect(output).toContain('Basic auth   till sandbox.till, password sandbox')
    expect(output).toContain('OAuth        key sandbox, secret sandbox')
    expect(output).toContain(`curl -X POST '${baseUrl}/sandbox/events/publish?event_name=<name>'`)
    const client = new CapillaryClient({ baseUrl, credentials: { scheme: 'oauth', key: 'sandbox', secret: 'sandbox' } })
    await expect(client.listEvents()).resolves.toEqual([])
    await client.close()
    expect(await stop(child)).toBe(0)
  })

  it('takes the credentials, org and faults it is given, and keeps the password out of its log', async () => {
    const password = 'Cli-Sandbox-Pa55'
    const { child, output, baseUrl } = await startCli(
      '--port',
      '0',
      '--basic',
      `brand.till:${password}`,
      '--org-id',
      '4242',
      '--rate-limit',
      '1',
      '--latency',
      '1'
    )
    expect(output).toContain('(org 4242)')
    expect(output).not.toContain('OAuth        key')
    expect(output).toContain('Faults       1 ms latency, rate limit 1 calls a minute per key')
    const client = new CapillaryClient({
      baseUrl,
      credentials: { scheme: 'basic', tillCode: 'brand.till', password },
      retry: { maxAttempts: 1 }
    })
    await expect(client.listSources('4242')).resolves.toHaveLength(3)
    await expect(client.listEvents()).rejects.toMatchObject({ status: 429 })
    await client.close()
    expect(await stop(child)).toBe(0)
    const log = readFileSync(join(folder.path, 'config', 'logs', 'cli.log'), 'utf8')
    expect(log).toContain('sandbox GET /v2/org/4242/sources → 200')
    expect(log).not.toContain(password)
  })

  it('exits 1 saying, without a stack trace, that its port is in use and how to choose another', async () => {
    const { baseUrl } = await startCli('--port', '0')
    const port = new URL(baseUrl).port
    const result = spawnSync(process.execPath, [bin, 'sandbox', '--port', port], {
      env: environment(),
      encoding: 'utf8'
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toBe(
      `capmap: Port ${port} is in use by another program: close it, or choose another port with --port.\n`
    )
  })

  it("exits 2 with the sandbox's own usage for a bad option", () => {
    for (const args of [['--fail-rate', '2'], ['--basic', 'no-colon'], ['--port', 'x'], ['extra']]) {
      const result = spawnSync(process.execPath, [bin, 'sandbox', ...args], { env: environment(), encoding: 'utf8' })
      expect(result.status).toBe(2)
      expect(result.stderr).toContain('\n\nUsage:\n  sandbox [options]')
    }
  })
})
