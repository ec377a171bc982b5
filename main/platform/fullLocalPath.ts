import { isAbsolute, resolve } from 'node:path'
import { StudioError } from '../errors/StudioError'

/**
 * A path the user gave, as a full path on this computer. The API's schema (shared with the renderer, which does not
 * know the platform) takes a full path of either kind; here `C:\…` on Linux or macOS is refused, where resolving it
 * would name a file called `C:\…` in whatever folder the studio was started from.
 */
export function fullLocalPath(path: string): string {
  if (isAbsolute(path)) return resolve(path)
  const example = process.platform === 'win32' ? 'C:\\Users\\you\\…' : '/home/you/…'
  throw new StudioError(
    'invalid_input',
    `${path} is not a full path on this computer: give it from the root of the disk, such as ${example}`
  )
}
