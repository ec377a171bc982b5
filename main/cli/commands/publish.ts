import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import type { PublishProgress } from '../../../shared/model/publish'
import { describePlan, progressLine } from '../../publish/describePlan'
import type { PublishConnection } from '../../publish/PublishConnection'
import { EnvironmentSecretStore } from '../../secrets/EnvironmentSecretStore'
import { createStudio, type Studio } from '../../services/createStudio'
import type { CliCommand, CliContext } from '../CliCommand'
import { connect, type RelayTarget } from '../relay'
import { resolveProjectFile } from '../resolveProjectFile'
import { UsageError } from '../usage'
import { untilInterrupted } from '../untilInterrupted'
import { wholeNumberOption } from '../wholeNumberOption'

/** The org options `capmap publish` and `capmap pull` share. */
export const orgOptions = {
  project: { type: 'string' },
  profile: { type: 'string' },
  'base-url': { type: 'string' },
  auth: { type: 'string' },
  till: { type: 'string' }
} as const

/** Checks the org options as the usage says: one target; `--auth basic` needs `--till`. */
export function checkOrgOptions(
  command: string,
  values: { project?: string; profile?: string; 'base-url'?: string; auth?: string; till?: string }
): void {
  if (!values.project) throw new UsageError(`capmap ${command} needs the project: --project <file>`)
  if ((values.profile === undefined) === (values['base-url'] === undefined)) {
    throw new UsageError(
      `capmap ${command} needs one org: --profile <name>, or --base-url <url> --auth basic|oauth [--till <code>]`
    )
  }
  if (values.profile !== undefined && (values.auth !== undefined || values.till !== undefined)) {
    throw new UsageError('--auth and --till go with --base-url; a profile has its own')
  }
  if (values['base-url'] !== undefined) {
    if (!/^https?:\/\/\S+$/i.test(values['base-url'])) {
      throw new UsageError(`--base-url must be an http(s) URL (got ${values['base-url']})`)
    }
    if (values.auth !== 'basic' && values.auth !== 'oauth') {
      const given = values.auth === undefined ? '' : ` (got --auth ${values.auth})`
      throw new UsageError(`--base-url needs --auth basic (with --till <code>) or --auth oauth${given}`)
    }
    if (values.auth === 'basic' && !values.till) {
      throw new UsageError('--auth basic needs --till <code> (its password from CAPMAP_PASSWORD)')
    }
  }
}

/** The command's org as publish state keys it: the profile's name, or the base URL (issue 10, "Headless"). */
export function publishConnection(target: RelayTarget): PublishConnection {
  const key = target.profileName ?? target.baseUrl
  return {
    target: { profileId: target.profileId, key, name: key, baseUrl: target.baseUrl, orgId: target.orgId },
    scheme: target.scheme,
    tillCode: target.tillCode,
    client: (retry = {}) => target.client({ maxAttempts: retry.maxAttempts ?? 3 })
  }
}

/**
 * A studio over the project, for one command; closed by the caller. `readOnly` for a command that only reads it
 * (the dry run), which then also runs while the studio has the project open for editing.
 */
export function openCliStudio(path: string, context: CliContext, options: { readOnly?: boolean } = {}): Studio {
  const studio = createStudio({
    configDir: context.configDir,
    mode: 'cli',
    version: context.version,
    logger: context.logger,
    secrets: new EnvironmentSecretStore(process.env)
  })
  studio.session.open(resolveProjectFile(path), options)
  return studio
}

/** Asks on the terminal; Ctrl+C there (readline takes it, not the process) or a SIGTERM meanwhile answers no. */
async function confirm(question: string, interruption: Promise<void>): Promise<boolean> {
  const reader = createInterface({ input: process.stdin, output: process.stdout })
  const asking = new AbortController()
  void interruption.then(() => asking.abort())
  try {
    return /^y(es)?$/i.test((await reader.question(question, { signal: asking.signal })).trim())
  } catch (error) {
    if ((error as Error).name === 'AbortError') return false
    throw error
  } finally {
    reader.close()
  }
}

/**
 * `capmap publish`: the dry run first, always; then (unless --dry-run) each event published to the org, one line per
 * step. Exit 0 when every event was accepted and verified (waiting for the manual publish in InTouch, or published
 * with --wait), 1 on any failure, 2 on bad usage. Without a terminal, or with --yes, it never asks.
 */
export const publishCommand: CliCommand = {
  name: 'publish',
  usage: `  publish --project <file> (--profile <name> | --base-url <url> --auth basic|oauth [--till <code>])
          [--event <name>]... [--dry-run] [--yes] [--wait <seconds>]
                             Publish events to Capillary (default: every Tested event): the dry run (ours
                             against the org's, field by field, and the requests, secrets masked), then the
                             definition, webhook, adapter mapping, a test post and the logs' verdict; exit 0
                             when all are verified, 1 on a failure. --wait polls for PUBLISHED (after the
                             manual publish in InTouch). --dry-run only reads the project: it runs while the
                             studio has it open. Passwords: CAPMAP_PASSWORD; OAuth: CAPMAP_OAUTH_KEY,
                             CAPMAP_OAUTH_SECRET`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...orgOptions,
        event: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        yes: { type: 'boolean' },
        wait: { type: 'string' }
      }
    })
    if (positionals.length > 0) throw new UsageError(`capmap publish takes no arguments (got ${positionals.join(' ')})`)
    checkOrgOptions('publish', values)
    const wait = wholeNumberOption(values.wait, 'wait', 0, 86_400) ?? 0
    const connection = publishConnection(connect(values, new EnvironmentSecretStore(process.env), context))
    const studio = openCliStudio(values.project ?? '', context, { readOnly: values['dry-run'] === true })
    // Ctrl+C (or SIGTERM) cancels a run as the studio's Cancel does, each event saying where it stopped; before the
    // run, nothing is sent. Either way the project is closed, its lock released, before the command ends.
    let interrupted = false
    const stopReading = new AbortController()
    const interruption = untilInterrupted().then(() => {
      interrupted = true
      stopReading.abort()
    })
    try {
      const events = studio.events.list()
      const names = values.event ?? []
      const chosen = names.map((name) => {
        const event = events.find((candidate) => candidate.name === name)
        if (!event) {
          throw new UsageError(
            `The project has no event ${name} (its events: ${events.map((candidate) => candidate.name).join(', ') || 'none'}).`
          )
        }
        return event.id
      })
      const eventIds = chosen.length > 0 ? chosen : events.filter((event) => event.status === 'tested').map((e) => e.id)
      if (eventIds.length === 0) {
        context.printError(
          'No Tested event to publish: run the test cases first (capmap test), or name one with --event.'
        )
        return 1
      }
      const plan = await studio.publish.planWith(connection, eventIds, stopReading.signal).catch((error: unknown) => {
        if (interrupted) return undefined
        throw error
      })
      if (!plan || interrupted) return stoppedBeforePublishing(context)
      for (const line of describePlan(plan)) context.print(line)
      if (values['dry-run']) return 0
      const ready = plan.events.filter((event) => event.ready)
      if (!values.yes && process.stdin.isTTY && process.stdout.isTTY) {
        if (!(await confirm(`\nPublish ${plan.events.length} event(s) to ${plan.target.name}? [y/N] `, interruption))) {
          context.printError('Nothing was published.')
          return 1
        }
      }
      // Asked to stop while the plan was read or the question was open: nothing is sent.
      if (interrupted) return stoppedBeforePublishing(context)
      context.print('')
      const finals = new Map<string, PublishProgress>()
      const started = studio.publish.startWith(connection, eventIds, {
        waitForPublishedMs: wait * 1000,
        onProgress: (progress) => {
          if (progress.runDone) return
          context.print(progressLine(progress))
          if (progress.done) finals.set(progress.eventId, progress)
        }
      })
      void interruption.then(() => studio.publish.cancel(started.runId))
      await started.finished
      let failed = 0
      for (const event of plan.events) {
        const final = finals.get(event.eventId)
        const ok = final?.verdict?.ok === true
        if (!ok) failed += 1
        const outcome = !final
          ? 'did not finish'
          : final.step === 'published'
            ? `published (${final.verdict?.status ?? ''}), locked for ${plan.target.name}`
            : ok
              ? `verified (${final.verdict?.status ?? ''}), waiting for the manual publish in InTouch`
              : `failed: ${final.verdict?.status ?? ''}`
        context.print(`${event.eventName}: ${outcome}`)
      }
      context.print(
        `${plan.events.length - failed} of ${plan.events.length} event(s) verified` +
          (ready.length < plan.events.length
            ? `; ${plan.events.length - ready.length} blocked by the local checks`
            : '')
      )
      if (interrupted) {
        context.printError('Interrupted: publish again to finish what was cancelled.')
        return 1
      }
      return failed === 0 ? 0 : 1
    } finally {
      studio.session.close()
    }
  }
}

function stoppedBeforePublishing(context: CliContext): number {
  context.printError('Interrupted: nothing was published.')
  return 1
}
