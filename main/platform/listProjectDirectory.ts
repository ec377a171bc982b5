import { readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import type { DirectoryListing } from '../../shared/api/types'
import { StudioError } from '../errors/StudioError'
import { fullLocalPath } from './fullLocalPath'

/** One folder's sub-folders and project files, for web mode's Open and Save As dialogs (hidden entries left out). */
export function listProjectDirectory(path: string | undefined): DirectoryListing {
  const folder = path === undefined ? homedir() : fullLocalPath(path)
  let entries
  try {
    entries = readdirSync(folder, { withFileTypes: true })
  } catch (error) {
    throw new StudioError('file_error', listingProblem(folder, error))
  }
  const listed = entries
    .filter((entry) => !entry.name.startsWith('.'))
    .filter((entry) => entry.isDirectory() || (entry.isFile() && entry.name.toLowerCase().endsWith('.capmap')))
    .map((entry) => ({
      name: entry.name,
      path: join(folder, entry.name),
      kind: entry.isDirectory() ? ('directory' as const) : ('project' as const)
    }))
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1))
  const parent = dirname(folder)
  return { path: folder, parent: parent === folder ? null : parent, entries: listed }
}

/** Why a folder could not be listed, in words (Node's code alone, ENOENT, says nothing to a user). */
function listingProblem(folder: string, error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return `There is no folder at ${folder}.`
    case 'ENOTDIR':
      return `${folder} is a file, not a folder.`
    case 'EACCES':
    case 'EPERM':
      return `The studio may not list ${folder}: check the folder's permissions.`
    default:
      return `Cannot list ${folder}: ${error instanceof Error ? error.message : String(error)}`
  }
}
