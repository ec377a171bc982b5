import { StudioError } from '../errors/StudioError'
import { bindErrorMessage, type FailedBind } from '../listener/bindErrorMessage'

/**
 * A port or address a command could not listen on (`capmap listen`, `relay`, `sandbox`), worded as the studio words
 * it, choosing another with --port; anything else keeps its stack.
 */
export function asBindFailure(error: unknown, address: Omit<FailedBind, 'error'>): unknown {
  if (!(error instanceof Error)) return error
  const failed: NodeJS.ErrnoException = error
  if (failed.syscall !== 'listen') return error
  const code = failed.code === 'EADDRINUSE' ? 'conflict' : 'invalid_input'
  return new StudioError(code, bindErrorMessage({ ...address, error: failed }, 'with --port'))
}
