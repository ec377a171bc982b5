import { parseArgs } from 'node:util'
import { describePull } from '../../publish/describePlan'
import { EnvironmentSecretStore } from '../../secrets/EnvironmentSecretStore'
import type { CliCommand } from '../CliCommand'
import { connect } from '../relay'
import { UsageError } from '../usage'
import { checkOrgOptions, openCliStudio, orgOptions, publishConnection } from './publish'

/**
 * `capmap pull`: reads an org's events, webhooks and adapter mappings; imports the events the project lacks as
 * drafts (all or none) and prints the drift: what the org has that the project does not, the reverse, and the
 * differences field by field. Exit 0 when the org was read (and the import done), 1 when not, 2 on bad usage.
 */
export const pullCommand: CliCommand = {
  name: 'pull',
  usage: `  pull --project <file> (--profile <name> | --base-url <url> --auth basic|oauth [--till <code>])
                             Pull from an org: import the events the project lacks as drafts, keep its
                             webhook URIs, and print the drift (only in the org, only in the project, and
                             field-by-field differences)`,
  async run(args, context) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: orgOptions })
    if (positionals.length > 0) throw new UsageError(`capmap pull takes no arguments (got ${positionals.join(' ')})`)
    checkOrgOptions('pull', values)
    const connection = publishConnection(connect(values, new EnvironmentSecretStore(process.env), context))
    const studio = openCliStudio(values.project ?? '', context)
    try {
      const plan = await studio.publish.planPullWith(connection)
      const importable = plan.events.filter((event) => event.presence === 'org_only' && event.importable)
      const result =
        importable.length > 0
          ? await studio.publish.applyPullWith(
              connection,
              importable.map((event) => event.eventName)
            )
          : undefined
      // The drift as found, before the import: what was only in the org reads so, then what was imported of it.
      for (const line of describePull(plan)) context.print(line)
      const names = result?.imported.map((entry) => entry.eventName) ?? []
      context.print(
        `Imported ${names.length} event(s) as drafts${names.length > 0 ? `: ${names.join(', ')}` : ''}; ` +
          `${result?.mappingsImported ?? 0} adapter mapping(s) made mappings; ` +
          `${result?.webhooksRecorded ?? 0} webhook URI(s) kept for ${connection.target.name}.`
      )
      const unreadable = plan.events.filter((event) => event.presence === 'org_only' && !event.importable)
      return unreadable.length === 0 ? 0 : 1
    } finally {
      studio.session.close()
    }
  }
}
