import { clusterBaseUrl } from '../../shared/capillary/clusters'
import { checkEventName } from '../../shared/capillary/checkEventName'
import { capillaryLimits } from '../../shared/capillary/capillaryLimits'
import { capillaryNativeMapping } from '../../shared/engine/capillaryNativeMapping'
import type {
  CheckPublishedInput,
  CheckPublishedResult,
  DisableRemoteEventResult,
  NewEventVersionResult,
  PlanPublishInput,
  PublishPlan,
  PublishProgress,
  PublishRunState,
  PublishStage,
  PublishStateEntry,
  PublishStateView,
  PublishVerdict,
  PublishWebhook,
  PullPlan,
  PullResult,
  StartPublishInput
} from '../../shared/model/publish'
import { relayTransformer, transformerOf, TransformerType } from '../../shared/model/webhookSettings'
import type { CapillaryClient } from '../capillary/client/CapillaryClient'
import { CapillaryError } from '../capillary/client/CapillaryError'
import type { CapillaryServices } from '../capillary/createCapillaryServices'
import { resolvedSpec } from '../engine/compileProjectMapping'
import { StudioError } from '../errors/StudioError'
import type { Logger } from '../platform/logger'
import { awaitPublished, executePublish, type PublishSink } from '../publish/executePublish'
import { moveMappings } from '../publish/moveMappings'
import { activeCustomEvents, PlanInputError, planPublish, remoteStateOf, type OrgReading } from '../publish/planPublish'
import { mappingFromRemote } from '../publish/mappingFromRemote'
import { draftFromRemote, planPull } from '../publish/planPull'
import { abortableSleep, type PollTiming } from '../publish/pollLogVerdict'
import type { PublishConnection } from '../publish/PublishConnection'
import { readProjectSnapshot } from '../publish/projectSnapshot'
import { PublishStateRepository } from '../store/PublishStateRepository'
import { applyTestGate } from '../testCases/testGate'
import type { Clock } from './Clock'
import type { OpenedProject, ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'
import { inWriteTransaction } from '../store/database'

export interface PublishServiceOptions {
  /** Between two polls of the logs or of `GET /v2/events` (default 2 s). */
  pollIntervalMs?: number
  /** How long the logs may take to show a test post (default 2 minutes). */
  logsTimeoutMs?: number
  /** Tries per Capillary call (default 3). */
  maxAttempts?: number
  now?: () => number
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

interface RunRecord {
  state: PublishRunState
  controller: AbortController
  finished: Promise<PublishRunState>
}

/** A running publish: its id, and a promise of its end (the CLI waits on it; the studio follows publishProgress). */
export interface StartedPublish {
  runId: string
  finished: Promise<PublishRunState>
}

const byHand = 'marked published by hand'
const seenByStudio = 'InTouch (PUBLISHED seen by the studio)'

/** A failed Capillary call as the error the UI shows: its message already says what happened and what to do. */
function asStudioError(error: unknown): unknown {
  if (!(error instanceof CapillaryError)) return error
  const code =
    error.kind === 'authentication'
      ? 'unauthorized'
      : error.kind === 'not_found'
        ? 'not_found'
        : error.kind === 'invalid_request'
          ? 'invalid_input'
          : 'internal'
  return new StudioError(code, error.message)
}

/**
 * Publish to Capillary and pull from an org, per connection profile (issue 10): the dry run, runs in the
 * background with progress as `publishProgress`, locks when PUBLISHED shows (or by hand), a new version of a
 * published event, disabling an event in the org, and pull/drift. The CLI uses the same methods with a base URL.
 */
export class PublishService {
  private readonly runs = new Map<string, RunRecord>()

  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly clock: Clock,
    private readonly capillary: CapillaryServices,
    private readonly logger: Logger,
    private readonly options: PublishServiceOptions = {}
  ) {
    session.observe({ opened: () => undefined, closing: () => this.cancelAll() })
  }

  /** A connection profile as the org to publish to; its name is the key its publish state is kept under. */
  connectionFor(profileId: string): PublishConnection {
    const profile = this.capillary.profiles.get(profileId)
    return {
      target: {
        profileId: profile.id,
        key: profile.name,
        name: profile.name,
        baseUrl: clusterBaseUrl(profile.cluster, profile.customBaseUrl),
        orgId: profile.orgId
      },
      scheme: profile.auth,
      tillCode: profile.tillCode,
      client: (retry = {}) =>
        this.capillary.profiles.clientFor(profileId, {
          retry: { maxAttempts: retry.maxAttempts ?? this.options.maxAttempts ?? 3 }
        })
    }
  }

  plan(input: PlanPublishInput): Promise<PublishPlan> {
    return this.planWith(this.connectionFor(input.profileId), input.eventIds)
  }

  /**
   * The dry run: reads the org (`GET /v2/events`, `GET /v2/events/webhooks`) and changes nothing. `signal` stops the
   * reading at once (Ctrl+C): the calls under way are aborted and the plan rejects.
   */
  async planWith(
    connection: PublishConnection,
    eventIds?: readonly string[],
    signal?: AbortSignal
  ): Promise<PublishPlan> {
    const project = this.session.require()
    const org = await this.readOrg(connection, signal)
    return this.makePlan(project, connection, org, eventIds).plan
  }

  async start(input: StartPublishInput): Promise<{ runId: string }> {
    const started = this.startWith(this.connectionFor(input.profileId), input.eventIds, {
      waitForPublishedMs: input.waitForPublishedSeconds * 1000
    })
    return { runId: started.runId }
  }

  /** Starts a run: the events one after another, each stopping at its first failure. */
  startWith(
    connection: PublishConnection,
    eventIds: readonly string[],
    options: { waitForPublishedMs?: number; onProgress?: (progress: PublishProgress) => void } = {}
  ): StartedPublish {
    const project = this.session.require({ forWriting: true })
    for (const id of eventIds) {
      if (!project.events.get(id)) throw new StudioError('not_found', `The project has no event with id ${id}.`)
    }
    const busy = [...this.runs.values()].find(
      (record) =>
        record.state.running &&
        record.state.target.key === connection.target.key &&
        record.state.eventIds.some((id) => eventIds.includes(id))
    )
    if (busy) {
      throw new StudioError('conflict', `A publish to ${connection.target.name} of these events is already running.`)
    }
    const runId = this.clock.newId()
    const controller = new AbortController()
    const state: PublishRunState = {
      runId,
      target: connection.target,
      eventIds: [...eventIds],
      running: true,
      events: []
    }
    const record: RunRecord = {
      state,
      controller,
      finished: this.execute(project, connection, state, controller.signal, options)
        .catch((error: unknown) => {
          this.logger.error(`publish run ${runId} failed: ${(error as Error).stack ?? String(error)}`)
          return state
        })
        .finally(() => {
          state.running = false
        })
    }
    this.runs.set(runId, record)
    return { runId, finished: record.finished }
  }

  cancel(runId: string): PublishRunState {
    const record = this.requireRun(runId)
    record.controller.abort()
    return record.state
  }

  run(runId: string): PublishRunState {
    return this.requireRun(runId).state
  }

  checkPublished(input: CheckPublishedInput): Promise<CheckPublishedResult> {
    return this.checkPublishedWith(this.connectionFor(input.profileId), input.eventIds)
  }

  /** One `GET /v2/events`: every chosen event now PUBLISHED there is locked for the profile. */
  async checkPublishedWith(connection: PublishConnection, eventIds?: readonly string[]): Promise<CheckPublishedResult> {
    const project = this.session.require({ forWriting: true })
    const remote = await this.withClient(connection, (client) => client.listEvents())
    const key = connection.target.key
    const chosen = project.events.list().filter((event) => eventIds === undefined || eventIds.includes(event.id))
    const events = chosen.map((event) => {
      const state = remoteStateOf(remote.find((candidate) => candidate.eventName === event.name))
      const wasLocked = event.publications.some((publication) => publication.profile === key)
      if (state === 'published' && !wasLocked) this.lock(project, event.id, event.name, key, seenByStudio)
      return {
        eventId: event.id,
        eventName: event.name,
        remote: state,
        locked: wasLocked || state === 'published',
        newlyLocked: !wasLocked && state === 'published'
      }
    })
    if (events.some((event) => event.newlyLocked)) this.bus.emit('publishStateChanged', { profileKey: key })
    return { target: connection.target, events }
  }

  /** The user says the event was published in InTouch for this profile: it is locked as if PUBLISHED was seen. */
  markPublished(eventId: string, profileId: string): PublishStateEntry {
    const project = this.session.require({ forWriting: true })
    const event = project.events.get(eventId)
    if (!event) throw new StudioError('not_found', 'That event no longer exists.')
    const key = this.connectionFor(profileId).target.key
    const entry = this.lock(project, eventId, event.name, key, byHand)
    this.bus.emit('publishStateChanged', { profileKey: key })
    return entry
  }

  listState(profileId: string | undefined): PublishStateView {
    const key = profileId === undefined ? undefined : this.connectionFor(profileId).target.key
    return this.listStateByKey(key)
  }

  listStateByKey(key: string | undefined): PublishStateView {
    const project = this.session.require()
    const repository = new PublishStateRepository(project.db)
    const users = this.webhookUsers(project)
    const webhooks: PublishWebhook[] = repository.webhooks(key).map((webhook) => ({
      ...webhook,
      integrationIds: users.get(webhook.transformer) ?? []
    }))
    return { events: repository.list(key), webhooks }
  }

  /**
   * A new version of an event (issue 10: a published event's fields cannot change): a new event under a new name
   * with the same design, the old one's mappings (and their test cases) moved to it, in one transaction. The old
   * event stays published, but the gate sends it back to Draft: it has no test case left. The new one is a Draft
   * until its test cases run again.
   */
  newEventVersion(eventId: string, name: string): NewEventVersionResult {
    const project = this.session.require({ forWriting: true })
    const source = project.events.get(eventId)
    if (!source) throw new StudioError('not_found', 'That event no longer exists.')
    const others = project.events.list().map((event) => event.name)
    const problems = checkEventName(name, others).filter((issue) => issue.severity === 'error')
    if (problems.length > 0) throw new StudioError('invalid_input', problems.map((issue) => issue.message).join(' '))
    const now = this.clock.now().toISOString()
    const result = inWriteTransaction(project.db, () => {
      const event = project.events.insert({
        id: this.clock.newId(),
        draft: {
          name,
          label: source.label,
          description: source.description,
          // A standard event is enabled once per org under its own name: a new name makes it a custom event.
          kind: 'custom',
          actions: [...source.actions],
          attributes: source.attributes.map(({ id: _id, ...attribute }) => ({ ...attribute, standard: false }))
        },
        now,
        newAttributeId: () => this.clock.newId()
      })
      const movedMappingIds = moveMappings(project, source, event, now)
      applyTestGate(project, source.id, now)
      applyTestGate(project, event.id, now)
      return { event, movedMappingIds }
    })
    this.session.touch()
    this.bus.emit('eventsChanged', { reason: 'updated', id: source.id })
    this.bus.emit('eventsChanged', { reason: 'created', id: result.event.id })
    for (const id of result.movedMappingIds) this.bus.emit('mappingsChanged', { id })
    this.bus.emit('integrationsChanged', {})
    this.bus.emit('testCasesChanged', {})
    return result
  }

  disableRemoteEvent(input: { eventId: string; profileId: string; confirmName: string }) {
    return this.disableRemoteEventWith(this.connectionFor(input.profileId), input.eventId, input.confirmName)
  }

  /** `PUT /v2/events/disable?event_name=X` (SLATE:L5030): irreversible; frees one of the org's 10 custom slots. */
  async disableRemoteEventWith(
    connection: PublishConnection,
    eventId: string,
    confirmName: string
  ): Promise<DisableRemoteEventResult> {
    const project = this.session.require({ forWriting: true })
    const event = project.events.get(eventId)
    if (!event) throw new StudioError('not_found', 'That event no longer exists.')
    if (confirmName !== event.name) {
      throw new StudioError(
        'invalid_input',
        `Type the event's name, ${event.name}, to confirm: Capillary cannot enable an event again once it is disabled.`
      )
    }
    const remaining = await this.withClient(connection, async (client) => {
      await client.disableEvent(event.name)
      return client.listEvents()
    })
    const key = connection.target.key
    new PublishStateRepository(project.db).save({
      eventId,
      eventName: event.name,
      profileKey: key,
      stage: 'disabled',
      now: this.clock.now().toISOString()
    })
    this.session.touch()
    this.bus.emit('publishStateChanged', { profileKey: key })
    return {
      eventId,
      eventName: event.name,
      quota: { active: activeCustomEvents(remaining), limit: capillaryLimits.activeCustomEventsPerOrg }
    }
  }

  planPull(profileId: string): Promise<PullPlan> {
    return this.planPullWith(this.connectionFor(profileId))
  }

  async planPullWith(connection: PublishConnection): Promise<PullPlan> {
    const project = this.session.require()
    const org = await this.readOrg(connection)
    return planPull(project.events.list(), org, connection.target, this.clock.now().toISOString())
  }

  applyPull(profileId: string, eventNames: readonly string[]): Promise<PullResult> {
    return this.applyPullWith(this.connectionFor(profileId), eventNames)
  }

  /**
   * Imports the named org events as drafts, all or none (notes §12: read both spellings), and keeps the org's
   * webhook URIs for the profile. An imported event the org has PUBLISHED is locked for the profile at once.
   */
  async applyPullWith(connection: PublishConnection, eventNames: readonly string[]): Promise<PullResult> {
    const project = this.session.require({ forWriting: true })
    const org = await this.readOrg(connection)
    const key = connection.target.key
    const now = this.clock.now().toISOString()
    const before = planPull(project.events.list(), org, connection.target, now)
    const problems: string[] = []
    const chosen = eventNames.map((name) => {
      const entry = before.events.find((candidate) => candidate.eventName === name)
      const remote = org.events.find((candidate) => candidate.eventName === name)
      if (!entry || !remote) problems.push(`${connection.target.name} has no event ${name}.`)
      else if (entry.presence !== 'org_only')
        problems.push(`${name} is already in the project: it is compared, not imported.`)
      else if (!entry.importable) problems.push(`${name} cannot be read as an event: ${entry.problems.join(' ')}`)
      return remote
    })
    if (problems.length > 0) throw new StudioError('invalid_input', problems.join(' '))
    const repository = new PublishStateRepository(project.db)
    let mappingsImported = 0
    const imported = inWriteTransaction(project.db, () => {
      const done: { eventId: string; eventName: string }[] = []
      for (const remote of chosen) {
        if (!remote) continue
        const read = draftFromRemote(remote)
        if (!read.ok) throw new StudioError('invalid_input', read.error)
        const event = project.events.insert({
          id: this.clock.newId(),
          draft: read.draft,
          now,
          newAttributeId: () => this.clock.newId()
        })
        const pulled = before.events.find((candidate) => candidate.eventName === remote.eventName)?.mappings ?? []
        for (const mapping of pulled) {
          const made = mappingFromRemote(mapping, event, project.integrations.list())
          if (!made || project.mappings.find(made.integration.id, event.id)) continue
          project.mappings.save(this.clock.newId(), made.integration.id, event.id, made.spec, now)
          mappingsImported += 1
        }
        if (remoteStateOf(remote) === 'published') {
          project.events.recordPublication(event.id, { profile: key, publishedAt: now, publishedBy: seenByStudio })
          repository.save({ eventId: event.id, eventName: event.name, profileKey: key, stage: 'published', now })
        }
        done.push({ eventId: event.id, eventName: event.name })
      }
      return done
    })
    let webhooksRecorded = 0
    for (const webhook of org.webhooks) {
      const transformer = TransformerType.options.find(
        (candidate) => candidate.toLowerCase() === webhook.transformerType.toLowerCase()
      )
      if (!transformer) continue
      repository.saveWebhook(key, transformer, webhook.webHookUri, now)
      webhooksRecorded += 1
    }
    this.session.touch()
    for (const entry of imported) this.bus.emit('eventsChanged', { reason: 'created', id: entry.eventId })
    if (mappingsImported > 0) {
      for (const mapping of project.mappings.list()) {
        if (imported.some((entry) => entry.eventId === mapping.eventId))
          this.bus.emit('mappingsChanged', { id: mapping.id })
      }
    }
    this.bus.emit('publishStateChanged', { profileKey: key })
    return {
      imported,
      mappingsImported,
      webhooksRecorded,
      plan: planPull(project.events.list(), org, connection.target, now)
    }
  }

  // ---- internals ----

  private async execute(
    project: OpenedProject,
    connection: PublishConnection,
    state: PublishRunState,
    signal: AbortSignal,
    options: { waitForPublishedMs?: number; onProgress?: (progress: PublishProgress) => void }
  ): Promise<PublishRunState> {
    const key = connection.target.key
    const client = connection.client()
    const events = project.events.list()
    const nameOf = (id: string) => events.find((event) => event.id === id)?.name ?? id
    let last: PublishProgress | undefined
    const emit = (progress: PublishProgress) => {
      last = progress
      state.events = [...state.events.filter((entry) => entry.eventId !== progress.eventId), progress]
      state.events.sort((a, b) => state.eventIds.indexOf(a.eventId) - state.eventIds.indexOf(b.eventId))
      this.bus.emit('publishProgress', progress)
      options.onProgress?.(progress)
    }
    const progressOf = (eventId: string, step: PublishProgress['step'], message: string, verdict?: PublishVerdict) =>
      emit({
        runId: state.runId,
        eventId,
        eventName: nameOf(eventId),
        step,
        message,
        done: verdict !== undefined,
        runDone: false,
        verdict: verdict ?? null,
        at: this.clock.now().toISOString()
      })
    try {
      let planned
      try {
        const org = await this.readOrgWith(client)
        planned = this.makePlan(project, connection, org, state.eventIds).planned
      } catch (error) {
        // Without the org's answer nothing is sent: every event fails with the reason.
        const message = (asStudioError(error) as Error).message
        for (const id of state.eventIds) {
          progressOf(id, 'failed', message, { ok: false, status: 'ORG_UNREADABLE', message })
        }
        return state
      }
      const repository = new PublishStateRepository(project.db)
      const webhookSettings = project.webhookSettings.list()
      const waitMs = options.waitForPublishedMs ?? 0
      const verified: { eventName: string; verdict: PublishVerdict; sink: PublishSink }[] = []
      for (const entry of planned) {
        const eventId = entry.event.id
        const sink: PublishSink = {
          progress: (step, message, end) => progressOf(eventId, step, message, end?.verdict),
          saveState: (stage, verdict) => this.saveState(repository, eventId, entry.event.name, key, stage, verdict),
          saveWebhook: (transformer, uri) =>
            repository.saveWebhook(key, transformer, uri, this.clock.now().toISOString()),
          lock: () => {
            this.lock(project, eventId, entry.event.name, key, seenByStudio)
          }
        }
        const verdict = await executePublish(
          entry,
          {
            client,
            tillCode: connection.tillCode,
            webhookSettings,
            timing: this.timing(),
            signal,
            willWait: waitMs > 0,
            profileName: connection.target.name
          },
          sink
        )
        if (verdict.ok && entry.shown.remote.state !== 'published') {
          verified.push({ eventName: entry.event.name, verdict, sink })
        }
      }
      // One wait for the whole run: events published in InTouch meanwhile are seen at once.
      const timing = this.timing()
      const deadline = timing.now() + waitMs
      for (const { eventName, verdict, sink } of waitMs > 0 ? verified : []) {
        const remaining = Math.max(0, deadline - timing.now())
        const options = { client, timing, signal, waitMs: remaining, profileName: connection.target.name }
        await awaitPublished(eventName, verdict, options, sink)
      }
      return state
    } finally {
      await client.close().catch(() => undefined)
      state.running = false
      if (last) emit({ ...last, runDone: true })
    }
  }

  private makePlan(
    project: OpenedProject,
    connection: PublishConnection,
    org: OrgReading,
    eventIds: readonly string[] | undefined
  ) {
    try {
      return planPublish(
        readProjectSnapshot(project, connection.target.key),
        org,
        {
          target: connection.target,
          scheme: connection.scheme,
          tillCode: connection.tillCode,
          now: this.clock.now().toISOString()
        },
        eventIds
      )
    } catch (error) {
      if (error instanceof PlanInputError) throw new StudioError('invalid_input', error.message)
      throw error
    }
  }

  private readOrg(connection: PublishConnection, signal?: AbortSignal): Promise<OrgReading> {
    return this.withClient(connection, (client) => this.readOrgWith(client), signal)
  }

  private async readOrgWith(client: CapillaryClient): Promise<OrgReading> {
    const events = await client.listEvents()
    const webhooks = await client.listWebhooks()
    return { events, webhooks }
  }

  private async withClient<T>(
    connection: PublishConnection,
    use: (client: CapillaryClient) => Promise<T>,
    signal?: AbortSignal
  ): Promise<T> {
    const client = connection.client()
    const cancel = () => client.cancel()
    if (signal?.aborted) cancel()
    signal?.addEventListener('abort', cancel, { once: true })
    try {
      return await use(client)
    } catch (error) {
      throw asStudioError(error)
    } finally {
      signal?.removeEventListener('abort', cancel)
      await client.close().catch(() => undefined)
    }
  }

  /** A published event stays published: a later failed run or check only updates its verdict. */
  private saveState(
    repository: PublishStateRepository,
    eventId: string,
    eventName: string,
    profileKey: string,
    stage: PublishStage,
    verdict: PublishVerdict | null | undefined
  ): void {
    const current = repository.get(eventId, profileKey)
    const kept = current?.stage === 'published' ? 'published' : stage
    repository.save({
      eventId,
      eventName,
      profileKey,
      stage: kept,
      ...(verdict !== undefined ? { verdict } : {}),
      now: this.clock.now().toISOString()
    })
    this.bus.emit('publishStateChanged', { profileKey })
  }

  /** Locks the event for the profile (Capillary refuses changes to its fields from now on) and records it. */
  private lock(
    project: OpenedProject,
    eventId: string,
    eventName: string,
    profileKey: string,
    by: string
  ): PublishStateEntry {
    const now = this.clock.now().toISOString()
    const entry = inWriteTransaction(project.db, () => {
      project.events.recordPublication(eventId, { profile: profileKey, publishedAt: now, publishedBy: by })
      return new PublishStateRepository(project.db).save({ eventId, eventName, profileKey, stage: 'published', now })
    })
    this.session.touch()
    this.bus.emit('eventsChanged', { reason: 'updated', id: eventId })
    return entry
  }

  /** Which integrations post through each transformer's webhook: their own when native, else the Custom one. */
  private webhookUsers(project: OpenedProject): Map<TransformerType, string[]> {
    const users = new Map<TransformerType, string[]>()
    const events = project.events.list()
    const integrations = project.integrations.list()
    for (const mapping of project.mappings.list()) {
      const event = events.find((candidate) => candidate.id === mapping.eventId)
      const integration = integrations.find((candidate) => candidate.id === mapping.integrationId)
      if (!event || !integration) continue
      const own = transformerOf(integration.kind)
      const native = capillaryNativeMapping(resolvedSpec({ mapping, event, integration }), event, own).native
      const transformer: TransformerType = native ? own : relayTransformer
      const list = users.get(transformer) ?? []
      if (!list.includes(integration.id)) list.push(integration.id)
      users.set(transformer, list)
    }
    return users
  }

  private timing(): PollTiming {
    return {
      now: this.options.now ?? (() => Date.now()),
      sleep: this.options.sleep ?? abortableSleep,
      intervalMs: this.options.pollIntervalMs ?? 2000,
      timeoutMs: this.options.logsTimeoutMs ?? 120_000
    }
  }

  private requireRun(runId: string): RunRecord {
    const record = this.runs.get(runId)
    if (!record)
      throw new StudioError('not_found', 'That publish run is not known (runs are kept until the studio closes).')
    return record
  }

  private cancelAll(): void {
    for (const record of this.runs.values()) record.controller.abort()
  }
}
