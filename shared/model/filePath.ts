import { z } from 'zod'
import { isWellFormedText } from './wellFormedText'

/**
 * A file on this machine as the user gave it: a full path (a relative one would land wherever the studio was started),
 * on one line, and text a file name can hold (a lone surrogate or a NUL would name another file, or none).
 */
export const FilePath = z
  .string()
  .trim()
  .min(1, 'Give a file path.')
  .max(4096)
  .refine((path) => !/\p{Cc}/u.test(path), 'The path holds a control character: give it on one line.')
  // The API's dispatcher refuses broken text in any input first; this keeps the schema whole on its own.
  .refine(isWellFormedText, 'The path holds a broken character: type it again.')
  .refine(
    (path) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path),
    'Give the full path, from the root of the disk (such as /home/you/… or C:\\Users\\you\\…).'
  )

/** A path that names a folder, not a file: it ends in a separator, or in `.` or `..`. */
export const namesAFolder = (path: string): boolean => /(^|[/\\])\.{0,2}$/.test(path)
