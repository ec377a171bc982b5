import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Bundle } from '../../../../shared/bundle/bundleFormat'
import { sha256OfFile } from '../../support/sha256OfFile'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { buildTimeoutMs, capmapBin as bin, ensureBuiltCli } from '../../support/builtCli'
import { copySampleProject } from '../../support/sampleProjectCopy'

let folder: ReturnType<typeof createTemporaryFolder>

beforeAll(ensureBuiltCli, buildTimeoutMs)

beforeEach(() => {
  folder = createTemporaryFolder('cli-bundle-merge')
  copySampleProject(file('Shop.capmap'))
  expect(capmap(['export', '--project', 'Shop.capmap', '--out', 'shop.capmap.json']).status).toBe(0)
  // A teammate's copy: the booking event relabelled, one of its rules changed.
  const bundle = JSON.parse(readFileSync(file('shop.capmap.json'), 'utf8')) as Bundle
  bundle.events.find((event) => event.name === 'be_reserved')!.label = 'Room booking'
  bundle.mappings.find((mapping) => mapping.event === 'be_reserved')!.spec.rules[1]!.transforms = [
    { kind: 'upperCase' }
  ]
  writeFileSync(file('theirs.capmap.json'), `${JSON.stringify(bundle, null, 2)}\n`)
})

afterEach(() => folder.remove())

const file = (name: string) => join(folder.path, name)

function capmap(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: folder.path,
    env: { ...process.env, CAPMAP_CONFIG_DIR: join(folder.path, 'config'), NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const labelAfterExport = (project: string, event: string) => {
  expect(capmap(['export', '--project', project, '--out', 'check.capmap.json']).status).toBe(0)
  const bundle = JSON.parse(readFileSync(file('check.capmap.json'), 'utf8')) as Bundle
  return bundle.events.find((candidate) => candidate.name === event)?.label
}

describe('capmap import into an existing project', () => {
  it('by default fails on a conflict, listing it, and writes nothing', () => {
    const before = sha256OfFile(file('Shop.capmap'))
    const result = capmap(['import', 'theirs.capmap.json', '--project', 'Shop.capmap'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('nothing was written')
    expect(result.stderr).toContain(
      'event be_reserved: changed be_reserved.label; changed booking-app → be_reserved.rules.hotel_name.transforms'
    )
    expect(result.stderr).not.toContain('event ProductAddedToCart')
    expect(sha256OfFile(file('Shop.capmap'))).toBe(before)
  })

  it('merges a bundle with no conflict, and a bundle identical to the project changes nothing in it', () => {
    const result = capmap(['import', 'shop.capmap.json', '--project', 'Shop.capmap'])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('events 0 added, 0 replaced, 0 kept both, 2 unchanged')
    expect(capmap(['export', '--project', 'Shop.capmap', '--out', 'again.capmap.json']).status).toBe(0)
    expect(readFileSync(file('again.capmap.json'), 'utf8')).toBe(readFileSync(file('shop.capmap.json'), 'utf8'))
  })

  it('--on-conflict take-theirs replaces the event; keep-mine keeps it; keep-both adds be_reserved_2', () => {
    expect(capmap(['import', 'theirs.capmap.json', '--project', 'Shop', '--on-conflict', 'keep-mine']).status).toBe(0)
    expect(labelAfterExport('Shop.capmap', 'be_reserved')).not.toBe('Room booking')

    const both = capmap(['import', 'theirs.capmap.json', '--project', 'Shop', '--on-conflict', 'keep-both'])
    expect(both.stdout).toContain('events 0 added, 0 replaced, 1 kept both, 1 unchanged')
    expect(labelAfterExport('Shop.capmap', 'be_reserved_2')).toBe('Room booking')

    const theirs = capmap(['import', 'theirs.capmap.json', '--project', 'Shop', '--on-conflict', 'take-theirs'])
    expect(theirs.status).toBe(0)
    expect(theirs.stdout).toContain('1 replaced')
    expect(labelAfterExport('Shop.capmap', 'be_reserved')).toBe('Room booking')
    expect(capmap(['import', 'theirs.capmap.json', '--project', 'Shop.capmap']).status).toBe(0)
  })

  it('refuses bad usage with exit 2, and --new still makes a new project', () => {
    expect(capmap(['import', 'theirs.capmap.json', '--project', 'Shop', '--on-conflict', 'merge']).status).toBe(2)
    expect(
      capmap(['import', 'theirs.capmap.json', '--project', 'N', '--new', '--on-conflict', 'keep-mine']).status
    ).toBe(2)
    expect(capmap(['import', 'theirs.capmap.json', '--project', 'Nowhere.capmap']).status).not.toBe(0)
    expect(capmap(['import', 'theirs.capmap.json', '--project', 'New', '--new']).status).toBe(0)
    expect(labelAfterExport('New.capmap', 'be_reserved')).toBe('Room booking')
  })
})
