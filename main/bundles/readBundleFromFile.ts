import { readFileSync, statSync } from 'node:fs'
import { structureProblem } from '../../shared/bundle/bundleStructure'
import { bundleTextOf, notUtf8Problem } from '../../shared/bundle/bundleText'
import { mergeConflictMarkerLine, mergeConflictProblem } from '../../shared/bundle/mergeConflictMarkers'
import { bundleMaxBytes, readBundle, type BundleRead } from '../../shared/bundle/readBundle'
import { fileReadProblem, notARegularFile } from '../platform/fileReadProblem'
import { sqliteMagic } from '../store/projectFileHeader'

/**
 * A bundle file read safely: its size checked before reading, its structure scanned on the bytes (a hostile file
 * is refused without being decoded or parsed), then read and checked in full by readBundle.
 */
export function readBundleFromFile(path: string): BundleRead {
  const unreadable = (problem: string): BundleRead => ({ ok: false, kind: 'unreadable', problems: [problem] })
  const notAFile = notARegularFile(path)
  if (notAFile) return unreadable(notAFile)
  let bytes: Buffer
  try {
    if (statSync(path).size > bundleMaxBytes) {
      return unreadable(`The file is over ${bundleMaxBytes / 1024 / 1024} MB: it is not a bundle this studio takes.`)
    }
    bytes = readFileSync(path)
  } catch (error) {
    return unreadable(fileReadProblem(path, error))
  }
  if (bytes.subarray(0, 16).toString('latin1') === sqliteMagic) {
    return unreadable(
      `${path} is a project file, not a bundle: open it with File › Open Project (capmap reads it with --project).`
    )
  }
  const structure = structureProblem(bytes.length, (index) => bytes[index] ?? 0)
  if (structure !== undefined) {
    // A conflict's two sides make brackets that never close: said as what it is, not as a truncated file.
    const conflictLine = mergeConflictMarkerLine(bytes.length, (index) => bytes[index] ?? 0)
    return unreadable(conflictLine === undefined ? structure : mergeConflictProblem(conflictLine))
  }
  const text = bundleTextOf(bytes)
  return text === undefined ? unreadable(notUtf8Problem(path)) : readBundle(text)
}
