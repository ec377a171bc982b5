import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeBundleFile } from '../../../../main/bundles/writeBundleFile'
import { serializeBundle } from '../../../../shared/bundle/canonicalBundle'
import { bundleMaxBytes } from '../../../../shared/bundle/readBundle'
import { createTemporaryFolder } from '../../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>
beforeEach(() => {
  folder = createTemporaryFolder('write-bundle')
})
afterEach(() => folder.remove())

describe('writing a bundle file', () => {
  it('refuses, writing nothing, a text a reader would refuse for its size in UTF-8 bytes', () => {
    const target = join(folder.path, 'big.capmap.json')
    // Under the limit in characters, over it in bytes: two bytes each.
    const text = 'é'.repeat(bundleMaxBytes / 2 + 1)
    expect(text.length).toBeLessThan(bundleMaxBytes)
    expect(() => writeBundleFile(target, text)).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/^The bundle would weigh 51 MB/) })
    )
    expect(readdirSync(folder.path)).toEqual([])
  })

  it('refuses a missing folder and a file that is not a bundle, and replaces an earlier bundle', () => {
    expect(() => writeBundleFile(join(folder.path, 'missing', 'a.capmap.json'), '{}')).toThrow(
      expect.objectContaining({ code: 'file_error', message: expect.stringContaining('There is no folder') })
    )
    const notes = join(folder.path, 'notes.capmap.json')
    writeFileSync(notes, 'my notes')
    expect(() => writeBundleFile(notes, '{}')).toThrow(expect.objectContaining({ code: 'conflict' }))
    expect(readFileSync(notes, 'utf8')).toBe('my notes')
    const target = join(folder.path, 'shop.capmap.json')
    const bundle = serializeBundle({ events: [], integrations: [], mappings: [], testCases: [] }, 'test')
    expect(writeBundleFile(target, bundle)).toEqual({ replaced: false })
    expect(writeBundleFile(target, bundle)).toEqual({ replaced: true })
    expect(readFileSync(target, 'utf8')).toBe(bundle)
  })

  it('refuses to replace an earlier bundle with overwrite false, leaving it as it was', () => {
    const target = join(folder.path, 'shop.capmap.json')
    const bundle = serializeBundle({ events: [], integrations: [], mappings: [], testCases: [] }, 'test')
    expect(writeBundleFile(target, bundle, { overwrite: false })).toEqual({ replaced: false })
    writeFileSync(target, `${bundle}\n`)
    expect(() => writeBundleFile(target, bundle, { overwrite: false })).toThrow(
      expect.objectContaining({
        code: 'file_exists',
        message: `${target} already exists: replace it, or export to another file.`
      })
    )
    expect(readFileSync(target, 'utf8')).toBe(`${bundle}\n`)
    expect(readdirSync(folder.path)).toEqual(['shop.capmap.json'])
  })

  it('still says a file that is not a bundle is not one, rather than offering to replace it', () => {
    const notes = join(folder.path, 'notes.capmap.json')
    writeFileSync(notes, 'my notes')
    expect(() => writeBundleFile(notes, '{}', { overwrite: false })).toThrow(
      expect.objectContaining({ code: 'conflict' })
    )
  })

  it('never writes through, nor removes, what lies beside the target under the old temporary names', () => {
    const target = join(folder.path, 'o3.capmap.json')
    const victim = join(folder.path, 'victim.capmap')
    writeFileSync(victim, 'a project')
    symlinkSync(victim, `${target}.partial`)
    mkdirSync(`${target}.partial.d`)
    const bundle = serializeBundle({ events: [], integrations: [], mappings: [], testCases: [] }, 'test')
    expect(writeBundleFile(target, bundle)).toEqual({ replaced: false })
    expect(readFileSync(victim, 'utf8')).toBe('a project')
    expect(lstatSync(`${target}.partial`).isSymbolicLink()).toBe(true)
    expect(lstatSync(target).isFile()).toBe(true)
    expect(readFileSync(target, 'utf8')).toBe(bundle)
    expect(readdirSync(folder.path).sort()).toEqual(
      ['o3.capmap.json', 'o3.capmap.json.partial', 'o3.capmap.json.partial.d', 'victim.capmap'].sort()
    )
  })
})
