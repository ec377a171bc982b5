import { StudioError } from '../errors/StudioError'
import { busyTimeoutMs } from './database'

/**
 * A write that waited for the project file past the busy timeout (SQLite's SQLITE_BUSY and SQLITE_LOCKED, with their
 * extended codes): another program holds the file's write lock. Worded for the user; any other error is not this.
 */
export function projectBusyError(error: unknown): StudioError | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code
  if (typeof code !== 'string' || !/^SQLITE_(BUSY|LOCKED)(_|$)/.test(code)) return undefined
  return new StudioError(
    'project_locked',
    `The project file is busy: another program has been writing to it for more than ${busyTimeoutMs / 1000} seconds. ` +
      'Try again once it is done.'
  )
}
