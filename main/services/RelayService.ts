import type {
  DeliveryPage,
  DeliveryQuery,
  DeliverySelection,
  RelayOverview,
  RelaySettings,
  RelaySettingsPatch
} from '../../shared/model/relay'
import { relayTransformer } from '../../shared/model/webhookSettings'
import type { CapillaryClient } from '../capillary/client/CapillaryClient'
import type { CapillaryServices } from '../capillary/createCapillaryServices'
import { ensureWebhook } from '../capillary/ensureWebhook'
import { StudioError } from '../errors/StudioError'
import { CaptureInboxSettings } from './CaptureInboxSettings'
import type { Logger } from '../platform/logger'
import type { DeliverySchedule } from '../relay/deliverySchedule'
import { startRelay, type RunningRelay } from '../relay/startRelay'
import { isReadOnly, type ProjectDatabase } from '../store/database'
import { IntegrationRepository } from '../store/IntegrationRepository'
import { OutboxRepository } from '../store/OutboxRepository'
import { RelaySettingsRepository } from '../store/RelaySettingsRepository'
import type { Clock } from './Clock'
import type { ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'

export interface RelayServiceOptions {
  /** Deliver while a project is open (the app and web mode; `capmap relay` runs its own, one-shot commands none). */
  autoStart?: boolean
  /** A compressed schedule for tests; the default is at least as patient as Svix's. */
  schedule?: Partial<DeliverySchedule>
  /** How long delivery changes are gathered before the renderer hears of them (one event per batch). */
  notifyEveryMs?: number
  pollMs?: number
}

/** Minutes the per-minute chart covers. */
const chartMinutes = 15

/**
 * The studio's relay: it follows the open project (runs while a project is open for editing), maps captures the
 * listener commits into the outbox and delivers them; settings, the deliveries list, retry and replay for the UI;
 * delivery changes reach the renderer in batches.
 */
export class RelayService {
  private running: { relay: RunningRelay; db: ProjectDatabase } | undefined
  private readonly clients = new Map<string, CapillaryClient>()
  private readonly reensuring = new Set<string>()
  private noticeTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly clock: Clock,
    private readonly capillary: CapillaryServices,
    private readonly logger: Logger,
    private readonly options: RelayServiceOptions = {}
  ) {
    session.observe({
      opened: (project) => {
        if (this.options.autoStart !== false && !isReadOnly(project.db)) this.launch(project.db)
      },
      closing: () => this.halt()
    })
    bus.subscribe((name) => {
      if (name === 'capturesReceived') this.running?.relay.capturesCommitted()
    })
  }

  /** One entry per integration of the project (off when never set). */
  listSettings(): RelaySettings[] {
    const project = this.session.require()
    const settings = new RelaySettingsRepository(project.db)
    return project.integrations.list().map((integration) => settings.get(integration.id))
  }

  /**
   * Turns an integration's relay on or off. On: the profile's org gets the integration's webhook (created from the
   * project's webhook settings when it has none) and the URI Capillary answers is kept.
   */
  async setSettings(patch: RelaySettingsPatch): Promise<RelaySettings> {
    const project = this.session.require({ forWriting: true })
    const integration = project.integrations.get(patch.integrationId)
    if (!integration) throw new StudioError('not_found', 'That integration no longer exists.')
    const repository = new RelaySettingsRepository(project.db)
    const before = repository.get(integration.id)
    let webhookUri = before.profileId === patch.profileId ? before.webhookUri : null
    if (patch.enabled) {
      if (new CaptureInboxSettings(project.db).captureOnlyIds().includes(integration.id)) {
        throw new StudioError(
          'invalid_input',
          `${integration.name} only captures (Capillary's own notifications): there is nothing to relay.`
        )
      }
      if (patch.profileId === null) {
        throw new StudioError(
          'invalid_input',
          'Choose the connection profile whose Capillary org receives the events (start the local sandbox to rehearse).'
        )
      }
      webhookUri = await this.ensureWebhookOf(integration.id, patch.profileId)
    }
    const saved = repository.save(
      { integrationId: integration.id, enabled: patch.enabled, profileId: patch.profileId, webhookUri },
      this.clock.now().toISOString()
    )
    this.session.touch()
    this.running?.relay.capturesCommitted()
    this.running?.relay.wake()
    this.notice()
    return saved
  }

  listDeliveries(query: DeliveryQuery): DeliveryPage {
    return new OutboxRepository(this.session.require().db).list(query)
  }

  overview(): RelayOverview {
    const project = this.session.require()
    const outbox = new OutboxRepository(project.db)
    const paused = this.running?.relay.pausedUntil() ?? null
    return {
      counts: outbox.counts(),
      perMinute: outbox.perMinute(this.clock.now().getTime(), chartMinutes),
      relaying: new RelaySettingsRepository(project.db).enabled().length,
      running: this.running !== undefined,
      pausedUntil: paused === null ? null : new Date(paused).toISOString()
    }
  }

  /** Dead letters (or pending rows) go out again from their first attempt. */
  retry(selection: DeliverySelection): { requeued: number } {
    return this.requeue(selection, ['dead', 'pending'])
  }

  /**
   * Delivered rows are sent again, with the same external_event_id; Capillary flags the repeat only with the
   * webhook's uniqueness check on and unique-key attributes that tell the event's occurrences apart (notes §3).
   */
  replay(selection: DeliverySelection): { requeued: number } {
    return this.requeue(selection, ['delivered'])
  }

  /** Resolves once every capture committed so far is in the outbox (tests). */
  async mapped(): Promise<void> {
    await this.running?.relay.mapped()
  }

  /** The relay's webhook in the profile's org (created when missing); answers the URI Capillary gave. */
  private async ensureWebhookOf(integrationId: string, profileId: string): Promise<string> {
    const project = this.session.require({ forWriting: true })
    const integration = project.integrations.get(integrationId)
    if (!integration) throw new StudioError('not_found', 'That integration no longer exists.')
    const profile = this.capillary.profiles.get(profileId)
    const webhook = project.webhookSettings.list().find((entry) => entry.transformer === relayTransformer)
    if (!webhook) throw new StudioError('internal', `No webhook settings for ${relayTransformer}.`)
    const client = this.capillary.profiles.clientFor(profileId, { retry: { maxAttempts: 2 } })
    try {
      return await ensureWebhook(client, webhook, profile.tillCode)
    } finally {
      await client.close()
      // The profile may point elsewhere now (a sandbox restarted on another port): posts take a fresh client.
      this.forgetClient(profileId)
    }
  }

  /** A post met 404 at the stored URI: ensure the webhook again, keep the new URI, send the waiting rows now. */
  private reensure(integrationId: string): void {
    if (this.reensuring.has(integrationId)) return
    this.reensuring.add(integrationId)
    void (async () => {
      const project = this.session.require({ forWriting: true })
      const repository = new RelaySettingsRepository(project.db)
      const settings = repository.get(integrationId)
      if (!settings.enabled || settings.profileId === null) return
      const webhookUri = await this.ensureWebhookOf(integrationId, settings.profileId)
      const now = this.clock.now()
      repository.save({ ...settings, webhookUri }, now.toISOString())
      // Capillary lists the very URI that answered 404 (disabled, or a proxy's 404): resending now would only meet
      // it again, attempt after attempt; the rows keep their backoff.
      if (webhookUri === settings.webhookUri) {
        this.logger.warn(`relay: ${webhookUri} answered 404, though Capillary lists it: its rows retry on schedule`)
        return
      }
      new OutboxRepository(project.db).dueNow(integrationId, now)
      this.logger.info(`relay: the webhook of ${integrationId} was missing; its URI is now ${webhookUri}`)
      this.running?.relay.wake()
    })()
      .catch((error: unknown) =>
        this.logger.warn(`relay: ensuring the webhook again failed: ${(error as Error).message}`)
      )
      .finally(() => this.reensuring.delete(integrationId))
  }

  private requeue(selection: DeliverySelection, from: ('dead' | 'pending' | 'delivered')[]) {
    const project = this.session.require({ forWriting: true })
    const outbox = new OutboxRepository(project.db)
    const keys =
      'ids' in selection
        ? selection.ids.map((id) => {
            const [captureSeq, outputIndex] = id.split(':').map(Number)
            return { captureSeq: captureSeq ?? 0, outputIndex: outputIndex ?? 0 }
          })
        : outbox.deadKeys()
    const requeued = outbox.requeue(keys, from, this.clock.now())
    this.running?.relay.wake()
    this.notice()
    return { requeued }
  }

  private launch(db: ProjectDatabase): void {
    this.halt()
    this.warnOfRelaysWithoutProfile(db)
    const relay = startRelay({
      db,
      posterFor: (profileId) => this.clientFor(profileId),
      // A relay on without a profile (left so by a `capmap relay --base-url` run that was killed) is a setup problem:
      // its rows wait, attempts unspent, until a profile is chosen, rather than failing until they are dead letters.
      scope: { profileRequired: true },
      now: () => this.clock.now().getTime(),
      onSettled: () => this.notice(),
      onFilled: () => this.notice(),
      onError: (message) => this.logger.warn(message),
      onWebhookMissing: (integrationId) => this.reensure(integrationId),
      ...(this.options.schedule ? { schedule: this.options.schedule } : {}),
      ...(this.options.pollMs !== undefined ? { pollMs: this.options.pollMs } : {})
    })
    this.running = { relay, db }
  }

  private warnOfRelaysWithoutProfile(db: ProjectDatabase): void {
    const integrations = new IntegrationRepository(db)
    for (const settings of new RelaySettingsRepository(db).enabled()) {
      if (settings.profileId !== null) continue
      const slug = integrations.get(settings.integrationId)?.slug ?? settings.integrationId
      this.logger.warn(
        `relay: integration ${slug} relays with no connection profile: its deliveries wait until one is chosen ` +
          'in Deliveries.'
      )
    }
  }

  /** Stops before the project's file closes; posts in flight end on their own and their rows stay pending. */
  private halt(): void {
    const running = this.running
    this.running = undefined
    if (running) {
      void running.relay.stop().catch((error: unknown) => this.logger.warn(`relay stop: ${(error as Error).message}`))
    }
    for (const id of [...this.clients.keys()]) this.forgetClient(id)
  }

  private clientFor(profileId: string | null): CapillaryClient {
    if (profileId === null) throw new StudioError('invalid_input', 'The relay has no connection profile.')
    let client = this.clients.get(profileId)
    if (!client) {
      // One try per post: the outbox schedules the retries, durably.
      client = this.capillary.profiles.clientFor(profileId, { retry: { maxAttempts: 1 } })
      this.clients.set(profileId, client)
    }
    return client
  }

  private forgetClient(profileId: string): void {
    const client = this.clients.get(profileId)
    this.clients.delete(profileId)
    void client?.close().catch(() => undefined)
  }

  /** Delivery changes reach the renderer in batches: a burst of a thousand outcomes is a handful of events. */
  private notice(): void {
    if (this.noticeTimer) return
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = undefined
      if (this.session.state().project === null) return
      try {
        this.bus.emit('deliveriesChanged', this.overview())
      } catch (error) {
        this.logger.warn(`relay notice: ${(error as Error).message}`)
      }
    }, this.options.notifyEveryMs ?? 250)
    this.noticeTimer.unref()
  }
}
