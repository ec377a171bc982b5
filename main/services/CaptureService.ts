import type { CaptureDetail, CapturePage, CaptureSelection } from '../../shared/model/capture'
import {
  shapeSampleLimit,
  type CaptureDeletion,
  type CaptureRate,
  type CaptureReplay,
  type CaptureShape,
  type CaptureView,
  type ListenerReply,
  type PayloadSample,
  type ResendMode
} from '../../shared/model/captureInbox'
import type { ListenerStatus } from '../../shared/model/listenerSettings'
import { StudioError } from '../errors/StudioError'
import { captureDetail } from '../listener/captureDetail'
import { capturedContent, decodeCapturedBody } from '../engine/decodeCapturedBody'
import { hooksPrefix } from '../listener/IntegrationRoutes'
import { redactedValue } from '../listener/redactCapture'
import { signingSecretName, type SecretStore } from '../secrets/SecretStore'
import type { CaptureFilter, StoredCapture } from '../store/CaptureRepository'
import { CaptureInboxSettings } from './CaptureInboxSettings'
import { replayCapture } from './CaptureReplay'
import { CaptureSamples, shippedSamples } from './CaptureSamples'
import { captureShape, shapeValueOf, type DecodedCapture } from './captureShape'
import { captureView } from './captureView'
import { CaptureTrash } from './CaptureTrash'
import type { Clock } from './Clock'
import type { OpenedProject, ProjectSession } from './ProjectSession'
import { sendToListener } from './sendToListener'
import type { ServerEventBus } from './ServerEventBus'
import { signForListener } from './signForListener'

/** What the inbox needs beyond the project: time and ids, the signing secrets, and where the listener is. */
export interface CaptureServiceDependencies {
  clock: Clock
  secrets: SecretStore
  listenerStatus(): ListenerStatus
  /** What the listener committed per minute (it counts what retention deleted since), oldest first. */
  receivedPerMinute(from: Date, minutes: number): number[]
}

/** Marks a request the studio sent again, naming the capture it came from. */
const resentHeader = 'X-Capmap-Resent-From'
/** Decoded captures kept for the shape, per project: more than one integration's worth. */
const shapeCacheSize = 2_000
/** A capture the shape cannot read (no body, not decodable, plain text). */
const unreadable = Symbol('unreadable')

/** How many of the newest captures the status bar's rate reads at most (a bound on its cost under floods). */
const rateScanLimit = 20_000

/**
 * The project's captured requests: listed by keyset, searched, read in full, deleted (with undo), replayed through
 * the mappings, sent again to the listener, saved as samples, and read for their shape.
 */
export class CaptureService {
  private readonly shapeValues = new WeakMap<object, Map<string, unknown>>()

  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly dependencies: CaptureServiceDependencies
  ) {}

  list(filter: CaptureFilter): CapturePage {
    return this.session.require().captures.list(filter)
  }

  get(id: string): CaptureDetail {
    return captureDetail(this.stored(id))
  }

  /** The capture as the inbox shows it: its body's views cut for an editor. */
  view(id: string): CaptureView {
    const detail = this.get(id)
    return captureView(detail, this.signingSchemeOf(detail.integrationId))
  }

  /** Deletes for good (the CLI, retention-like clean-ups). */
  delete(selection: CaptureSelection): { deleted: number } {
    const captures = this.session.require({ forWriting: true }).captures
    const deleted =
      'ids' in selection
        ? captures.delete(selection.ids)
        : captures.deleteAll(
            selection.integrationId === undefined ? undefined : { integrationId: selection.integrationId }
          )
    if (deleted > 0) this.bus.emit('capturesDeleted', { count: deleted })
    return { deleted }
  }

  /** Deletes so that `restore` can put the very same captures back for a few minutes (the inbox's delete). */
  discard(selection: CaptureSelection): CaptureDeletion {
    const project = this.session.require({ forWriting: true })
    const { clock } = this.dependencies
    const undoId = clock.newId()
    const deleted = new CaptureTrash(project.db).discard(
      undoId,
      'ids' in selection ? { ids: selection.ids } : { integrationId: selection.integrationId },
      clock.now()
    )
    if (deleted === 0) return { deleted, undoId: null }
    this.bus.emit('capturesDeleted', { count: deleted })
    return { deleted, undoId }
  }

  restore(undoId: string): { restored: number } {
    const project = this.session.require({ forWriting: true })
    const trash = new CaptureTrash(project.db)
    if (!trash.holds(undoId)) {
      throw new StudioError('not_found', 'Those captures can no longer be put back (the undo lasts ten minutes).')
    }
    const restored = trash.restore(undoId, this.dependencies.clock.now())
    if (restored > 0) this.bus.emit('capturesRestored', { count: restored })
    return { restored }
  }

  /** Runs the capture's body (or an edited one: the stored capture never changes) through its integration's mappings. */
  async replay(id: string, editedBody?: string): Promise<CaptureReplay> {
    const project = this.session.require()
    const stored = this.stored(id)
    const body = editedBody === undefined ? this.bodyOf(stored) : Buffer.from(editedBody, 'utf8')
    if (stored.integrationId !== null && this.captureOnly().includes(stored.integrationId)) {
      return {
        captureId: id,
        integration: { id: stored.integrationId, name: project.integrations.get(stored.integrationId)?.name ?? '' },
        decodeError: null,
        mappings: [],
        message: 'This integration only captures (Capillary notifications): it has no mapping to replay through.'
      }
    }
    return replayCapture(project, {
      captureId: id,
      integrationId: stored.integrationId,
      integrationSlug: stored.integration,
      contentType: stored.contentType,
      // An edited body is typed as text: plain content, whatever coding the original came in.
      headers: editedBody === undefined ? stored.headers : [],
      body
    })
  }

  /** Sends the capture to the listener again over HTTP: as stored, or re-signed with a fresh timestamp. */
  async resend(id: string, mode: ResendMode, editedBody?: string): Promise<ListenerReply> {
    const project = this.session.require()
    const { clock, listenerStatus } = this.dependencies
    const stored = this.stored(id)
    const body = editedBody === undefined ? this.bodyOf(stored) : Buffer.from(editedBody, 'utf8')
    // An edited body is plain text: the original's Content-Encoding no longer describes it.
    const dropped = new Set([resentHeader.toLowerCase(), ...(editedBody === undefined ? [] : ['content-encoding'])])
    const headers = [
      ...stored.headers.filter(([name]) => !dropped.has(name.toLowerCase())),
      [resentHeader, id] as [string, string]
    ]
    let request = { query: stored.query, headers, body, note: null as string | null }
    if (mode === 'resigned') {
      if (stored.integrationId === null) {
        throw new StudioError('invalid_input', 'No integration received this capture: there is no secret to sign with.')
      }
      request = this.signFor(project, stored.integrationId, request, clock.now())
    } else if (stored.redacted && editedBody === undefined) {
      request.note = 'Sent the redacted body: the original bytes were not kept.'
    }
    if (stored.headers.some(([, value]) => value.includes(redactedValue))) {
      const headersNote = 'Headers redacted when captured were sent as stored.'
      request.note = request.note === null ? headersNote : `${request.note} ${headersNote}`
    }
    return sendToListener(listenerStatus(), { method: stored.method, path: stored.path, ...request })
  }

  /** Sends a payload (a shipped or saved sample, or pasted) to an integration's listener path, as its sender would. */
  async sendTest(input: { integrationId: string; contentType: string; body: string; signed: boolean }) {
    const project = this.session.require()
    const { clock, listenerStatus } = this.dependencies
    const integration = project.integrations.get(input.integrationId)
    if (!integration) throw new StudioError('not_found', 'That integration no longer exists.')
    let request = {
      query: [] as [string, string][],
      headers: [
        ['Content-Type', input.contentType],
        ['User-Agent', 'Capillary Mapping Studio test payload']
      ] as [string, string][],
      body: Buffer.from(input.body, 'utf8'),
      note: null as string | null
    }
    if (input.signed) request = this.signFor(project, integration.id, request, clock.now())
    return sendToListener(listenerStatus(), { method: 'POST', path: `${hooksPrefix}${integration.slug}`, ...request })
  }

  samples(): PayloadSample[] {
    return [...new CaptureSamples(this.session.require().db).list(), ...shippedSamples()]
  }

  saveSample(captureId: string, name: string): PayloadSample {
    const project = this.session.require({ forWriting: true })
    const { clock } = this.dependencies
    const stored = this.stored(captureId)
    const sample = new CaptureSamples(project.db).save({
      id: clock.newId(),
      name,
      integrationId: stored.integrationId,
      contentType: stored.contentType ?? 'application/octet-stream',
      body: this.contentOf(stored),
      createdAt: clock.now().toISOString()
    })
    this.session.touch()
    return sample
  }

  deleteSample(id: string): { id: string } {
    const project = this.session.require({ forWriting: true })
    if (!new CaptureSamples(project.db).delete(id)) throw new StudioError('not_found', 'That sample no longer exists.')
    this.session.touch()
    return { id }
  }

  /**
   * The inferred shape of an integration's newest decodable captures, and where it drifted. Captures never change,
   * so each one is decoded once and kept (as the shape reads it) for the next refresh: a refresh costs the new ones.
   */
  shape(integrationId: string): CaptureShape {
    const project = this.session.require()
    if (!project.integrations.get(integrationId))
      throw new StudioError('not_found', 'That integration no longer exists.')
    let cache = this.shapeValues.get(project.db)
    if (!cache) {
      cache = new Map()
      this.shapeValues.set(project.db, cache)
    }
    const { items } = project.captures.list({ limit: shapeSampleLimit, integrationId, statuses: ['ok'] })
    const captures: DecodedCapture[] = []
    for (const summary of items.reverse()) {
      let value = cache.get(summary.id)
      if (value === undefined) {
        value = this.shapeValue(project.captures.get(summary.id))
        cache.set(summary.id, value)
        if (cache.size > shapeCacheSize) cache.delete(cache.keys().next().value ?? '')
      }
      if (value !== unreadable) captures.push({ id: summary.id, receivedAt: summary.receivedAt, value })
    }
    return captureShape(integrationId, captures)
  }

  private shapeValue(stored: StoredCapture | undefined): unknown {
    if (!stored?.body) return unreadable
    const decoded = decodeCapturedBody(stored.body, stored.contentType ?? undefined, stored.headers)
    if (decoded.error !== undefined || decoded.kind === 'text' || decoded.kind === 'empty') return unreadable
    return shapeValueOf(decoded.value)
  }

  /**
   * Captures per minute over the last `minutes` minutes (this one included), oldest first: those in the file, or
   * those the listener counted as it committed them when that is more (retention deleted some since).
   */
  rate(minutes: number): CaptureRate {
    const project = this.session.require()
    const now = this.dependencies.clock.now()
    const first = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - (minutes - 1) * 60_000)
    const rows = project.db
      .prepare(
        `SELECT substr(received_at, 1, 16) AS minute, count(*) AS n
         FROM (SELECT received_at FROM captures ORDER BY seq DESC LIMIT ?)
         WHERE received_at >= ? GROUP BY minute`
      )
      .all(rateScanLimit, first.toISOString()) as { minute: string; n: number }[]
    const perMinute = this.dependencies.receivedPerMinute(first, minutes)
    for (const row of rows) {
      const index = Math.round((Date.parse(`${row.minute}:00.000Z`) - first.getTime()) / 60_000)
      if (index >= 0 && index < minutes) perMinute[index] = Math.max(perMinute[index] ?? 0, row.n)
    }
    return { from: first.toISOString(), perMinute }
  }

  /** The integrations that only capture (Capillary's Event Notifications): never mapped, never relayed. */
  captureOnly(): string[] {
    return new CaptureInboxSettings(this.session.require().db).captureOnlyIds()
  }

  setCaptureOnly(integrationId: string, captureOnly: boolean): string[] {
    const project = this.session.require({ forWriting: true })
    if (!project.integrations.get(integrationId))
      throw new StudioError('not_found', 'That integration no longer exists.')
    const settings = new CaptureInboxSettings(project.db)
    settings.setCaptureOnly(integrationId, captureOnly)
    this.session.touch()
    this.bus.emit('integrationsChanged', { id: integrationId })
    return settings.captureOnlyIds()
  }

  publicUrl(): { publicUrl: string | null } {
    return { publicUrl: new CaptureInboxSettings(this.session.require().db).publicUrl() }
  }

  setPublicUrl(url: string | null): { publicUrl: string | null } {
    const project = this.session.require({ forWriting: true })
    const stored = url === null || url === '' ? null : url.replace(/\/+$/, '')
    new CaptureInboxSettings(project.db).savePublicUrl(stored)
    this.session.touch()
    return { publicUrl: stored }
  }

  private signFor<R extends { query: [string, string][]; headers: [string, string][]; body: Buffer }>(
    project: OpenedProject,
    integrationId: string,
    request: R,
    now: Date
  ): R & { note: string } {
    const integration = project.integrations.get(integrationId)
    if (!integration) throw new StudioError('not_found', 'The integration of this capture no longer exists.')
    const { verification } = project.listenerSettings.rules(integrationId)
    const secret = this.dependencies.secrets.get(signingSecretName(integration.slug))
    const signed = signForListener(verification, secret, request, now)
    return { ...request, query: signed.query, headers: signed.headers, note: signed.note }
  }

  /** How a re-send to this integration is signed: its verification now; null when there is no such integration. */
  private signingSchemeOf(integrationId: string | null): CaptureView['signedAs'] {
    const project = this.session.require()
    if (integrationId === null || !project.integrations.get(integrationId)) return null
    return project.listenerSettings.rules(integrationId).verification.scheme
  }

  private stored(id: string): StoredCapture {
    const stored = this.session.require().captures.get(id)
    if (!stored) throw new StudioError('not_found', 'That capture no longer exists (deleted, or removed by retention).')
    return stored
  }

  private bodyOf(stored: StoredCapture): Buffer {
    if (stored.body === null) {
      throw new StudioError('invalid_input', 'The body of this capture was not kept (it was over the body limit).')
    }
    return stored.body
  }

  /** The body as its Content-Type describes it (content coding removed): what a sample keeps. */
  private contentOf(stored: StoredCapture): Uint8Array {
    const content = capturedContent(this.bodyOf(stored), stored.headers)
    if (!content.ok) throw new StudioError('invalid_input', `${content.error}.`)
    return content.content
  }
}
