import type { ErrorCode } from '../../shared/api/result'

/** A failure a user can act on: its message is shown as is, its code travels across the boundary. */
export class StudioError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'StudioError'
  }
}
