import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../../main/api/dispatcher'
import { createHandlers } from '../../../../main/api/handlers'
import { silentLogger } from '../../../../main/platform/logger'
import { createStudio } from '../../../../main/services/createStudio'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { buildTimeoutMs, capmapBin as bin, ensureBuiltCli, repository } from '../../support/builtCli'
import { copySampleProject } from '../../support/sampleProjectCopy'

let folder: ReturnType<typeof createTemporaryFolder>

beforeAll(ensureBuiltCli, buildTimeoutMs)

beforeEach(() => {
  folder = createTemporaryFolder('cli-bundles')
  copySampleProject(join(folder.path, 'Shop.capmap'))
})

afterEach(() => folder.remove())

function capmap(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: folder.path,
    env: { ...process.env, CAPMAP_CONFIG_DIR: join(folder.path, 'config'), NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000
  })
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    lines: result.stdout.trim().split('\n')
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit bundles as the JSON they are
type Untyped = any

const file = (name: string) => join(folder.path, name)
const read = (name: string) => readFileSync(file(name), 'utf8')
const edit = (name: string, change: (bundle: Untyped) => void) => {
  const bundle = JSON.parse(read(name)) as Untyped
  change(bundle)
  writeFileSync(file(name), `${JSON.stringify(bundle, null, 2)}\n`)
}

describe('bundles on the command line', () => {
  it('exports canonical bytes: twice the same, and the same again after a round trip through a new project', () => {
    expect(capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json']).status).toBe(0)
    expect(capmap(['export', '--project', 'Shop.capmap', '--out', 'again.capmap.json']).status).toBe(0)
    expect(read('again.capmap.json')).toBe(read('shop.capmap.json'))
    expect(read('shop.capmap.json').endsWith('}\n')).toBe(true)

    const imported = capmap(['import', 'shop.capmap.json', '--project', 'Copy.capmap', '--new'])
    expect(imported.status).toBe(0)
    expect(imported.stdout).toContain('2 events, 3 test cases')
    expect(capmap(['export', '--project', 'Copy.capmap', '--out', 'copy.capmap.json']).status).toBe(0)
    expect(read('copy.capmap.json')).toBe(read('shop.capmap.json'))
  })

  it('says how to make the project a merge names when there is none (--new), and what a folder is', () => {
    expect(capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json']).status).toBe(0)
    const missing = capmap(['import', 'shop.capmap.json', '--project', 'Missing.capmap'])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toBe(
      `capmap: There is no project at ${file('Missing.capmap')}: make one from the bundle with --new.\n`
    )
    mkdirSync(file('Folder.capmap'))
    const folderProject = capmap(['import', 'shop.capmap.json', '--project', 'Folder.capmap'])
    expect(folderProject.status).toBe(1)
    expect(folderProject.stderr).toBe(
      `capmap: ${file('Folder.capmap')} is a folder, not a file. Name a project file (.capmap).\n`
    )
  })

  it('turns a one-field change into a one-line change of the file (and of the event hash that tells it)', () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
    const before = read('shop.capmap.json')
    edit('shop.capmap.json', (bundle) => {
      bundle.events[1].label = 'Room booking'
    })
    capmap(['import', 'shop.capmap.json', '--project', 'Edited.capmap', '--new'])
    capmap(['export', '--project', 'Edited.capmap', '--out', 'edited.capmap.json'])
    const [a, b] = [before.split('\n'), read('edited.capmap.json').split('\n')]
    expect(b).toHaveLength(a.length)
    const changed = b.filter((line, index) => line !== a[index]).map((line) => line.trim().split(':')[0])
    expect(changed).toEqual(['"label"', '"be_reserved"'])
  })

  it('replaces an earlier bundle, and refuses to write over a file that is not one, a project included', () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
    expect(capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json']).stdout).toContain('Replaced')
    const projectBytes = readFileSync(file('Shop.capmap'))
    const overProject = capmap(['export', '--project', 'Shop.capmap', '--out', 'Shop.capmap'])
    expect(overProject.status).toBe(1)
    expect(overProject.stderr).toMatch(/capmap: nothing written: .*Shop\.capmap exists and is not a bundle/)
    expect(readFileSync(file('Shop.capmap')).equals(projectBytes)).toBe(true)
    const noFolder = capmap(['export', '--project', 'Shop.capmap', '--out', 'missing/shop.capmap.json'])
    expect(noFolder.status).toBe(1)
    expect(noFolder.stderr).toMatch(/capmap: nothing written: There is no folder .*missing: create it first/)
  })

  it('exports only the named events, with the integrations that feed them', () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'one.capmap.json', '--event', 'be_reserved'])
    const bundle = JSON.parse(read('one.capmap.json')) as Record<string, { name?: string; slug?: string }[]>
    expect(bundle.events?.map((event) => event.name)).toEqual(['be_reserved'])
    expect(bundle.integrations?.map((integration) => integration.slug)).toEqual(['booking-app'])
    const unknown = capmap(['export', '--project', 'Shop.capmap', '--out', 'x.capmap.json', '--event', 'nope'])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('no event nope')
  })

  it("runs a bundle's test cases in memory for CI: one line per failure, the plain count last, exit 1 on failure", () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
    const passing = capmap(['test', 'shop.capmap.json'])
    expect(passing.status).toBe(0)
    expect(passing.lines.at(-1)).toBe('3 passed, 0 failed')

    edit('shop.capmap.json', (bundle) => {
      bundle.testCases[0].expected[0].hotel_name = 'Whitefield'
    })
    const failing = capmap(['test', 'shop.capmap.json'])
    expect(failing.status).toBe(1)
    expect(failing.lines).toEqual([
      'FAIL be_reserved from booking-app: A reservation from the booking app: hotel_name: expected "Whitefield", got "Indiranagar"',
      '2 passed, 1 failed'
    ])
  })

  it('validates, and says when an event was edited by hand (a warning, not a failure)', () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
    expect(capmap(['validate', 'shop.capmap.json']).stdout).toContain(
      'valid (2 events, 2 integrations, 2 mappings, 3 test cases)'
    )
    edit('shop.capmap.json', (bundle) => {
      bundle.events[0].description = 'Edited in a pull request.'
    })
    const validated = capmap(['validate', 'shop.capmap.json'])
    expect(validated.status).toBe(0)
    expect(validated.stderr).toMatch(/Warning: .*edited by hand since it was exported/)
  })

  it('diffs two bundles field by field: exit 0 when equal, 1 when not', () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'a.capmap.json'])
    capmap(['export', '--project', 'Shop.capmap', '--out', 'b.capmap.json'])
    expect(capmap(['diff', 'a.capmap.json', 'b.capmap.json']).lines).toEqual(['The bundles are the same.'])
    edit('b.capmap.json', (bundle) => {
      bundle.events[1].label = 'Room booking'
      bundle.mappings[0].spec.rules.pop()
    })
    const diff = capmap(['diff', 'a.capmap.json', 'b.capmap.json'])
    expect(diff.status).toBe(1)
    expect(diff.lines).toEqual([
      expect.stringMatching(/^~ event be_reserved\.label: ".*" → "Room booking"$/),
      expect.stringMatching(/^- rule booking-app → be_reserved\.rules\.external_event_id/),
      '2 differences'
    ])
  })

  it('blocks an export holding a literal secret unless allowed, and warns of personal data', () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
    edit('shop.capmap.json', (bundle) => {
      bundle.testCases[0].payload.api_key = 'live-5f0c9d1e2b7a'
    })
    capmap(['import', 'shop.capmap.json', '--project', 'Leaky.capmap', '--new'])
    const blocked = capmap(['export', '--project', 'Leaky.capmap', '--out', 'leaky.capmap.json'])
    expect(blocked.status).toBe(1)
    expect(blocked.stderr).toContain('a secret would leave: testCases[0].payload.api_key')
    expect(blocked.stderr).toContain('Warning: personal data in a test case')
    expect(existsSync(file('leaky.capmap.json'))).toBe(false)
    expect(
      capmap(['export', '--project', 'Leaky.capmap', '--out', 'leaky.capmap.json', '--allow-secrets']).status
    ).toBe(0)
  })

  it('refuses to export what it could not import back, naming it, and writes nothing (exit 1)', async () => {
    // A payload holding a "__proto__" key, saved as the studio's API saves it (from its request's JSON text).
    const studio = createStudio({ configDir: file('config'), mode: 'cli', version: 'test', logger: silentLogger })
    studio.session.open(file('Shop.capmap'))
    try {
      const project = studio.session.require()
      const webengage = project.integrations.list().find((integration) => integration.slug === 'webengage')!
      const mapping = project.mappings.list().find((candidate) => candidate.integrationId === webengage.id)!
      const request = `{"draft": {"mappingId": "${mapping.id}", "name": "Cart with a hidden key", "source": {"kind": "edited"}, "payload": {"cart": {"__proto__": {"admin": true}}}, "expected": []}}`
      const saved = await createDispatcher(createHandlers(studio), silentLogger)('saveTestCase', JSON.parse(request))
      expect(saved).toMatchObject({ ok: true })
    } finally {
      studio.session.close()
    }

    const refused = capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
    expect(refused.status).toBe(1)
    // Test cases go by integration, event and name: this one comes third, between the sample's two WebEngage ones.
    expect(refused.stderr.split('\n').filter((line) => line.startsWith('capmap:'))).toEqual([
      'capmap: testCases[2].payload.cart holds a "__proto__" key: remove it from the test case "Cart with a hidden key" (webengage → ProductAddedToCart).',
      'capmap: nothing written: the studio could not import this bundle back'
    ])
    expect(existsSync(file('shop.capmap.json'))).toBe(false)
    expect(existsSync(file('shop.capmap.json.partial'))).toBe(false)
  })

  it("transforms a payload with one of a bundle's mappings, named by event and integration", () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
    const payload = join(repository, 'resources/samples/custom-be-reserved.json')
    const mapped = capmap(['transform', '--bundle', 'shop.capmap.json', '--event', 'be_reserved', payload])
    expect(mapped.status).toBe(0)
    expect(JSON.parse(mapped.stdout)).toEqual([
      expect.objectContaining({ event_name: 'be_reserved', hotel_name: 'Indiranagar' })
    ])
    const ambiguous = capmap(['transform', '--bundle', 'shop.capmap.json', payload])
    expect(ambiguous.status).toBe(2)
    expect(ambiguous.stderr).toContain('--integration booking-app --event be_reserved')
  })

  it('writes the bundle to stdout for --out -, the same bytes as the file', () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
    const piped = capmap(['export', '--project', 'Shop.capmap', '--out', '-'])
    expect(piped.status).toBe(0)
    expect(piped.stdout).toBe(read('shop.capmap.json'))
    expect(existsSync(file('-'))).toBe(false)
  })

  it('redacts personal data in test cases on request, and the test cases still pass', () => {
    const run = capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json', '--redact'])
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(/^Redacted \d+ personal values in test-case payloads\n$/)
    const text = read('shop.capmap.json')
    expect(text).not.toContain('9933772255')
    expect(text).not.toContain('919663673779')
    expect(capmap(['test', 'shop.capmap.json']).lines.at(-1)).toBe('3 passed, 0 failed')
  })

  it('fails a bundle with no test cases, saying so and what to do, as for a project', () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
    edit('shop.capmap.json', (bundle) => {
      bundle.testCases = []
    })
    const tested = capmap(['test', 'shop.capmap.json'])
    expect(tested.status).toBe(1)
    expect(tested.lines.at(-1)).toBe('0 passed, 0 failed')
    expect(tested.stderr).toContain('No test cases: save payloads with their expected outputs in the studio.')
  })

  it("names, at their place, Capillary's design rules an event breaks: validate fails, import keeps a draft", () => {
    capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
    edit('shop.capmap.json', (bundle) => {
      bundle.events[1].attributes[1].name = 'hotel name!'
      bundle.mappings[0].spec.rules = bundle.mappings[0].spec.rules.filter(
        (rule: { target: string }) => rule.target !== 'hotel_name'
      )
      bundle.testCases[0].expected[0].hotel_name = undefined
    })
    const validated = capmap(['validate', 'shop.capmap.json'])
    expect(validated.status).toBe(1)
    const nameLine =
      read('shop.capmap.json')
        .split('\n')
        .findIndex((line) => line.includes('"hotel name!"')) + 1
    const warning = `Warning: shop.capmap.json: events[1].attributes[1].name (line ${nameLine}): `
    expect(validated.stderr).toContain(warning)
    expect(validated.stderr).toContain(
      "capmap: shop.capmap.json: breaks 2 of Capillary's rules (the warnings above): an import keeps such events as " +
        'drafts, but publishing refuses them.'
    )
    expect(validated.stdout).toBe('')
    // A draft may break them, as in the designer: the import takes it, saying the same.
    const imported = capmap(['import', 'shop.capmap.json', '--project', 'Copy.capmap', '--new'])
    expect(imported.status).toBe(0)
    expect(imported.stderr).toContain(warning)
  })

  describe('refuses bad bundles, exactly, writing nothing', () => {
    const refused = (name: string, text: string) => {
      writeFileSync(file(name), text)
      const validated = capmap(['validate', name])
      const imported = capmap(['import', name, '--project', 'Bad.capmap', '--new'])
      expect(imported.status).toBe(validated.status)
      expect(existsSync(file('Bad.capmap'))).toBe(false)
      return validated
    }
    const exported = () => {
      capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
      return JSON.parse(read('shop.capmap.json')) as Untyped
    }

    it('a truncated file, or one that is not ours (exit 2)', () => {
      capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json'])
      const truncated = refused('truncated.capmap.json', read('shop.capmap.json').slice(0, 500))
      expect(truncated.status).toBe(2)
      expect(truncated.stderr).toContain('it is truncated')
      expect(refused('other.json', '{"name": "a package.json"}').stderr).toContain(
        'not a Capillary Mapping Studio bundle'
      )
    })

    it('a file over 50 MB, unread (exit 2)', () => {
      const result = refused(
        'huge.capmap.json',
        `{"format": "capmap.bundle", "pad": "${'x'.repeat(51 * 1024 * 1024)}"}`
      )
      expect(result.status).toBe(2)
      expect(result.stderr).toContain('over 50 MB')
    })

    it('a newer format version (exit 2)', () => {
      const result = refused('newer.capmap.json', JSON.stringify({ ...exported(), version: 9 }))
      expect(result.status).toBe(2)
      expect(result.stderr).toContain('format version 9; this studio reads up to 1')
    })

    it('prototype keys and deep nesting (exit 2)', () => {
      const text = JSON.stringify(exported(), null, 2).replace(
        '"events": [',
        '"__proto__": { "polluted": true },\n  "events": ['
      )
      const proto = refused('proto.capmap.json', text)
      expect(proto.status).toBe(2)
      expect(proto.stderr).toContain('"__proto__"')
      const constructorPrototype = refused(
        'constructor.capmap.json',
        JSON.stringify(exported(), null, 2).replace(
          '"events": [',
          '"x": { "constructor": { "prototype": {} } },\n  "events": ['
        )
      )
      expect(constructorPrototype.status).toBe(2)
      expect(constructorPrototype.stderr).toContain('a "constructor" with a "prototype"')
      const deep = refused('deep.capmap.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`)
      expect(deep.status).toBe(2)
      expect(deep.stderr).toContain('deeper than 64 levels')
    })

    it('rule violations, each at its place (exit 1)', () => {
      const bundle = exported()
      bundle.mappings[0].event = 'nope'
      bundle.events[1].attributes[0].type = 'colour'
      const result = refused('invalid.capmap.json', JSON.stringify(bundle, null, 2))
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('events[1].attributes[0].type')
    })

    it('references to nothing (exit 1)', () => {
      const bundle = exported()
      bundle.mappings[0].event = 'nope'
      const result = refused('dangling.capmap.json', JSON.stringify(bundle, null, 2))
      expect(result.status).toBe(1)
      const eventLine =
        read('dangling.capmap.json')
          .split('\n')
          .findIndex((line) => line.includes('"nope"')) + 1
      expect(result.stderr).toContain(`mappings[0].event (line ${eventLine}): no event nope in the bundle`)
    })
  })
})
