import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { capmap, ensureBuiltCli, startListen, type RunningListen } from '../listener/runCapmap'
import { httpRequest } from '../../support/httpRequest'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { copySampleProject } from '../../support/sampleProjectCopy'

let folder: ReturnType<typeof createTemporaryFolder>
let configDir: string
let listening: RunningListen | undefined

beforeAll(ensureBuiltCli, 200_000)

beforeEach(() => {
  folder = createTemporaryFolder('captures')
  configDir = join(folder.path, 'config')
  copySampleProject(join(folder.path, 'Shop.capmap'))
})

afterEach(() => {
  if (listening?.child.exitCode === null) listening.child.kill('SIGKILL')
  listening = undefined
  folder.remove()
})

const run = (...args: string[]) => capmap(folder.path, configDir, args)

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('capmap captures list', () => {
  it("lists the sample's captures newest first, one line each", () => {
    const result = run('captures', 'list', '--project', 'Shop.capmap')
    expect(result.status).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines.map((line) => line.split('  ').at(-1))).toEqual(['4', '3', '2', '1'])
    expect(lines[0]).toContain('POST /hooks/booking-app')
  })

  it('prints one JSON object per line with --json, receivedAt in ISO 8601', () => {
    const captures = jsonLines(run('captures', 'list', '--project', 'Shop.capmap', '--json').stdout)
    expect(captures).toHaveLength(4)
    for (const capture of captures) {
      expect(Object.keys(capture)).toEqual(
        expect.arrayContaining(['id', 'receivedAt', 'integration', 'method', 'path', 'contentType', 'size', 'status'])
      )
      expect(new Date(String(capture.receivedAt)).toISOString()).toBe(capture.receivedAt)
    }
    expect(captures[3]).toMatchObject({
      id: '1',
      integration: 'webengage',
      method: 'POST',
      path: '/hooks/webengage',
      contentType: 'application/json',
      status: 'ok'
    })
  })

  it('stops at --limit', () => {
    expect(
      jsonLines(run('captures', 'list', '--project', 'Shop.capmap', '--json', '--limit', '2').stdout).map((c) => c.id)
    ).toEqual(['4', '3'])
  })

  it('finds captures by words of their bodies with --search', () => {
    const found = jsonLines(run('captures', 'list', '--project', 'Shop.capmap', '--json', '--search', 'Diwali').stdout)
    expect(found.map((capture) => capture.id)).toEqual(['2'])
    const none = run('captures', 'list', '--project', 'Shop.capmap', '--search', 'nothing-like-this')
    expect(none.stdout).toBe('')
    expect(none.stderr).toContain('No capture matches')
  })

  it('refuses a search with no word in it, rather than listing every capture as matched', () => {
    for (const search of ['"', '  ', '*:']) {
      const refused = run('captures', 'list', '--project', 'Shop.capmap', '--search', search)
      expect(refused.status).toBe(2)
      expect(refused.stdout).toBe('')
      expect(refused.stderr).toContain(
        `--search needs a word to look for, letters or digits (got ${JSON.stringify(search)})`
      )
    }
  })

  it('works while `capmap listen` has the project open, new captures included', async () => {
    listening = await startListen(folder.path, configDir, ['--project', 'Shop.capmap', '--port', '0'])
    const answer = await httpRequest({
      port: listening.port,
      path: '/hooks/booking-app',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"event_name":"be_reserved","hotel_name":"Zanzibar Residency"}'
    })
    const id = (JSON.parse(answer.body) as { id: string }).id
    const listed = jsonLines(run('captures', 'list', '--project', 'Shop.capmap', '--json').stdout)
    expect(listed[0]).toMatchObject({ id, path: '/hooks/booking-app', status: 'ok' })
    const found = jsonLines(
      run('captures', 'list', '--project', 'Shop.capmap', '--json', '--search', 'Zanzibar').stdout
    )
    expect(found.map((capture) => capture.id)).toEqual([id])
    expect(run('captures', 'show', id, '--project', 'Shop.capmap').stdout).toContain('Zanzibar Residency')
  })

  it.each([
    [['captures'], 'list or show'],
    [['captures', 'list'], '--project'],
    [['captures', 'list', '--project', 'Shop.capmap', '--limit', '0'], '--limit'],
    [['captures', 'show', '--project', 'Shop.capmap'], 'one capture id'],
    [['captures', 'show', '1', '--project', 'Shop.capmap', '--search', 'x'], '--search']
  ])('exits 2 for bad usage (%j)', (args, mention) => {
    const result = run(...args)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(mention)
  })
})

describe('capmap captures show', () => {
  it('prints metadata, masked headers and the body', () => {
    const result = run('captures', 'show', '1', '--project', 'Shop.capmap')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Capture      1')
    expect(result.stdout).toContain('Status       ok (answered 200)')
    expect(result.stdout).toContain('Integration  webengage, event Added To Cart')
    expect(result.stdout).toContain('  secret: [masked]')
    expect(result.stdout).toContain('  x-request-id: 7C1E4B9A0D2F')
    expect(result.stdout).toContain('"skuCode": "14572567"')
  })

  it('prints the whole capture as JSON with --json, the body as text and base64', () => {
    const capture = JSON.parse(run('captures', 'show', '3', '--project', 'Shop.capmap', '--json').stdout) as Record<
      string,
      unknown
    >
    expect(capture).toMatchObject({ id: '3', integration: 'booking-app', bodyKind: 'json', replayable: true })
    expect(Buffer.from(String(capture.bodyBase64), 'base64').toString()).toBe(capture.bodyText)
    expect(capture.parsed).toMatchObject({ event_name: 'be_reserved', customer_id: '9933772255' })
    expect(capture.headers).toContainEqual(['Authorization', 'Basic [masked]'])
  })

  it('exits 1 for an id the project does not have', () => {
    const result = run('captures', 'show', '999', '--project', 'Shop.capmap')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('There is no capture 999')
  })
})
