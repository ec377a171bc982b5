import { mkdirSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileWithin } from '../../../../main/platform/readBoundedInput'
import { createTemporaryFolder } from '../../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>

beforeEach(() => {
  folder = createTemporaryFolder('bounded-read')
})

afterEach(() => folder.remove())

describe('readFileWithin', () => {
  it('reads a file of exactly the limit whole', () => {
    const path = join(folder.path, 'payload.json')
    writeFileSync(path, 'x'.repeat(1024))
    const read = readFileWithin(path, 1024, 'payload')
    expect(read.ok && read.bytes.length).toBe(1024)
  })

  it('refuses a file over the limit without reading it, naming the limit', () => {
    const path = join(folder.path, 'huge.json')
    writeFileSync(path, '')
    truncateSync(path, 3 * 1024 * 1024 * 1024)
    expect(readFileWithin(path, 1024 * 1024, 'payload')).toEqual({
      ok: false,
      problem: `the payload ${path} is over 1 MiB: larger than the studio reads.`
    })
  })

  it('refuses a device, which would be read until memory runs out', () => {
    expect(readFileWithin('/dev/zero', 1024, 'payload')).toEqual({
      ok: false,
      problem:
        'cannot read the payload: /dev/zero is not a file (a pipe, a device or a socket): the studio reads only files.'
    })
  })

  it('says what is wrong with a folder or a missing file, in words', () => {
    mkdirSync(join(folder.path, 'folder'))
    expect(readFileWithin(join(folder.path, 'folder'), 1024, 'mapping file')).toEqual({
      ok: false,
      problem: `cannot read the mapping file: ${join(folder.path, 'folder')} is a folder, not a file.`
    })
    expect(readFileWithin(join(folder.path, 'missing.json'), 1024, 'mapping file')).toEqual({
      ok: false,
      problem: `cannot read the mapping file: There is no file at ${join(folder.path, 'missing.json')}.`
    })
  })
})
