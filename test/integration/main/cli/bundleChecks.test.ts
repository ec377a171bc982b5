import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeBundle } from '../../../../shared/bundle/canonicalBundle'
import type { CliCommand } from '../../../../main/cli/CliCommand'
import { exportCommand } from '../../../../main/cli/commands/export'
import { importCommand } from '../../../../main/cli/commands/import'
import { newProjectCommand } from '../../../../main/cli/commands/newProject'
import { validateCommand } from '../../../../main/cli/commands/validate'
import { silentLogger } from '../../../../main/platform/logger'
import { sha256OfFile } from '../../support/sha256OfFile'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { sampleBundleContent } from '../../../unit/shared/bundle/sampleBundleContent'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit bundles as the JSON they are
type Untyped = any

let folder: ReturnType<typeof createTemporaryFolder>

beforeEach(() => {
  folder = createTemporaryFolder('cli-bundle-checks')
  writeFileSync(file('sample.capmap.json'), serializeBundle(sampleBundleContent(), 'test'))
})

afterEach(() => folder.remove())

const file = (name: string) => join(folder.path, name)

/** A command run in-process, as the CLI runs it: its exit code and what it printed. */
async function capmap(command: CliCommand, args: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const status = await command.run(args, {
    configDir: file('config'),
    version: 'test',
    logger: silentLogger,
    print: (line) => stdout.push(line),
    printError: (line) => stderr.push(line)
  })
  return { status, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}

/** The sample bundle edited as JSON, written as `name`. */
const writeEdited = (name: string, change: (bundle: Untyped) => void) => {
  const bundle = JSON.parse(readFileSync(file('sample.capmap.json'), 'utf8')) as Untyped
  change(bundle)
  writeFileSync(file(name), `${JSON.stringify(bundle, null, 2)}\n`)
}

/** The line (from 1) of the last line of bundle `name` that holds `fragment`. */
const lastLineIn = (name: string, fragment: string) =>
  readFileSync(file(name), 'utf8')
    .split('\n')
    .findLastIndex((line) => line.includes(fragment)) + 1

/** Checks that a bundle is refused by validate and by both imports, with `problem`, and that nothing is written. */
async function expectRefusedEverywhere(name: string, problem: string) {
  const validated = await capmap(validateCommand, [file(name)])
  expect(validated.status).toBe(1)
  expect(validated.stderr).toContain(problem)

  const asNew = await capmap(importCommand, [file(name), '--project', file('New.capmap'), '--new'])
  expect(asNew.status).toBe(1)
  expect(asNew.stderr).toContain(problem)
  expect(readdirSync(folder.path).filter((entry) => entry.startsWith('New'))).toEqual([])

  expect(
    (await capmap(importCommand, [file('sample.capmap.json'), '--project', file('Mine.capmap'), '--new'])).status
  ).toBe(0)
  const before = sha256OfFile(file('Mine.capmap'))
  const merged = await capmap(importCommand, [
    file(name),
    '--project',
    file('Mine.capmap'),
    '--on-conflict',
    'take-theirs'
  ])
  expect(merged.status).toBe(1)
  expect(merged.stderr).toContain(problem)
  expect(sha256OfFile(file('Mine.capmap'))).toBe(before)
}

describe('bundles the studio would not have written, refused by validate and import', () => {
  it('refuses a misspelt key in a rule, at its place, where it was dropped before', async () => {
    writeEdited('typo.capmap.json', (bundle) => {
      const rule = bundle.mappings[0].spec.rules[1]
      rule.transfroms = rule.transforms
      delete rule.transforms
    })
    await expectRefusedEverywhere(
      'typo.capmap.json',
      `mappings[0].spec.rules[1].transfroms (line ${lastLineIn('typo.capmap.json', '"transfroms"')}): the bundle format has no such key.`
    )
    expect(existsSync(file('New.capmap'))).toBe(false)
  })
})

describe("the studio's own rules, on the command line", () => {
  it('refuses a bundle with two test cases of one mapping named alike, and writes nothing', async () => {
    writeEdited('twins.capmap.json', (bundle) =>
      bundle.testCases.push({ ...bundle.testCases[0], name: bundle.testCases[0].name.toUpperCase() })
    )
    await expectRefusedEverywhere(
      'twins.capmap.json',
      `testCases[1].name (line ${lastLineIn('twins.capmap.json', '"name": "A RESERVATION"')}): booking-app → be_reserved already has`
    )
  })

  it('refuses a slug the integration editor would refuse, and writes nothing', async () => {
    writeEdited('slug.capmap.json', (bundle) => {
      bundle.integrations[0].slug = 'Booking App'
      for (const item of [...bundle.mappings, ...bundle.testCases]) item.integration = 'Booking App'
    })
    await expectRefusedEverywhere(
      'slug.capmap.json',
      `integrations[0].slug (line ${lastLineIn('slug.capmap.json', '"slug": "Booking App"')}): Use lower-case letters`
    )
  })

  it('still exports the sample project and imports it back, as every check allows what the studio writes', async () => {
    expect((await capmap(newProjectCommand, [file('Sample.capmap'), '--sample'])).status).toBe(0)
    const exported = await capmap(exportCommand, ['--project', file('Sample.capmap'), '--out', file('s.capmap.json')])
    expect(exported.status).toBe(0)
    expect((await capmap(validateCommand, [file('s.capmap.json')])).status).toBe(0)
    const imported = await capmap(importCommand, [file('s.capmap.json'), '--project', file('Copy.capmap'), '--new'])
    expect(imported.status).toBe(0)
  })
})

describe('numbers and keys JSON.parse would change', () => {
  it('refuses a number too large for a double, with its place, and writes nothing', async () => {
    const text = readFileSync(file('sample.capmap.json'), 'utf8').replace('"nights": 2\n', '"nights": 1e400\n')
    writeFileSync(file('huge.capmap.json'), text)
    await expectRefusedEverywhere(
      'huge.capmap.json',
      `testCases[0].expected[0].nights (line ${lastLineIn('huge.capmap.json', '1e400')}): the number 1e400 is too large`
    )
  })

  it('refuses a key written twice, with its place, and writes nothing', async () => {
    const text = readFileSync(file('sample.capmap.json'), 'utf8').replace(
      '"format": "capmap.bundle",',
      '"format": "capmap.bundle",\n  "format": "capmap.bundle",'
    )
    writeFileSync(file('twice.capmap.json'), text)
    await expectRefusedEverywhere(
      'twice.capmap.json',
      `format (line ${lastLineIn('twice.capmap.json', '"format"')}): the key "format" is written twice`
    )
  })
})

describe('a bundle left in a git merge conflict', () => {
  it('is said so even when one side opens a bracket the other does not close, not as a truncated file', async () => {
    const lines = readFileSync(file('sample.capmap.json'), 'utf8').split('\n')
    lines.splice(3, 0, '<<<<<<< HEAD', '  "extra": {', '=======', '>>>>>>> theirs')
    writeFileSync(file('conflict.capmap.json'), lines.join('\n'))
    const validated = await capmap(validateCommand, [file('conflict.capmap.json')])
    expect(validated.status).toBe(2)
    expect(validated.stderr).toContain('unresolved git merge conflict markers at line 4')
  })

  it('is refused by validate as not readable, naming the line of the first marker', async () => {
    const lines = readFileSync(file('sample.capmap.json'), 'utf8').split('\n')
    lines.splice(3, 0, '<<<<<<< HEAD', '=======', '>>>>>>> theirs')
    writeFileSync(file('conflict.capmap.json'), lines.join('\n'))
    const validated = await capmap(validateCommand, [file('conflict.capmap.json')])
    expect(validated.status).toBe(2)
    expect(validated.stderr).toBe(
      `capmap: ${file('conflict.capmap.json')}: The file has unresolved git merge conflict markers at line 4: resolve the conflict (keep one side, or merge them by hand), then try again.`
    )
  })
})
