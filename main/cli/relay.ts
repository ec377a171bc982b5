import { isIP } from 'node:net'
import { parseArgs } from 'node:util'
import type { Integration } from '../../shared/model/integration'
import { defaultListenerPort } from '../../shared/model/listenerSettings'
import { relayTransformer } from '../../shared/model/webhookSettings'
import { clusterBaseUrl } from '../../shared/capillary/clusters'
import { CapillaryClient } from '../capillary/client/CapillaryClient'
import { CapillaryError } from '../capillary/client/CapillaryError'
import { ConnectionProfileService } from '../capillary/ConnectionProfileService'
import { ensureWebhook } from '../capillary/ensureWebhook'
import { startProjectListener } from '../listener/ProjectListener'
import { projectName } from '../platform/AppState'
import { ConnectionProfiles } from '../platform/ConnectionProfiles'
import { startRelay } from '../relay/startRelay'
import type { DeliverySchedule } from '../relay/deliverySchedule'
import { EnvironmentSecretStore } from '../secrets/EnvironmentSecretStore'
import { systemClock } from '../services/Clock'
import { checkpoint, openProjectDatabase, type ProjectDatabase } from '../store/database'
import { IntegrationRepository } from '../store/IntegrationRepository'
import { ListenerSettingsRepository } from '../store/ListenerSettingsRepository'
import { ProjectLock } from '../store/ProjectLock'
import { OutboxRepository, type NewOutboxRow, type SettledAttempt } from '../store/OutboxRepository'
import { RelaySettingsRepository } from '../store/RelaySettingsRepository'
import { WebhookSettingsRepository } from '../store/WebhookSettingsRepository'
import type { CliCommand, CliContext } from './CliCommand'
import { resolveProjectFile } from './resolveProjectFile'
import { untilInterrupted } from './untilInterrupted'
import { asBindFailure } from './asBindFailure'
import { UsageError } from './usage'
import { wholeNumberOption } from './wholeNumberOption'

/** `capmap relay`: the project's listener and relay, headless, until interrupted; one line per delivery outcome. */
export const relayCommand: CliCommand = {
  name: 'relay',
  usage: `  relay --project <file> (--profile <name> | --base-url <url> --till <code>)
                             Run the listener and relay captures to Capillary until Ctrl+C, printing one
                             line per delivery outcome, and per output not sent as invalid (the till's
                             password from CAPMAP_PASSWORD)
      --integration <slug>   Relay this integration (repeatable; turns its relay on in the project;
                             default: the integrations whose relay is on)
      --port <n>, --host <a> The listener's address for this run (default: the project's)
      --max-attempts <n>     Attempts before a dead letter (default 10, about 28 hours)
      --first-retry <ms>     The first retry's wait, four times longer each time (default 5000)
      --max-retry-delay <ms> The longest wait between attempts (default 36000000)
      --slow-down <ms>       The pause after 429/502/504 without Retry-After, doubling while they
                             continue (default 1000, at most --max-slow-down, default 60000)`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        project: { type: 'string' },
        profile: { type: 'string' },
        'base-url': { type: 'string' },
        till: { type: 'string' },
        integration: { type: 'string', multiple: true },
        port: { type: 'string' },
        host: { type: 'string' },
        'max-attempts': { type: 'string' },
        'first-retry': { type: 'string' },
        'max-retry-delay': { type: 'string' },
        'slow-down': { type: 'string' },
        'max-slow-down': { type: 'string' }
      }
    })
    if (positionals.length > 0) throw new UsageError(`capmap relay takes no arguments (got ${positionals.join(' ')})`)
    if (!values.project) throw new UsageError('capmap relay needs the project: capmap relay --project <file> ...')
    if ((values.profile === undefined) === (values['base-url'] === undefined)) {
      throw new UsageError('capmap relay needs one target: --profile <name>, or --base-url <url> with --till <code>')
    }
    if (values['base-url'] !== undefined && !values.till) {
      throw new UsageError('--base-url needs --till <code> (its password from CAPMAP_PASSWORD)')
    }
    const port = wholeNumberOption(values.port, 'port', 0, 65535)
    if (values.host !== undefined && values.host !== 'localhost' && isIP(values.host) === 0) {
      throw new UsageError(`--host must be an IP address such as 127.0.0.1 (got ${values.host})`)
    }
    const schedule: Partial<DeliverySchedule> = {}
    const maxAttempts = wholeNumberOption(values['max-attempts'], 'max-attempts', 1, 1000)
    const firstRetry = wholeNumberOption(values['first-retry'], 'first-retry', 0, 86_400_000)
    const maxDelay = wholeNumberOption(values['max-retry-delay'], 'max-retry-delay', 0, 7 * 86_400_000)
    const slowDown = wholeNumberOption(values['slow-down'], 'slow-down', 0, 3_600_000)
    const maxSlowDown = wholeNumberOption(values['max-slow-down'], 'max-slow-down', 0, 3_600_000)
    if (maxAttempts !== undefined) schedule.maxAttempts = maxAttempts
    if (firstRetry !== undefined) schedule.firstRetryMs = firstRetry
    if (maxDelay !== undefined) schedule.maxDelayMs = maxDelay
    if (slowDown !== undefined) schedule.slowDownMs = slowDown
    if (maxSlowDown !== undefined) schedule.maxSlowDownMs = maxSlowDown

    const secrets = new EnvironmentSecretStore(process.env)
    const target = connect(values, secrets, context)

    const path = resolveProjectFile(values.project)
    // One relay per project file: two would post the same rows (each reads the outbox on its own). A studio, web
    // mode included, runs its relay while it holds the editing lock, so `capmap relay` takes that same lock.
    const lock = ProjectLock.acquire(path)
    if (!lock.acquired) {
      const { owner } = lock
      context.printError(
        `capmap: ${projectName(path)} is open for editing elsewhere (a studio, or another capmap command: process ${owner.pid} on ` +
          `${owner.hostname}, since ${owner.since}): one relay per project, or its rows are posted twice. ` +
          'Close it there, then run capmap relay again.'
      )
      return 1
    }
    let db: ProjectDatabase
    try {
      db = openProjectDatabase(path)
    } catch (error) {
      lock.lock.release()
      throw error
    }
    // Posts get one try each (the outbox schedules retries, durably); setting up the webhooks retries as usual.
    const client = target.client({ maxAttempts: 1 })
    let abandoned = false
    /** Puts the relay settings back as the run found them; set once it changed them, cleared when they are to stay. */
    let restoreSettings: (() => void) | undefined
    try {
      const integrations = new IntegrationRepository(db).list()
      const relaySettings = new RelaySettingsRepository(db)
      const chosen =
        values.integration && values.integration.length > 0
          ? values.integration.map((slug) => {
              const integration = integrations.find((candidate) => candidate.slug === slug)
              if (!integration) throw new UsageError(`The project has no integration ${slug}`)
              return integration
            })
          : integrations.filter((integration) => relaySettings.get(integration.id).enabled)
      if (chosen.length === 0) {
        context.printError(
          'No integration relays: turn the relay on in the studio (Deliveries), or pass --integration <slug>.'
        )
        return 1
      }
      // The relay's webhook in the target org: created when missing, its URI kept as Capillary gave it.
      const webhooks = new WebhookSettingsRepository(db).list()
      const ensure = async (integration: Integration) => {
        const settings = webhooks.find((entry) => entry.transformer === relayTransformer)
        if (!settings) return
        // A few tries here: setUpWebhooks tries again later while Capillary is out of reach.
        const setup = target.client({ maxAttempts: 3 })
        try {
          const webhookUri = await ensureWebhook(setup, settings, target.tillCode)
          relaySettings.save(
            { integrationId: integration.id, enabled: true, profileId: target.profileId, webhookUri },
            new Date().toISOString()
          )
        } finally {
          await setup.close()
        }
      }
      // On from the start, even before the webhook is set up: what comes is captured and mapped, and waits for its
      // URI. Any earlier URI is dropped: it may be another org's (a --base-url run names no profile). A run that
      // ends before the setup is done, or that names no profile, puts the settings back as they were: the studio's
      // relay posts through a profile, and a base URL's webhook is none of its business.
      const before = chosen.map((integration) => relaySettings.get(integration.id))
      for (const integration of chosen) {
        relaySettings.save(
          { integrationId: integration.id, enabled: true, profileId: target.profileId, webhookUri: null },
          new Date().toISOString()
        )
      }
      restoreSettings = () => {
        for (const { updatedAt: _updatedAt, ...settings } of before)
          relaySettings.save(settings, new Date().toISOString())
      }
      const reensuring = new Set<string>()
      const totals = { delivered: 0, dead: 0, invalid: 0 }

      const relay = startRelay({
        db,
        posterFor: () => client,
        // This run's integrations only: another's relay posts through the studio's profile, not this run's target.
        scope: { integrationIds: chosen.map((integration) => integration.id) },
        schedule,
        onSettled: (attempts) =>
          attempts.forEach((attempt) => {
            if (attempt.outcome.kind !== 'failed') totals[attempt.outcome.kind] += 1
            context.print(deliveryLine(attempt))
          }),
        onInvalid: (rows) =>
          rows.forEach((row) => {
            totals.invalid += 1
            context.print(invalidLine(row, new Date()))
          }),
        onError: (message) => context.printError(message),
        // The webhook answered 404 (replaced in Capillary, or a restarted sandbox): ensure it again, resend now.
        onWebhookMissing: (integrationId) => {
          const integration = chosen.find((candidate) => candidate.id === integrationId)
          if (!integration || reensuring.has(integrationId)) return
          reensuring.add(integrationId)
          const missing = relaySettings.get(integrationId).webhookUri
          void ensure(integration)
            .then(() => {
              // Capillary lists the very URI that answered 404 (disabled, or a proxy's 404): resending now would only
              // meet it again, attempt after attempt; the rows keep their backoff.
              if (relaySettings.get(integrationId).webhookUri === missing) {
                context.printError(
                  `relay: ${missing ?? ''} answered 404, though Capillary lists it: retrying on schedule`
                )
                return
              }
              new OutboxRepository(db).dueNow(integrationId, new Date())
              relay.wake()
            })
            .catch((error: unknown) => context.printError(`relay: ${(error as Error).message}`))
            .finally(() => reensuring.delete(integrationId))
        }
      })
      const listenerSettings = new ListenerSettingsRepository(db).get()
      const host = values.host ?? listenerSettings.host
      const firstPort = port ?? listenerSettings.port ?? defaultListenerPort
      const scan = port === undefined && listenerSettings.port === null ? 20 : 1
      const listener = await startProjectListener({
        db,
        secrets,
        clock: systemClock,
        logger: context.logger,
        host,
        port: firstPort,
        scanPorts: scan,
        bodyLimitBytes: listenerSettings.bodyLimitBytes,
        onCaptures: () => relay.capturesCommitted()
      }).catch(async (error: unknown) => {
        await relay.stop()
        throw asBindFailure(error, { host, port: firstPort, scan })
      })
      const interrupted = untilInterrupted()
      let stopped = false
      void interrupted.then(() => {
        stopped = true
        // From the first Ctrl+C on, a second one stops at once: waiting for it from here leaves no moment in which
        // it would end the process unhandled, the project left open. The rows of posts in flight stay pending.
        void untilInterrupted().then(() => {
          abandoned = true
          relay.abandon()
        })
      })
      context.print(
        `Relaying ${chosen.map((integration) => integration.slug).join(', ')} of ${projectName(path)} to ${target.label}; ` +
          `listening on ${listener.url}; Ctrl+C stops.`
      )
      // The webhooks are set up once the listener runs, so a Capillary out of reach loses nothing: captures wait
      // for their URI and go once it is known. Credentials Capillary refuses end the run, as nothing could be sent.
      const refused = await setUpWebhooks(chosen, ensure, interrupted, () => stopped, context)
      const ready = refused === undefined && !stopped
      if (ready) {
        for (const integration of chosen) new OutboxRepository(db).dueNow(integration.id, new Date())
        relay.wake()
        context.print(`Webhook ready in ${target.label}: deliveries start.`)
        await interrupted
      }
      if (stopped) {
        // Posts in flight are waited for (their answers committed, nothing sent twice), up to the post's timeout.
        const inFlight = relay.inFlight()
        if (inFlight > 0) {
          context.print(
            `Stopping: ${inFlight} ${inFlight === 1 ? 'post' : 'posts'} in flight, waiting up to ` +
              `${Math.ceil(target.timeoutMs / 1000)} s for Capillary's answers; Ctrl+C again stops at once ` +
              '(the rows stay pending and go on the next run).'
          )
        }
      }
      await listener.close()
      await relay.stop()
      // A run that set its webhook up through a profile leaves the relay on: the studio's relay goes on with it.
      if (ready && target.profileId !== null) restoreSettings = undefined
      const pending = new OutboxRepository(db).counts(chosen.map((integration) => integration.id)).pending
      context.print(
        `${abandoned ? 'Stopped without waiting for the posts in flight' : 'Stopped'}. This run: ` +
          `${totals.delivered} delivered, ${totals.dead} dead, ${totals.invalid} invalid; ${pending} still pending.`
      )
      if (refused === undefined) return 0
      context.printError(`capmap: ${refused.message}`)
      return 1
    } finally {
      try {
        // Whatever ended the run (a port taken, a failure), the settings it changed are put back unless they stay.
        restoreSettings?.()
        // Closing the client waits for its requests: not for the posts a second Ctrl+C left behind.
        if (abandoned) void client.close().catch(() => undefined)
        else await client.close()
        checkpoint(db)
      } finally {
        db.close()
        lock.lock.release()
      }
      // The abandoned posts' sockets would keep the process alive until Capillary answers or the timeout: the
      // project is closed and its lock released, so the process ends once the command's exit code is set.
      if (abandoned) setImmediate(() => process.exit())
    }
  }
}

/** One outcome as one line: when, outcome, delivery id, external_event_id, attempt, what Capillary answered. */
export function deliveryLine(attempt: SettledAttempt): string {
  const { outcome } = attempt
  const label = outcome.kind === 'failed' ? 'retry' : outcome.kind
  const next = outcome.kind === 'failed' ? `  next ${new Date(outcome.nextAttemptAt).toISOString()}` : ''
  return [
    new Date(attempt.at).toISOString(),
    label.padEnd(9),
    `${attempt.captureSeq}:${attempt.outputIndex}`,
    `attempt ${attempt.attempts}`,
    outcome.message
  ]
    .join('  ')
    .concat(next)
}

/** A mapped output that will not be sent, as one line: when, `invalid`, delivery id, why (its first error). */
export function invalidLine(row: NewOutboxRow, at: Date): string {
  const why = row.diagnostics.find((diagnostic) => diagnostic.severity === 'error') ?? row.diagnostics[0]
  const what = row.eventName ? `${row.eventName}: ` : ''
  return [
    at.toISOString(),
    'invalid'.padEnd(9),
    `${row.captureSeq}:${row.outputIndex}`,
    `not sent: ${what}${why?.attribute ? `${why.attribute}: ` : ''}${why?.message ?? 'not valid for Capillary'}`
  ].join('  ')
}

/** The Capillary org a command talks to (`capmap relay`, `capmap publish`, `capmap pull`). */
export interface RelayTarget {
  label: string
  tillCode: string
  profileId: string | null
  /** The profile's name, or null with --base-url. */
  profileName: string | null
  baseUrl: string
  orgId: string
  scheme: 'basic' | 'oauth'
  /** How long a request waits for Capillary's answer. */
  timeoutMs: number
  client(retry: { maxAttempts: number }): CapillaryClient
}

/**
 * Where the events go: a connection profile of the config folder, or a base URL with a till (`--auth basic`, the
 * default: password from CAPMAP_PASSWORD) or an OAuth client (`--auth oauth`: CAPMAP_OAUTH_KEY, CAPMAP_OAUTH_SECRET).
 */
export function connect(
  values: {
    profile?: string | undefined
    'base-url'?: string | undefined
    till?: string | undefined
    auth?: string | undefined
  },
  secrets: EnvironmentSecretStore,
  context: CliContext
): RelayTarget {
  if (values.profile !== undefined) {
    const profiles = new ConnectionProfiles(context.configDir, systemClock)
    const profile = profiles.list().find((candidate) => candidate.name === values.profile)
    if (!profile) {
      const names = profiles.list().map((candidate) => candidate.name)
      throw new UsageError(
        `No connection profile named ${values.profile}${names.length > 0 ? ` (there are: ${names.join(', ')})` : ''}`
      )
    }
    const service = new ConnectionProfileService(profiles, secrets, context.logger, () => new Date())
    return {
      label: `profile ${profile.name}`,
      tillCode: profile.tillCode,
      profileId: profile.id,
      profileName: profile.name,
      baseUrl: clusterBaseUrl(profile.cluster, profile.customBaseUrl),
      orgId: profile.orgId,
      scheme: profile.auth,
      timeoutMs: profile.timeoutSeconds * 1000,
      client: (retry) => service.clientFor(profile.id, { retry })
    }
  }
  const baseUrl = (values['base-url'] ?? '').trim().replace(/\/+$/, '')
  const tillCode = values.till ?? ''
  const target = {
    label: baseUrl,
    tillCode,
    profileId: null,
    profileName: null,
    baseUrl,
    orgId: '',
    timeoutMs: baseUrlTimeoutMs
  }
  if (values.auth === 'oauth') {
    const key = process.env.CAPMAP_OAUTH_KEY
    const secret = process.env.CAPMAP_OAUTH_SECRET
    if (!key || !secret) throw new UsageError('--auth oauth needs CAPMAP_OAUTH_KEY and CAPMAP_OAUTH_SECRET')
    return {
      ...target,
      scheme: 'oauth',
      client: (retry) =>
        new CapillaryClient({
          baseUrl,
          credentials: { scheme: 'oauth', key, secret },
          retry,
          timeoutMs: baseUrlTimeoutMs,
          logger: context.logger
        })
    }
  }
  const password = process.env.CAPMAP_PASSWORD
  if (!password) throw new UsageError('--base-url needs the till password in CAPMAP_PASSWORD')
  return {
    ...target,
    scheme: 'basic',
    client: (retry) =>
      new CapillaryClient({
        baseUrl,
        credentials: { scheme: 'basic', tillCode, password },
        retry,
        timeoutMs: baseUrlTimeoutMs,
        logger: context.logger
      })
  }
}

/** How long a request with --base-url waits for Capillary's answer (a profile names its own). */
const baseUrlTimeoutMs = 30_000

/** How long the relay waits before trying again to set up a webhook Capillary could not be reached for. */
const webhookRetryMs = 15_000

/**
 * Sets up each integration's webhook, trying again while Capillary cannot be reached (saying so once per try) until
 * it is done or the run stops. Answers the error that ends the run: Capillary refused the credentials or the request.
 */
async function setUpWebhooks(
  integrations: readonly Integration[],
  ensure: (integration: Integration) => Promise<void>,
  interrupted: Promise<void>,
  stopped: () => boolean,
  context: CliContext
): Promise<Error | undefined> {
  let pending = [...integrations]
  while (pending.length > 0 && !stopped()) {
    const failed: Integration[] = []
    for (const integration of pending) {
      try {
        // Ctrl+C does not wait for a Capillary that hangs: the attempt is left to end on its own.
        const attempt = ensure(integration)
        attempt.catch(() => undefined)
        await Promise.race([attempt, interrupted])
        if (stopped()) return undefined
      } catch (error) {
        if (!isOutOfReach(error)) return error as Error
        failed.push(integration)
        context.printError(
          `relay: the webhook for ${integration.slug} cannot be set up yet (${(error as Error).message}): ` +
            `its captures are kept and sent once it is; trying again in ${webhookRetryMs / 1000} s.`
        )
      }
    }
    pending = failed
    if (pending.length > 0) await pauseUnless(stopped, webhookRetryMs)
  }
  return undefined
}

/** A failure that may pass by itself: Capillary down, slow, or rate limiting, a network or proxy problem. */
function isOutOfReach(error: unknown): boolean {
  return (
    error instanceof CapillaryError && ['network', 'timeout', 'server', 'rate_limited', 'proxy'].includes(error.kind)
  )
}

/** Waits `ms`, or less once `stopped` turns true (checked every half second). */
async function pauseUnless(stopped: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; waited < ms && !stopped(); waited += 500) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 500))
  }
}
