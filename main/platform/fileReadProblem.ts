import { statSync, type Stats } from 'node:fs'

/**
 * Why a file could not be read, in words a user can act on: Node's own message (`ENOENT: no such file or directory,
 * stat '…'`) names a system call, not the problem.
 */
export function fileReadProblem(path: string, error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `There is no file at ${path}.`
    case 'EISDIR':
      return `${path} is a folder, not a file.`
    case 'EACCES':
    case 'EPERM':
      return `The studio may not read ${path}: check the file's permissions.`
    default:
      return `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`
  }
}

/**
 * Why `path` is not a regular file the studio may read, or undefined when it is one (or does not exist: the read
 * then says so). Reading a named pipe or a device would block the whole process until something writes to it.
 */
export function notARegularFile(path: string): string | undefined {
  let stats: Stats
  try {
    stats = statSync(path)
  } catch {
    return undefined
  }
  if (stats.isDirectory()) return `${path} is a folder, not a file.`
  if (!stats.isFile()) return `${path} is not a file (a pipe, a device or a socket): the studio reads only files.`
  return undefined
}
