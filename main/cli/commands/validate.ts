import { parseArgs } from 'node:util'
import type { CliCommand } from '../CliCommand'
import { readBundleFile } from '../readBundleFile'
import { UsageError } from '../usage'

/**
 * `capmap validate <bundle>`: the bundle read and checked as an import would, nothing written; a CI gate, so an
 * event that breaks Capillary's rules (which an import takes as a draft) fails it too.
 */
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
    if (read.ruleBreaks.length > 0) {
      context.printError(
        `capmap: ${file}: breaks ${read.ruleBreaks.length} of Capillary's rules (the warnings above): an import keeps ` +
          'such events as drafts, but publishing refuses them.'
      )
      return 1
    }
    context.print(
      `${file}: valid (${events.length} events, ${integrations.length} integrations, ${mappings.length} mappings, ${testCases.length} test cases)`
    )
    return 0
  }
}
