import { isIP } from 'node:net'
import type { CaptureSummary } from '../../shared/model/capture'
import {
  defaultListenerPort,
  type IntegrationCaptureSettings,
  type ListenerSettings,
  type ListenerSettingsPatch,
  type ListenerSettingsView,
  type ListenerStatus,
  type Redaction,
  type Retention,
  type Verification
} from '../../shared/model/listenerSettings'
import { StudioError } from '../errors/StudioError'
import { bindErrorMessage, type FailedBind } from '../listener/bindErrorMessage'
import { exposureWarning } from '../listener/exposure'
import { hooksPrefix } from '../listener/IntegrationRoutes'
import { listenerUrl, startProjectListener, type ProjectListener } from '../listener/ProjectListener'
import { checkCanBind } from '../listener/WebhookListener'
import type { Logger } from '../platform/logger'
import { environmentVariableFor, signingSecretName, type SecretStore } from '../secrets/SecretStore'
import { isReadOnly } from '../store/database'
import { defaultCaptureRules } from '../store/ListenerSettingsRepository'
import type { Clock } from './Clock'
import type { OpenedProject, ProjectSession } from './ProjectSession'
import { ReceivedPerMinute } from './ReceivedPerMinute'
import type { ServerEventBus } from './ServerEventBus'

export interface ListenerServiceOptions {
  /** Start the listener with each project that has listening on (the app and web mode; not one-shot CLI commands). */
  autoStart: boolean
  /** How many ports from the default are tried for a project that has none yet. */
  portScan?: number
  /** How long captures are gathered before the renderer hears of them (one event per batch, never one per request). */
  notifyEveryMs?: number
}

const defaultPortScan = 20
const maxCapturesPerNotice = 100

/**
 * The studio's listener: it follows the open project (starts when it opens with listening on, stops before it
 * closes), reports its state as a server event, and keeps its settings in the project. A busy port or any other
 * failure becomes a status the user reads in the status bar, never a crash.
 */
export class ListenerService {
  private running: { listener: ProjectListener; project: OpenedProject } | undefined
  private closing: Promise<void> = Promise.resolve()
  private starting: Promise<unknown> | undefined
  /**
   * Aborts the start under way, so a project closed meanwhile is let go of before it closes (the last start's: once
   * it has ended, aborting it does nothing).
   */
  private startAbort: AbortController | undefined
  private current: ListenerStatus = offStatus('No project is open.')
  /** Bumped at every start and stop, so a start that completes after the project closed is undone. */
  private generation = 0
  private waitingNotice: CaptureSummary[] = []
  private waitingCount = 0
  private noticeTimer: ReturnType<typeof setTimeout> | undefined
  private readonly received = new ReceivedPerMinute()

  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly clock: Clock,
    private readonly secrets: SecretStore,
    private readonly logger: Logger,
    private readonly options: ListenerServiceOptions
  ) {
    session.observe({
      opened: (project) => {
        if (options.autoStart) void this.launch(project, false)
        else this.publish(offStatus('The listener runs in the studio and with `capmap listen`.'))
      },
      closing: () => {
        this.detach(offStatus('No project is open.'))
        this.received.clear()
      }
    })
    bus.subscribe((name) => {
      if (name === 'integrationsChanged') this.running?.listener.invalidate()
    })
  }

  status(): ListenerStatus {
    return this.current
  }

  /** Captures this listener committed in each of `minutes` minutes from the one starting at `from`, oldest first. */
  receivedPerMinute(from: Date, minutes: number): number[] {
    return this.received.counted(from, minutes)
  }

  /** Turns listening on for the project (kept in it) and starts the listener. */
  async start(): Promise<ListenerStatus> {
    const project = this.session.require({ forWriting: true })
    this.saveSettings(project, { ...project.listenerSettings.get(), enabled: true })
    await this.starting
    if (this.running?.project === project) return this.current
    await this.closing
    await this.launch(project, true)
    return this.current
  }

  /** Turns listening off for the project (kept in it) and stops the listener. */
  async stop(): Promise<ListenerStatus> {
    const project = this.session.require({ forWriting: true })
    this.saveSettings(project, { ...project.listenerSettings.get(), enabled: false })
    this.detach(offStatus('Listening is off for this project.'))
    await this.starting
    await this.closing
    return this.current
  }

  settings(): ListenerSettingsView {
    const project = this.session.require()
    const rules = project.listenerSettings.allRules()
    return {
      listener: project.listenerSettings.get(),
      unmatchedRetention: project.listenerSettings.unmatchedRetention(),
      secretBackend: this.secrets.backend,
      integrations: project.integrations.list().map((integration): IntegrationCaptureSettings => {
        const own = rules.get(integration.id) ?? defaultCaptureRules
        const secretName = signingSecretName(integration.slug)
        return {
          integrationId: integration.id,
          slug: integration.slug,
          name: integration.name,
          path: `${hooksPrefix}${integration.slug}`,
          ...own,
          secret: {
            source: this.secrets.source(secretName) ?? null,
            environmentVariable: environmentVariableFor(secretName)
          }
        }
      })
    }
  }

  /**
   * Changes the project's listener settings; a running listener restarts on its new address or limit. Settings that
   * cannot take effect (a port another program holds) are refused: the stored ones and the listener stay as they were.
   */
  async updateSettings(patch: ListenerSettingsPatch): Promise<ListenerSettingsView> {
    const project = this.session.require({ forWriting: true })
    const before = project.listenerSettings.get()
    const next: ListenerSettings = { ...before, ...patch }
    if (next.host !== 'localhost' && isIP(next.host) === 0) {
      throw new StudioError('invalid_input', `${next.host} is not an IP address: give one such as 127.0.0.1.`)
    }
    const moved =
      next.host !== before.host || next.port !== before.port || next.bodyLimitBytes !== before.bodyLimitBytes
    if (!next.enabled) {
      this.saveSettings(project, next)
      this.detach(offStatus('Listening is off for this project.'))
      await this.closing
    } else if (!this.running || moved) {
      await this.switchTo(project, before, next)
    } else {
      this.saveSettings(project, next)
    }
    return this.settings()
  }

  setIntegrationRules(integrationId: string, patch: { verification?: Verification; redaction?: Redaction }) {
    const project = this.session.require({ forWriting: true })
    this.requireIntegration(project, integrationId)
    const rules = project.listenerSettings.rules(integrationId)
    project.listenerSettings.saveRules(integrationId, { ...rules, ...patch })
    this.changed()
    return this.settings()
  }

  /** Sets the retention of an integration's captures (or, for null, of the unmatched ones) and applies it now. */
  setRetention(
    integrationId: string | null,
    retention: Retention
  ): { settings: ListenerSettingsView; deleted: number } {
    const project = this.session.require({ forWriting: true })
    if (integrationId === null) project.listenerSettings.saveUnmatchedRetention(retention)
    else {
      this.requireIntegration(project, integrationId)
      project.listenerSettings.saveRules(integrationId, { ...project.listenerSettings.rules(integrationId), retention })
    }
    const deleted = project.captures.prune({ integrationId }, retention, this.clock.now())
    this.changed()
    if (deleted > 0) this.bus.emit('capturesDeleted', { count: deleted })
    return { settings: this.settings(), deleted }
  }

  /** Keeps (or, with null, forgets) an integration's signing secret in this studio's secret store, never the project. */
  setSigningSecret(integrationId: string, secret: string | null): ListenerSettingsView {
    const project = this.session.require()
    const integration = this.requireIntegration(project, integrationId)
    const name = signingSecretName(integration.slug)
    if (secret === null) this.secrets.delete(name)
    else this.secrets.set(name, secret)
    return this.settings()
  }

  /**
   * Moves the listener to new settings only once they can take effect: a new port is bound first, and the settings
   * are saved and the listener switched only if it could be. If the new listener still fails (its port taken in
   * between, or a new address on the same port), the previous settings and listener are put back.
   */
  private async switchTo(project: OpenedProject, before: ListenerSettings, next: ListenerSettings): Promise<void> {
    await this.starting
    await this.closing
    const previous = this.runningAddress()
    const previousStatus = this.current
    // Our own listener holds its port: a move to another address on that port is checked by starting there.
    if (next.port !== null && next.port !== previous?.port) {
      const refused = await tryBind(next.host, next.port)
      if (refused) throw refusal(refused, previous)
    }
    this.requireStillOpen(project)
    this.saveSettings(project, next)
    this.detach(offStatus('Restarting.'))
    await this.closing
    const failed = await this.launch(project, true)
    if (!failed) return
    this.saveSettings(project, before)
    if (previous) await this.launch(project, true)
    else this.publish(previousStatus)
    throw refusal(failed, this.runningAddress())
  }

  private runningAddress(): ListenerAddress | null {
    return this.running ? { host: this.running.listener.host, port: this.running.listener.port } : null
  }

  /** Settings applied while another project was opened meanwhile are not saved into that one. */
  private requireStillOpen(project: OpenedProject): void {
    if (this.session.require({ forWriting: true }) !== project) {
      throw new StudioError('conflict', 'Another project was opened meanwhile: these settings were not applied.')
    }
  }

  private launch(project: OpenedProject, asked: boolean): Promise<FailedBind | undefined> {
    const started = this.startFor(project, asked).finally(() => {
      if (this.starting === started) this.starting = undefined
    })
    this.starting = started
    return started
  }

  /** Starts the project's listener; a failure is published as its status, and answered. */
  private async startFor(project: OpenedProject, asked: boolean): Promise<FailedBind | undefined> {
    if (isReadOnly(project.db)) {
      this.publish(offStatus('The project is open read-only: the listener runs where it is open for editing.'))
      return
    }
    const settings = project.listenerSettings.get()
    if (!settings.enabled && !asked) {
      this.publish(offStatus('Listening is off for this project.'))
      return
    }
    const generation = ++this.generation
    const abort = new AbortController()
    this.startAbort = abort
    const port = settings.port ?? defaultListenerPort
    const scan = settings.port === null ? (this.options.portScan ?? defaultPortScan) : 1
    this.publish({ ...this.describe(settings.host, port), state: 'starting', url: null })
    let listener: ProjectListener
    try {
      listener = await startProjectListener({
        db: project.db,
        secrets: this.secrets,
        clock: this.clock,
        logger: this.logger,
        host: settings.host,
        port,
        scanPorts: scan,
        bodyLimitBytes: settings.bodyLimitBytes,
        onCaptures: (captures) => this.notice(captures),
        onPruned: (count) => this.bus.emit('capturesDeleted', { count }),
        signal: abort.signal
      })
    } catch (error) {
      if (generation !== this.generation) return undefined
      const failed: FailedBind = { error: error as NodeJS.ErrnoException, host: settings.host, port, scan }
      // Worded for the status bar: it says where to change the port.
      const message = bindErrorMessage(failed, 'in Settings › Webhook listener')
      this.logger.warn(`listener not started: ${message}`)
      this.publish({ ...this.describe(settings.host, port), state: 'error', url: null, message })
      return failed
    }
    if (generation !== this.generation) {
      await listener.close()
      return undefined
    }
    this.running = { listener, project }
    // The first port chosen is kept in the project, so a sender configured with it keeps reaching it.
    if (settings.port === null) this.saveSettings(project, { ...settings, port: listener.port })
    this.logger.info(`listener on ${listener.url} for ${project.path}`)
    this.publish({ ...this.describe(listener.host, listener.port), state: 'listening' })
    return undefined
  }

  /** Stops at once (synchronously: waiting captures are committed now), leaving the sockets to close after. */
  private detach(status: ListenerStatus): void {
    this.generation += 1
    this.startAbort?.abort()
    this.startAbort = undefined
    const running = this.running
    this.running = undefined
    if (running) {
      const closed = running.listener.close().catch((error: unknown) => {
        this.logger.warn(`listener close: ${(error as Error).message}`)
      })
      this.closing = this.closing.then(() => closed)
    }
    this.sendNotice()
    this.publish(status)
  }

  private describe(host: string, port: number): ListenerStatus {
    return {
      state: 'listening',
      host,
      port,
      url: listenerUrl(host, port),
      message: null,
      warning: exposureWarning(host, port) ?? null
    }
  }

  private publish(status: ListenerStatus): void {
    this.current = status
    this.bus.emit('listenerStatusChanged', status)
  }

  /** Captures reach the renderer in batches: a burst of a thousand requests is a handful of events. */
  private notice(captures: CaptureSummary[]): void {
    this.received.record(captures.map((capture) => capture.receivedAt))
    this.waitingNotice.push(...captures)
    this.waitingCount += captures.length
    if (this.waitingNotice.length > maxCapturesPerNotice) {
      this.waitingNotice = this.waitingNotice.slice(-maxCapturesPerNotice)
    }
    if (this.noticeTimer) return
    this.noticeTimer = setTimeout(() => this.sendNotice(), this.options.notifyEveryMs ?? 200)
    this.noticeTimer.unref()
  }

  private sendNotice(): void {
    clearTimeout(this.noticeTimer)
    this.noticeTimer = undefined
    if (this.waitingCount === 0) return
    const captures = this.waitingNotice.reverse()
    const count = this.waitingCount
    this.waitingNotice = []
    this.waitingCount = 0
    this.bus.emit('capturesReceived', { count, captures })
  }

  private saveSettings(project: OpenedProject, settings: ListenerSettings): void {
    project.listenerSettings.save(settings)
    this.session.touch()
  }

  private changed(): void {
    this.session.touch()
    this.running?.listener.invalidate()
  }

  private requireIntegration(project: OpenedProject, integrationId: string) {
    const integration = project.integrations.get(integrationId)
    if (!integration) throw new StudioError('not_found', 'That integration no longer exists.')
    return integration
  }
}

function offStatus(message: string): ListenerStatus {
  return { state: 'off', host: null, port: null, url: null, message, warning: null }
}

interface ListenerAddress {
  host: string
  port: number
}

/** Binds an address as the listener would and lets go at once; answers why it cannot be bound, if it cannot. */
async function tryBind(host: string, port: number): Promise<FailedBind | undefined> {
  try {
    await checkCanBind(host, port)
    return undefined
  } catch (error) {
    return { error: error as NodeJS.ErrnoException, host, port, scan: 1 }
  }
}

/** Why settings being applied were refused, worded for the form the user is at, and what goes on listening. */
function refusal(failed: FailedBind, listening: ListenerAddress | null): StudioError {
  const busy = failed.error.code === 'EADDRINUSE'
  const why = bindErrorMessage(failed, null)
  const stays = listening ? ` The listener stays on ${addressOf(listening)}.` : ''
  return new StudioError(busy ? 'conflict' : 'invalid_input', `${why}${stays}`)
}

/** `127.0.0.1:4890`, `[::1]:4890`: as the status bar shows an address. */
function addressOf({ host, port }: ListenerAddress): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`
}
