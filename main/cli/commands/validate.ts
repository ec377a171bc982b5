import { parseArgs } from 'node:util'
import type { CliCommand } from '../CliCommand'
import { readBundleFile } from '../readBundleFile'
import { UsageError } from '../usage'

/** `capmap validate <bundle>`: the bundle read and checked as an import would, nothing written. */
export const validateCommand: CliCommand = {
  name: 'validate',
  usage: '  validate <bundle.capmap.json> Check a bundle: format, version, every rule; exit 1 when it breaks one',
  async run(args, context) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} })
    const [file, ...extra] = positionals
    if (!file || extra.length > 0) throw new UsageError('capmap validate takes one bundle file')
    const read = readBundleFile(file, context)
    if ('exitCode' in read) return read.exitCode
    const { events, integrations, mappings, testCases } = read.bundle
    context.print(
      `${file}: valid (${events.length} events, ${integrations.length} integrations, ${mappings.length} mappings, ${testCases.length} test cases)`
    )
    return 0
  }
}
