import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { StudioError } from '../errors/StudioError'
import { notARegularFile } from '../platform/fileReadProblem'

/**
 * The absolute path of an existing project named on the command line (`.capmap` may be left off). A file named
 * otherwise is taken as typed: opening it says what it is (not a project, a bundle) rather than that it is missing.
 * `whenMissing` ends the sentence saying the project is missing (how the command makes one).
 */
export function resolveProjectFile(path: string, whenMissing = ''): string {
  const absolute = resolve(path)
  const withExtension = /\.capmap$/i.test(absolute) ? absolute : `${absolute}.capmap`
  if (existsSync(withExtension)) {
    const notAFile = notARegularFile(withExtension)
    if (notAFile) throw new StudioError('invalid_input', `${notAFile} Name a project file (.capmap).`)
    return withExtension
  }
  if (existsSync(absolute) && !statSync(absolute).isDirectory()) return absolute
  throw new StudioError('not_found', `There is no project at ${absolute}${whenMissing}.`)
}
