import type { Bundle } from '../../shared/bundle/bundleFormat'
import { readBundleFromFile } from '../bundles/readBundleFromFile'
import type { CliContext } from './CliCommand'

/**
 * A bundle file read and checked for a command, or the exit code to stop with, its problems printed: 2 for a file
 * that is not a readable bundle, 1 for one that breaks the format's rules. Warnings (hand edits) are printed too.
 */
export function readBundleFile(
  path: string,
  context: CliContext
): { bundle: Bundle; ruleBreaks: string[] } | { exitCode: 1 | 2 } {
  const read = readBundleFromFile(path)
  if (!read.ok) {
    for (const problem of read.problems) context.printError(`capmap: ${path}: ${problem}`)
    return { exitCode: read.kind === 'unreadable' ? 2 : 1 }
  }
  for (const warning of read.warnings) context.printError(`Warning: ${path}: ${warning}`)
  return { bundle: read.bundle, ruleBreaks: read.ruleBreaks }
}
