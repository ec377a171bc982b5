/** Every call across a boundary (IPC, HTTP) answers with a value, never a raw throw (STYLE rule 3). */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_request'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'no_project'
  | 'read_only'
  | 'project_locked'
  | 'not_a_project'
  | 'newer_schema'
  | 'corrupt_project'
  | 'file_error'
  /** A file is already there and the call did not say to replace it: ask the user, then call again saying so. */
  | 'file_exists'
  | 'internal'

export interface StudioErrorInfo {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StudioErrorInfo }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message }
})
