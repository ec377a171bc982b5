import { parseArgs } from 'node:util'
import { diffBundles, type BundleChange } from '../../../shared/bundle/diffBundles'
import type { CliCommand } from '../CliCommand'
import { readBundleFile } from '../readBundleFile'
import { UsageError } from '../usage'

const sign: Record<BundleChange['kind'], string> = { added: '+', removed: '-', changed: '~' }
const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'nothing'
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
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
      const detail = change.kind === 'changed' ? `: ${shown(change.before)} → ${shown(change.after)}` : ''
      context.print(`${sign[change.kind]} ${change.what} ${change.path}${detail}`)
    }
    context.print(changes.length === 0 ? 'The bundles are the same.' : `${changes.length} differences`)
    return changes.length === 0 ? 0 : 1
  }
}
