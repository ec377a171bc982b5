import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { StudioError } from '../errors/StudioError'

/** The absolute path of an existing project named on the command line (`.capmap` may be left off). */
export function resolveProjectFile(path: string): string {
  const absolute = resolve(path)
  const withExtension = /\.capmap$/i.test(absolute) ? absolute : `${absolute}.capmap`
  if (existsSync(absolute) && /\.capmap$/i.test(absolute)) return absolute
  if (existsSync(withExtension)) return withExtension
  throw new StudioError('not_found', `There is no project at ${absolute}.`)
}
