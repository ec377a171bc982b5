import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { formatBytes } from '../../shared/model/formatBytes'
import { fileReadProblem, notARegularFile } from './fileReadProblem'

export type BoundedRead = { ok: true; bytes: Buffer } | { ok: false; problem: string }

/**
 * A file's bytes, at most `maxBytes` of them: a file over that, a folder, a device or a pipe (`/dev/zero` would be
 * read until memory runs out) is refused, saying why in a clause for `capmap: …` ("cannot read the payload: …").
 * `what` names the file in it.
 */
export function readFileWithin(path: string, maxBytes: number, what: string): BoundedRead {
  const notAFile = notARegularFile(path)
  if (notAFile) return { ok: false, problem: `cannot read the ${what}: ${notAFile}` }
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    return readWithin(fd, maxBytes, `the ${what} ${path}`)
  } catch (error) {
    return { ok: false, problem: `cannot read the ${what}: ${fileReadProblem(path, error)}` }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Standard input's bytes, read up to `maxBytes`: more than that is refused, without reading the rest. */
export function readStdinWithin(maxBytes: number, what: string): BoundedRead {
  try {
    return readWithin(0, maxBytes, `the ${what} on standard input`)
  } catch (error) {
    return { ok: false, problem: `cannot read the ${what} on standard input: ${(error as Error).message}` }
  }
}

/** Reads `fd` to its end, stopping as soon as it holds more than `maxBytes` (a file may grow while it is read). */
function readWithin(fd: number, maxBytes: number, subject: string): BoundedRead {
  const tooLarge: BoundedRead = {
    ok: false,
    problem: `${subject} is over ${formatBytes(maxBytes)}: larger than the studio reads.`
  }
  const stats = fstatSync(fd)
  if (stats.isFile() && stats.size > maxBytes) return tooLarge
  const chunks: Buffer[] = []
  // One scratch buffer, each read copied out at its own size: short reads (a slow pipe) would otherwise each keep a
  // whole 64 KiB alive.
  const scratch = Buffer.allocUnsafe(64 * 1024)
  let total = 0
  for (;;) {
    const read = readSync(fd, scratch, 0, scratch.length, null)
    if (read === 0) break
    total += read
    if (total > maxBytes) return tooLarge
    chunks.push(Buffer.from(scratch.subarray(0, read)))
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) }
}
