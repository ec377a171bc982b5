import Database from 'better-sqlite3'
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest'
import { capmapApplicationId } from '../../../../main/store/projectFile'
import { callApi } from '../../support/httpRequest'
import { sampleEvents } from '../../support/sampleEvents'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { buildTimeoutMs, capmapBin as bin, ensureBuiltCli, repository } from '../../support/builtCli'

const version = (JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')) as { version: string }).version

let folder: ReturnType<typeof createTemporaryFolder>
let configDir: string
const running: ChildProcessWithoutNullStreams[] = []

beforeAll(ensureBuiltCli, buildTimeoutMs)

beforeEach(() => {
  folder = createTemporaryFolder('cli')
  configDir = join(folder.path, 'config')
  process.env.CAPMAP_CONFIG_DIR = configDir
})

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  folder.remove()
})

function environment(): NodeJS.ProcessEnv {
  return { ...process.env, CAPMAP_CONFIG_DIR: configDir, NO_COLOR: '1' }
}

/** Runs `node bin/capmap.js <args>` in the temporary folder, to its end. */
function capmap(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: folder.path,
    env: environment(),
    encoding: 'utf8',
    timeout: 60_000
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function eventNamesIn(path: string): { applicationId: unknown; names: string[] } {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return {
      applicationId: db.pragma('application_id', { simple: true }),
      names: (db.prepare('SELECT name FROM events').all() as { name: string }[]).map((row) => row.name).sort()
    }
  } finally {
    db.close()
  }
}

describe('capmap', () => {
  it("prints package.json's version for --version and exits 0", () => {
    const result = capmap('--version')
    expect(result.status).toBe(0)
    expect(result.stdout.trim()).toBe(version)
  })

  it('prints the same version for -v', () => {
    expect(capmap('-v').stdout.trim()).toBe(version)
  })

  it('prints the usage for --help and exits 0', () => {
    const result = capmap('--help')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Usage: capmap')
  })

  it('prints the usage on stderr and exits 2 without arguments', () => {
    const result = capmap()
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('Usage: capmap')
  })

  it('names an unknown command and the commands there are, on stderr, and exits 2', () => {
    const result = capmap('lisen')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Unknown command: lisen. The commands are new, ')
    expect(result.stderr).toContain('listen')
    expect(result.stderr).toContain('capmap --help says what each does')
  })

  it("prints a command's own help for --help or -h, and exits 0", () => {
    for (const flag of ['--help', '-h']) {
      const result = capmap('listen', flag)
      expect(result.status).toBe(0)
      expect(result.stdout).toContain('listen --project <file>')
      expect(result.stdout).toContain('--port <n>')
      expect(result.stdout).not.toContain('captures list')
      expect(result.stdout).toContain('141 the reader of its output went away')
    }
  })

  it("refuses an unknown option with exit 2, naming it, then the command's own usage only", () => {
    const result = capmap('new', 'x.capmap', '--samples')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("capmap: Unknown option '--samples'.\n")
    // Node's advice about `--` suits a positional starting with a dash, not a mistyped option.
    expect(result.stderr).not.toContain('positional argument')
    expect(result.stderr).toContain('new <file> [--sample]')
    expect(result.stderr).not.toContain('listen --project')
  })

  it('refuses a port or limit that is empty or not written in digits, with exit 2', () => {
    for (const port of ['', '0x10', '1e3', ' 80', '65536']) {
      const result = capmap('listen', '--project', 'x.capmap', '--port', port)
      expect(result.status, port).toBe(2)
      expect(result.stderr, port).toContain('--port must be a whole number from 0 to 65535')
    }
    const limit = capmap('captures', 'list', '--project', 'x.capmap', '--limit', '1e1')
    expect(limit.status).toBe(2)
    expect(limit.stderr).toContain('--limit must be a whole number from 1 to 100000 (got 1e1)')
  })

  describe('new', () => {
    it('creates a project with the sample’s events for --sample and exits 0', () => {
      const result = capmap('new', 'Sample.capmap', '--sample')
      expect(result.status).toBe(0)
      expect(result.stdout).toContain(join(folder.path, 'Sample.capmap'))
      expect(eventNamesIn(join(folder.path, 'Sample.capmap'))).toEqual({
        applicationId: capmapApplicationId,
        names: sampleEvents()
          .map((event) => event.name)
          .sort()
      })
    })

    it('creates an empty project without --sample', () => {
      expect(capmap('new', 'Empty.capmap').status).toBe(0)
      expect(eventNamesIn(join(folder.path, 'Empty.capmap'))).toEqual({ applicationId: capmapApplicationId, names: [] })
    })

    it('leaves one complete file: no -wal, -shm or lock beside it', () => {
      capmap('new', 'Tidy.capmap', '--sample')
      for (const suffix of ['-wal', '-shm', '.lock'])
        expect(existsSync(join(folder.path, `Tidy.capmap${suffix}`))).toBe(false)
    })

    it('refuses an existing file with exit 1 and a message naming it, leaving the file alone', () => {
      writeFileSync(join(folder.path, 'Taken.capmap'), 'mine')
      const result = capmap('new', 'Taken.capmap')
      expect(result.status).toBe(1)
      expect(result.stderr).toContain(join(folder.path, 'Taken.capmap'))
      expect(result.stderr).toContain('already exists')
      expect(result.stderr).not.toMatch(/\n\s+at /)
      expect(readFileSync(join(folder.path, 'Taken.capmap'), 'utf8')).toBe('mine')
    })

    it('exits 2 with the usage when no file is given', () => {
      const result = capmap('new')
      expect(result.status).toBe(2)
      expect(result.stderr).toContain('capmap new')
    })

    it('exits 2 when given two files', () => {
      expect(capmap('new', 'a.capmap', 'b.capmap').status).toBe(2)
      expect(existsSync(join(folder.path, 'a.capmap'))).toBe(false)
    })

    it('keeps its config (recent projects) in CAPMAP_CONFIG_DIR', () => {
      capmap('new', 'Remembered.capmap')
      expect(readFileSync(join(configDir, 'state.json'), 'utf8')).toContain(join(folder.path, 'Remembered.capmap'))
    })

    it("leaves the studio's Recent list alone when a command only works on a project", () => {
      expect(capmap('new', '--sample', 'Worked.capmap').status).toBe(0)
      expect(capmap('new', 'Opened.capmap').status).toBe(0)
      const recentPaths = () =>
        (
          JSON.parse(readFileSync(join(configDir, 'state.json'), 'utf8')) as { recentProjects: { path: string }[] }
        ).recentProjects.map((entry) => entry.path)
      const before = recentPaths()
      expect(before[0]).toBe(join(folder.path, 'Opened.capmap'))
      expect(capmap('test', '--project', 'Worked.capmap').stdout).toContain('passed')
      expect(capmap('export', '--project', 'Worked.capmap', '--out', 'worked.json').status).toBe(0)
      expect(recentPaths()).toEqual(before)
    })
  })

  describe('web', () => {
    /** Starts `capmap web`, waits for its URL line and answers the child, its port, token and what it printed. */
    async function startWeb(...args: string[]) {
      const child = spawn(process.execPath, [bin, 'web', ...args], { cwd: folder.path, env: environment() })
      running.push(child)
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
        child.once('exit', (code, signal) => resolveExit({ code, signal }))
      )
      const started = Date.now()
      const urlLine = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/
      for (;;) {
        const match = urlLine.exec(stdout)
        if (match) return { child, exited, port: Number(match[1]), token: match[2] ?? '', stdout: () => stdout }
        if (child.exitCode !== null) throw new Error(`capmap web exited ${child.exitCode}: ${stderr}`)
        if (Date.now() - started > 30_000) throw new Error(`no URL printed: ${stdout} ${stderr}`)
        await new Promise((resolveWait) => setTimeout(resolveWait, 20))
      }
    }

    it('prints one line with the URL and its token', async () => {
      const web = await startWeb('--port', '0', '--no-open', '--project', join(folder.path, 'Web.capmap'))
      const lines = web.stdout().trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(new RegExp(`http://127\\.0\\.0\\.1:${web.port}/\\?token=${web.token}$`))
    })

    it('answers the API with 401 without the token and 200 with it', async () => {
      const web = await startWeb('--port', '0', '--no-open', '--project', join(folder.path, 'Web.capmap'))
      expect((await callApi(web.port, 'getProjectState', {})).status).toBe(401)
      const answer = await callApi(web.port, 'getProjectState', {}, { Authorization: `Bearer ${web.token}` })
      expect(answer.status).toBe(200)
      expect(answer.json).toMatchObject({ ok: true, value: { project: { path: join(folder.path, 'Web.capmap') } } })
    })

    it('serves the built page to the launch URL', async () => {
      const web = await startWeb('--port', '0', '--no-open', '--project', join(folder.path, 'Web.capmap'))
      const redirect = await fetch(`http://127.0.0.1:${web.port}/?token=${web.token}`, { redirect: 'manual' })
      expect(redirect.status).toBe(303)
      const page = await fetch(`http://127.0.0.1:${web.port}/`, {
        headers: { Cookie: (redirect.headers.get('set-cookie') ?? '').split(';')[0] ?? '' }
      })
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="root">')
    })

    it('stops on SIGTERM with exit 0, leaving no -wal file and no lock', async () => {
      const project = join(folder.path, 'Web.capmap')
      const web = await startWeb('--port', '0', '--no-open', '--project', project)
      await callApi(web.port, 'getProjectState', {}, { Authorization: `Bearer ${web.token}` })
      expect(existsSync(`${project}.lock`)).toBe(true)
      web.child.kill('SIGTERM')
      expect(await web.exited).toEqual({ code: 0, signal: null })
      expect(existsSync(`${project}-wal`)).toBe(false)
      expect(existsSync(`${project}.lock`)).toBe(false)
      expect(existsSync(project)).toBe(true)
    })

    it('keeps what was created over HTTP in the project after SIGTERM', async () => {
      const project = join(folder.path, 'Web.capmap')
      const web = await startWeb('--port', '0', '--no-open', '--project', project)
      const created = await callApi(
        web.port,
        'createEvent',
        { draft: { name: 'cli_made', label: 'Made', description: '', kind: 'custom', actions: [], attributes: [] } },
        { Authorization: `Bearer ${web.token}` }
      )
      expect(created.status).toBe(200)
      web.child.kill('SIGTERM')
      await web.exited
      expect(eventNamesIn(project).names).toEqual(['cli_made'])
    })

    it('exits 2 for a port that is not a number', () => {
      const result = capmap('web', '--port', 'eighty', '--no-open')
      expect(result.status).toBe(2)
      expect(result.stderr).toContain('--port')
    })
  })
})
