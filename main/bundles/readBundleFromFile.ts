import { readFileSync, statSync } from 'node:fs'
import { structureProblem } from '../../shared/bundle/bundleStructure'
import { bundleMaxBytes, readBundle, type BundleRead } from '../../shared/bundle/readBundle'

/**
 * A bundle file read safely: its size checked before reading, its structure scanned on the bytes (a hostile file
 * is refused without being decoded or parsed), then read and checked in full by readBundle.
 */
export function readBundleFromFile(path: string): BundleRead {
  const unreadable = (problem: string): BundleRead => ({ ok: false, kind: 'unreadable', problems: [problem] })
  let bytes: Buffer
  try {
    if (statSync(path).size > bundleMaxBytes) {
      return unreadable(`The file is over ${bundleMaxBytes / 1024 / 1024} MB: it is not a bundle this studio takes.`)
    }
    bytes = readFileSync(path)
  } catch (error) {
    return unreadable(`Cannot read the file: ${(error as Error).message}`)
  }
  const structure = structureProblem(bytes.length, (index) => bytes[index] ?? 0)
  if (structure !== undefined) return unreadable(structure)
  return readBundle(bytes.toString('utf8'))
}
