import { readFileSync, statSync } from 'node:fs'
import type { Bundle } from '../../shared/bundle/bundleFormat'
import { bundleMaxBytes, readBundle } from '../../shared/bundle/readBundle'
import type { CliContext } from './CliCommand'

/**
 * A bundle file read and checked for a command, or the exit code to stop with, its problems printed: 2 for a file
 * that is not a readable bundle, 1 for one that breaks the format's rules. Warnings (hand edits) are printed too.
 */
export function readBundleFile(path: string, context: CliContext): { bundle: Bundle } | { exitCode: 1 | 2 } {
  let text: string
  try {
    if (statSync(path).size > bundleMaxBytes) {
      context.printError(`capmap: ${path}: over ${bundleMaxBytes / 1024 / 1024} MB, not a bundle this studio takes`)
      return { exitCode: 2 }
    }
    text = readFileSync(path, 'utf8')
  } catch (error) {
    context.printError(`capmap: cannot read ${path}: ${(error as Error).message}`)
    return { exitCode: 2 }
  }
  const read = readBundle(text)
  if (!read.ok) {
    for (const problem of read.problems) context.printError(`capmap: ${path}: ${problem}`)
    return { exitCode: read.kind === 'unreadable' ? 2 : 1 }
  }
  for (const warning of read.warnings) context.printError(`Warning: ${path}: ${warning}`)
  return { bundle: read.bundle }
}
