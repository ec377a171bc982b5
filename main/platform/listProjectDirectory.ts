import { readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { DirectoryListing } from '../../shared/api/types'
import { StudioError } from '../errors/StudioError'

/** One folder's sub-folders and project files, for web mode's Open and Save As dialogs (hidden entries left out). */
export function listProjectDirectory(path: string | undefined): DirectoryListing {
  const folder = resolve(path && path.trim() ? path : homedir())
  let entries
  try {
    entries = readdirSync(folder, { withFileTypes: true })
  } catch (error) {
    throw new StudioError('file_error', `Cannot list ${folder}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`)
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
