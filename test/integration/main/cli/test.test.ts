import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../../main/platform/logger'
import { createStudio } from '../../../../main/services/createStudio'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { buildTimeoutMs, capmapBin as bin, ensureBuiltCli } from '../../support/builtCli'

let folder: ReturnType<typeof createTemporaryFolder>

beforeAll(ensureBuiltCli, buildTimeoutMs)

beforeEach(() => {
  folder = createTemporaryFolder('cli-test')
})

afterEach(() => folder.remove())

function capmap(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: folder.path,
    env: { ...process.env, CAPMAP_CONFIG_DIR: join(folder.path, 'config'), NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000
  })
  return { status: result.status, lines: result.stdout.trim().split('\n'), stderr: result.stderr }
}

/** The sample project, opened in-process to look at or change what `capmap test` will run. */
function withSample<T>(path: string, work: (studio: ReturnType<typeof createStudio>) => T): T {
  const studio = createStudio({
    configDir: join(folder.path, 'config'),
    mode: 'cli',
    version: 'test',
    logger: silentLogger
  })
  studio.session.open(path)
  try {
    return work(studio)
  } finally {
    studio.session.close()
  }
}

describe('capmap test', () => {
  it("passes the sample project's test cases, whose events are Tested", () => {
    expect(capmap(['new', 'Shop.capmap', '--sample']).status).toBe(0)
    const run = capmap(['test', '--project', 'Shop.capmap'])
    expect(run.status).toBe(0)
    expect(run.lines).toContain('ProductAddedToCart: Tested')
    expect(run.lines.at(-1)).toBe('3 passed, 0 failed')
  })

  it('says, without a stack trace, that another program keeps the project busy, and exits 1', () => {
    capmap(['new', 'Shop.capmap', '--sample'])
    const holder = new Database(join(folder.path, 'Shop.capmap'))
    holder.exec('BEGIN EXCLUSIVE')
    try {
      const run = capmap(['test', '--project', 'Shop.capmap'])
      expect(run.status).toBe(1)
      expect(run.stderr).toBe(
        'capmap: The project file is busy: another program has been writing to it for more than 5 seconds. ' +
          'Try again once it is done.\n'
      )
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
  }, 60_000)

  it('says, when a studio edits the project, to close it there and run the command again', () => {
    capmap(['new', 'Shop.capmap', '--sample'])
    const studio = createStudio({
      configDir: join(folder.path, 'studio-config'),
      mode: 'web',
      version: 'test',
      logger: silentLogger,
      listener: { autoStart: false }
    })
    studio.session.open(join(folder.path, 'Shop.capmap'))
    try {
      const run = capmap(['test', '--project', 'Shop.capmap'])
      expect(run.status).toBe(1)
      expect(run.stderr).toMatch(
        /^capmap: Shop is open for editing in another studio \(process \d+ on .+\)\. Close it there, then run this command again\.\n$/
      )
    } finally {
      studio.session.close()
    }
  })

  it('prints one line per failure, records it in the project, and exits 1', () => {
    capmap(['new', 'Shop.capmap', '--sample'])
    const path = join(folder.path, 'Shop.capmap')
    withSample(path, (studio) => {
      const event = studio.events.list().find((candidate) => candidate.name === 'be_reserved')
      const mapping = studio.mappings.list().find((candidate) => candidate.eventId === event?.id)
      if (!mapping) throw new Error('the sample maps be_reserved')
      const rules = mapping.rules.map((rule) =>
        rule.target === 'hotel_name' ? { ...rule, transforms: [{ kind: 'upperCase' as const }] } : rule
      )
      studio.mappings.save(mapping.integrationId, mapping.eventId, { ...mapping, rules })
    })
    const run = capmap(['test', '--project', 'Shop.capmap'])
    expect(run.status).toBe(1)
    expect(run.lines.filter((line) => line.startsWith('FAIL'))).toEqual([
      'FAIL be_reserved from booking-app: A reservation from the booking app: hotel_name: expected "Indiranagar", got "INDIRANAGAR"'
    ])
    expect(run.lines.at(-1)).toBe('2 passed, 1 failed')
    const statuses = withSample(path, (studio) => studio.events.list().map((event) => [event.name, event.status]))
    expect(statuses).toEqual(
      expect.arrayContaining([
        ['be_reserved', 'draft'],
        ['ProductAddedToCart', 'tested']
      ])
    )
  })

  it('runs only the named event', () => {
    capmap(['new', 'Shop.capmap', '--sample'])
    const run = capmap(['test', '--project', 'Shop.capmap', '--event', 'be_reserved'])
    expect(run.status).toBe(0)
    expect(run.lines.at(-1)).toBe('1 passed, 0 failed')
  })

  it('says so, with exit 2, for an event the project does not have or a missing --project', () => {
    capmap(['new', 'Shop.capmap', '--sample'])
    const unknown = capmap(['test', '--project', 'Shop.capmap', '--event', 'nope'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('The project has no event nope')
    expect(capmap(['test']).status).toBe(2)
  })

  it('fails a project without test cases, saying what to do', () => {
    capmap(['new', 'Empty.capmap'])
    const run = capmap(['test', '--project', 'Empty.capmap'])
    expect(run.status).toBe(1)
    expect(run.lines.at(-1)).toBe('0 passed, 0 failed')
    expect(run.stderr).toContain('No test cases')
  })
})
