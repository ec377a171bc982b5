import { existsSync } from 'node:fs'
import { readBundleFromFile } from './readBundleFromFile'

/**
 * Why an export must not write to `target`: it holds something other than a bundle (the open project, notes...),
 * which replacing would lose. An earlier bundle, even one breaking a rule, may be replaced. Undefined when it may.
 */
export function overwriteProblem(target: string): string | undefined {
  if (!existsSync(target)) return undefined
  const existing = readBundleFromFile(target)
  if (existing.ok || existing.kind === 'invalid') return undefined
  return `${target} exists and is not a bundle (${existing.problems.join(' ')}): export to another file, or move that one away first.`
}
