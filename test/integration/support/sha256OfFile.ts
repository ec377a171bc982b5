import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** The file's bytes as a digest, to prove a file was left byte-for-byte unchanged. */
export function sha256OfFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}
