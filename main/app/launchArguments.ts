import { isAbsolute, resolve } from 'node:path'

/** A file the operating system asked the studio to open: a project, or a bundle to import. */
export interface FileOpenRequest {
  kind: 'project' | 'bundle'
  path: string
}

/** The kind of file a path names, by its extension (the file associations of electron-builder.yml); else null. */
export function fileOpenRequest(path: string, workingDirectory: string): FileOpenRequest | null {
  const trimmed = path.trim()
  if (!trimmed || trimmed.includes('\0')) return null
  const absolute = isAbsolute(trimmed) ? trimmed : resolve(workingDirectory, trimmed)
  if (/\.capmap\.json$/i.test(absolute)) return { kind: 'bundle', path: absolute }
  if (/\.capmap$/i.test(absolute)) return { kind: 'project', path: absolute }
  return null
}

/**
 * The file named on a command line (the first start, or a second instance's argv handed to the running one):
 * Electron and Chromium add switches and, unpackaged, the app folder, so only a non-switch argument with one of our
 * extensions counts; the last one wins, as a shell-opened file comes last.
 */
export function fileOpenRequestFromArgv(argv: readonly string[], workingDirectory: string): FileOpenRequest | null {
  let found: FileOpenRequest | null = null
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-')) continue
    found = fileOpenRequest(argument, workingDirectory) ?? found
  }
  return found
}
