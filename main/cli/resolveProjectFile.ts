import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { StudioError } from '../errors/StudioError'

/**
 * The absolute path of an existing project named on the command line (`.capmap` may be left off). A file named
 * otherwise is taken as typed: opening it says what it is (not a project, a bundle) rather than that it is missing.
 */
export function resolveProjectFile(path: string): string {
  const absolute = resolve(path)
  const withExtension = /\.capmap$/i.test(absolute) ? absolute : `${absolute}.capmap`
  if (existsSync(withExtension)) return withExtension
  if (existsSync(absolute) && !statSync(absolute).isDirectory()) return absolute
  throw new StudioError('not_found', `There is no project at ${absolute}.`)
}
