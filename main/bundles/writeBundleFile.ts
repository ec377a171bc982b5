import { randomBytes } from 'node:crypto'
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { bundleMaxBytes } from '../../shared/bundle/readBundle'
import { StudioError } from '../errors/StudioError'
import { readBundleFromFile } from './readBundleFromFile'

/**
 * Writes a bundle's text to `target` whole (beside, then renamed over: a reader never sees half a bundle), the one
 * way both the studio and `capmap export` write one. It replaces an earlier bundle (how a team keeps one in git up
 * to date), never anything else: a project, the open one included, or any file that is not a bundle. With
 * `overwrite: false` (the studio, until the user agrees) an earlier bundle is refused too, with `file_exists`.
 * Answers whether a file was replaced; refuses, writing nothing, with a StudioError.
 */
export function writeBundleFile(
  target: string,
  text: string,
  { overwrite = true }: { overwrite?: boolean } = {}
): { replaced: boolean } {
  if (!existsSync(dirname(target))) {
    throw new StudioError(
      'file_error',
      `There is no folder ${dirname(target)}: create it first, or pick another place.`
    )
  }
  // A reader checks the file's size before anything else (readBundleFromFile): what it would refuse is not written.
  const bytes = Buffer.byteLength(text)
  if (bytes > bundleMaxBytes) {
    throw new StudioError(
      'conflict',
      `The bundle would weigh ${Math.ceil(bytes / 1024 / 1024)} MB, over the ${bundleMaxBytes / 1024 / 1024} MB a bundle may: export fewer events, or trim their test cases' payloads.`
    )
  }
  const replaced = existsSync(target)
  const existing = replaced ? readBundleFromFile(target) : undefined
  if (existing && !existing.ok && existing.kind === 'unreadable') {
    throw new StudioError(
      'conflict',
      `${target} exists and is not a bundle (${existing.problems.join(' ')}): export to another file, or move that one away first.`
    )
  }
  if (replaced && !overwrite) {
    throw new StudioError('file_exists', `${target} already exists: replace it, or export to another file.`)
  }
  // A name of its own, created exclusively: whatever already lies beside the target (a file, or a link to a
  // project) is never written through nor removed.
  const partial = `${target}.${randomBytes(6).toString('hex')}.partial`
  try {
    writeFileSync(partial, text, { flag: 'wx' })
    renameSync(partial, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(partial, { force: true })
    throw new StudioError('file_error', `Cannot write ${target}: ${(error as Error).message}`)
  }
  return { replaced }
}
