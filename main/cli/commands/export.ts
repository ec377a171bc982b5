import { parseArgs } from 'node:util'
import { exportBundle } from '../../../shared/bundle/exportBundle'
import { scanBundle } from '../../../shared/bundle/scanBundle'
import { writeBundleFile } from '../../bundles/writeBundleFile'
import { projectBundleContent } from '../../bundles/projectBundle'
import { personalDataLeft, redactPersonalData } from '../../bundles/redactPersonalData'
import { createWorkerExpressionEvaluator } from '../../engine/createWorkerExpressionEvaluator'
import { StudioError } from '../../errors/StudioError'
import { createStudio } from '../../services/createStudio'
import type { CliCommand } from '../CliCommand'
import { resolveProjectFile } from '../resolveProjectFile'
import { UsageError } from '../usage'

/** `capmap export`: the project (or some events) as a bundle file, canonical bytes, written whole or not at all. */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: `  export --project <file> --out <bundle.capmap.json> [--event name]... [--allow-secrets] [--redact]
                             Write the project (or the named events) as a bundle to review in git (--out -
                             writes it to stdout); literal secrets block it (exit 1) unless allowed; personal
                             data in test cases is a warning, or with --redact replaced by stand-ins (expected
                             outputs made again)`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        project: { type: 'string' },
        out: { type: 'string' },
        event: { type: 'string', multiple: true },
        'allow-secrets': { type: 'boolean' },
        redact: { type: 'boolean' }
      }
    })
    if (positionals.length > 0) throw new UsageError(`capmap export takes no arguments (got ${positionals.join(' ')})`)
    if (!values.project || !values.out) throw new UsageError('capmap export needs --project <file> and --out <file>')
    const studio = createStudio({
      configDir: context.configDir,
      mode: 'cli',
      version: context.version,
      logger: context.logger
    })
    studio.session.open(resolveProjectFile(values.project), { readOnly: true })
    try {
      let content = projectBundleContent(studio.session.require(), values.event ?? [])
      let standIns: ReadonlySet<string> = new Set()
      if (values.redact) {
        const evaluator = createWorkerExpressionEvaluator()
        try {
          const redaction = await redactPersonalData(content, evaluator)
          content = redaction.content
          standIns = redaction.standIns
          context.printError(`Redacted ${redaction.redacted.length} personal values in test-case payloads`)
        } finally {
          await evaluator.close()
        }
      }
      const { secrets, personalData } = scanBundle(content)
      for (const finding of personalDataLeft(content, personalData, standIns)) {
        context.printError(
          `Warning: personal data in a test case: ${finding.path} (${finding.kind}, ${finding.excerpt})`
        )
      }
      if (secrets.length > 0 && !values['allow-secrets']) {
        for (const finding of secrets) {
          context.printError(`capmap: a secret would leave: ${finding.path} (${finding.kind}, ${finding.excerpt})`)
        }
        context.printError('capmap: nothing written: remove the secrets, or export with --allow-secrets')
        return 1
      }
      const exported = exportBundle(content, context.version)
      if (!exported.ok) {
        for (const problem of exported.problems) context.printError(`capmap: ${problem}`)
        context.printError('capmap: nothing written: the studio could not import this bundle back')
        return 1
      }
      const { text } = exported
      // The bundle's own bytes, final newline included.
      if (values.out === '-') {
        context.print(text.replace(/\n$/, ''))
        return 0
      }
      let written: { replaced: boolean }
      try {
        written = writeBundleFile(values.out, text)
      } catch (error) {
        if (!(error instanceof StudioError)) throw error
        context.printError(`capmap: nothing written: ${error.message}`)
        return 1
      }
      context.print(`${written.replaced ? 'Replaced' : 'Wrote'} ${values.out} (${Buffer.byteLength(text)} bytes)`)
      return 0
    } finally {
      studio.session.close()
    }
  }
}
