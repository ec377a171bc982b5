import { parseArgs } from 'node:util'
import { diffBundles, type BundleChange } from '../../../shared/bundle/diffBundles'
import type { CliCommand } from '../CliCommand'
import { readBundleFile } from '../readBundleFile'
import { UsageError } from '../usage'

const sign: Record<BundleChange['kind'], string> = { added: '+', removed: '-', changed: '~' }
/** The most of a value shown; a longer one is shown around where the two sides first differ. */
const shownLength = 120

/** Both sides of a change, each cut (when long) around the first character where they differ, so the change shows. */
function shownPair(before: unknown, after: unknown): [string, string] {
  const [x, y] = [JSON.stringify(before) ?? 'nothing', JSON.stringify(after) ?? 'nothing']
  let first = 0
  while (first < x.length && x[first] === y[first]) first++
  const from = Math.max(0, first - 40)
  const cut = (text: string) =>
    text.length <= shownLength
      ? text
      : `${from > 0 ? '...' : ''}${text.slice(from, from + shownLength - 6)}${from + shownLength - 6 < text.length ? '...' : ''}`
  return [cut(x), cut(y)]
}

/** `capmap diff a b`: field-level differences between two bundles; exit 0 when equal, 1 when different. */
export const diffCommand: CliCommand = {
  name: 'diff',
  usage: `  diff <a.capmap.json> <b.capmap.json>
                             Field-level differences between two bundles; exit 0 when equal, 1 when not`,
  async run(args, context) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} })
    if (positionals.length !== 2) throw new UsageError('capmap diff takes two bundle files')
    const [first, second] = positionals as [string, string]
    const a = readBundleFile(first, context)
    if ('exitCode' in a) return 2
    const b = readBundleFile(second, context)
    if ('exitCode' in b) return 2
    const changes = diffBundles(a.bundle, b.bundle)
    for (const change of changes) {
      const detail = change.kind === 'changed' ? `: ${shownPair(change.before, change.after).join(' → ')}` : ''
      context.print(`${sign[change.kind]} ${change.what} ${change.path}${detail}`)
    }
    context.print(changes.length === 0 ? 'The bundles are the same.' : `${changes.length} differences`)
    return changes.length === 0 ? 0 : 1
  }
}
