import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeBundle } from '../../../../shared/bundle/canonicalBundle'
import { diffCommand } from '../../../../main/cli/commands/diff'
import { silentLogger } from '../../../../main/platform/logger'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { sampleBundleContent } from '../../../unit/shared/bundle/sampleBundleContent'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit bundles as the JSON they are
type Untyped = any

let folder: ReturnType<typeof createTemporaryFolder>

beforeEach(() => {
  folder = createTemporaryFolder('cli-bundle-diff')
})

afterEach(() => folder.remove())

const file = (name: string) => join(folder.path, name)

/** The sample bundle with a long note in its test case's payload and expected output, edited, written as `name`. */
function writeBundle(name: string, change: (bundle: Untyped) => void = () => {}) {
  const bundle = JSON.parse(serializeBundle(sampleBundleContent(), 'test')) as Untyped
  bundle.testCases[0].payload.notes = 'n'.repeat(300)
  bundle.testCases[0].expected[0].notes = 'n'.repeat(300)
  change(bundle)
  writeFileSync(file(name), `${JSON.stringify(bundle, null, 2)}\n`)
}

/** `capmap diff a b` run in-process: its exit code and printed lines. */
async function diff(a: string, b: string) {
  const lines: string[] = []
  const status = await diffCommand.run([file(a), file(b)], {
    configDir: file('config'),
    version: 'test',
    logger: silentLogger,
    print: (line) => lines.push(line),
    printError: (line) => lines.push(line)
  })
  return { status, lines: lines.filter((line) => !line.startsWith('Warning:')) }
}

describe('capmap diff of test cases', () => {
  it('shows the value that changed in an expected output, by its place', async () => {
    writeBundle('a.capmap.json')
    writeBundle('b.capmap.json', (bundle) => (bundle.testCases[0].expected[0].nights = 3))
    expect(await diff('a.capmap.json', 'b.capmap.json')).toEqual({
      status: 1,
      lines: ['~ testCase booking-app → be_reserved: A reservation.expected[0].nights: 2 → 3', '1 differences']
    })
  })

  it('shows a long string around where it changed, not cut before the change', async () => {
    writeBundle('a.capmap.json')
    writeBundle('b.capmap.json', (bundle) => (bundle.testCases[0].payload.notes = `${'n'.repeat(250)}CHANGED`))
    const { lines } = await diff('a.capmap.json', 'b.capmap.json')
    expect(lines[0]).toMatch(
      /^~ testCase booking-app → be_reserved: A reservation\.payload\.notes: \.\.\.n+" → \.\.\.n+CHANGED"$/
    )
    expect(readFileSync(file('a.capmap.json'), 'utf8')).not.toContain('CHANGED')
  })
})
