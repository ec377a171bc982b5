import type { CaptureSummary } from '../../shared/model/capture'
import type { Logger } from '../platform/logger'
import { environmentVariableFor, signingSecretName, type SecretStore } from '../secrets/SecretStore'
import type { Clock } from '../services/Clock'
import {
  CaptureRepository,
  captureRow,
  insertCaptureSql,
  type CaptureScope,
  type NewCapture
} from '../store/CaptureRepository'
import type { ProjectDatabase } from '../store/database'
import { startInsertThread, type InsertThread } from '../store/InsertThread'
import { ListenerSettingsRepository } from '../store/ListenerSettingsRepository'
import { buildCapture, type IntakeContext } from './buildCapture'
import { CaptureIndexer } from './CaptureIndexer'
import { IntegrationRoutes } from './IntegrationRoutes'
import { malformedCapture } from './malformedRequest'
import { RetentionPruner } from './RetentionPruner'
import { startWebhookListener } from './WebhookListener'

export interface ProjectListenerOptions {
  db: ProjectDatabase
  secrets: SecretStore
  clock: Clock
  logger: Logger
  host: string
  port: number
  /** How many ports from `port` on to try while busy (1: only `port`). */
  scanPorts: number
  bodyLimitBytes: number
  /** Captures just committed (their senders have their answers). */
  onCaptures?(captures: CaptureSummary[]): void
  /** Captures deleted by retention. */
  onPruned?(deleted: number): void
  /**
   * Aborted when the project closes while the listener is still starting: what holds the file lets go of it before
   * the abort returns, and the start rejects.
   */
  signal?: AbortSignal
}

export interface ProjectListener {
  host: string
  port: number
  url: string
  routes: IntegrationRoutes
  /** Drop the cached integrations and rules (they were changed in this process). */
  invalidate(): void
  /** Applies every retention now, answering how many captures it deleted. */
  pruneNow(): number
  close(): Promise<void>
}

/**
 * A project's webhook listener, as the studio and `capmap listen` both run it: the HTTP server, the project's
 * integrations as routes, signing secrets from the secret store, group commits into the project file, retention.
 */
export async function startProjectListener(options: ProjectListenerOptions): Promise<ProjectListener> {
  // First, and alone, what may be stopped on the way: nothing else is set up for a start that is called off.
  const writer = await startCaptureWriter(options.db, options.logger, options.signal)
  if (options.signal?.aborted) {
    writer?.close()
    throw options.signal.reason
  }
  const captures = new CaptureRepository(options.db)
  const settings = new ListenerSettingsRepository(options.db)
  const routes = new IntegrationRoutes(options.db)
  const pruner = new RetentionPruner({
    captures,
    retentionOf: (scope) =>
      scope.integrationId === null ? settings.unmatchedRetention() : settings.rules(scope.integrationId).retention,
    scopes: () => [{ integrationId: null }, ...routes.all().map((route) => ({ integrationId: route.integrationId }))],
    now: () => options.clock.now(),
    onPruned: (deleted) => options.onPruned?.(deleted),
    onError: (message) => options.logger.warn(message)
  })
  // WAL checkpoints copy pages into the file and fsync it: they run when the listener is quiet, not on a sender's
  // clock (with a ceiling meanwhile), and SQLite's usual setting comes back when the listener stops.
  const autoCheckpoint = options.db.pragma('wal_autocheckpoint', { simple: true }) as number
  options.db.pragma(`wal_autocheckpoint = ${quietCheckpointPages}`)
  const indexer = new CaptureIndexer({
    captures,
    onQuiet: () => options.db.pragma('wal_checkpoint(PASSIVE)'),
    onError: (message) => options.logger.warn(message)
  })
  const restoreCheckpoints = () => {
    if (options.db.open) options.db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`)
  }
  pruner.pruneAll()
  const intakeContext: IntakeContext = {
    routeFor: (pathname) => routes.routeFor(pathname),
    secretFor: (slug) => ({
      secret: options.secrets.get(signingSecretName(slug)),
      // The desktop app keeps secrets in safeStorage: no environment variable supplies them there.
      ...(options.secrets.backend === 'environment'
        ? { environmentVariable: environmentVariableFor(signingSecretName(slug)) }
        : {})
    }),
    bodyLimitBytes: options.bodyLimitBytes
  }
  const stopWriter = () => writer?.close()
  options.signal?.addEventListener('abort', stopWriter, { once: true })
  const server = await startWebhookListener({
    host: options.host,
    port: options.port,
    scanPorts: options.scanPorts,
    bodyLimitBytes: options.bodyLimitBytes,
    now: () => options.clock.now(),
    intake: (request) => buildCapture(request, intakeContext),
    intakeMalformed: (request) => malformedCapture(request, intakeContext),
    commit: (group, done) => {
      if (writer?.isRunning()) return writer.insert(group.map(captureRow), done)
      done(null, captures.insert(group))
    },
    finishCommits: () => writer?.finish(),
    afterCommit: (group, ids) => {
      indexer.note(group.length)
      pruner.note(scopesOf(group))
      options.onCaptures?.(group.map((capture, index) => toSummary(capture, ids[index] ?? '')))
    },
    onError: (message) => options.logger.error(message)
  })
    .then((started) => {
      if (!options.signal?.aborted) return started
      void started.close()
      throw options.signal.reason
    })
    .catch((error: unknown) => {
      pruner.stop()
      indexer.stop()
      restoreCheckpoints()
      writer?.close()
      throw error
    })
    .finally(() => options.signal?.removeEventListener('abort', stopWriter))
  return {
    host: server.host,
    port: server.port,
    url: listenerUrl(server.host, server.port),
    routes,
    invalidate: () => routes.invalidate(),
    pruneNow: () => pruner.pruneAll(),
    close: () => {
      const closed = server.close()
      writer?.close()
      pruner.stop()
      indexer.stop()
      restoreCheckpoints()
      return closed
    }
  }
}

/** While listening, SQLite checkpoints by itself only past this many WAL pages (about 80 MB). */
const quietCheckpointPages = 20_000

/**
 * Captures are written on a thread of their own when the project is a file (see InsertThread); an in-memory
 * database, or a thread that cannot start or has stopped, has them written here, on the main connection, as durably.
 */
async function startCaptureWriter(
  db: ProjectDatabase,
  logger: Logger,
  signal: AbortSignal | undefined
): Promise<InsertThread | undefined> {
  if (db.memory) return undefined
  try {
    return await startInsertThread(
      {
        file: db.name,
        sql: insertCaptureSql,
        autoCheckpointPages: quietCheckpointPages,
        // Under WebEngage's 5 s: a group held up by the main connection fails with a 503 its sender still reads.
        busyTimeoutMs: 4_000
      },
      signal
    )
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    logger.warn(
      `captures are written on the main thread: the writer thread did not start (${(error as Error).message})`
    )
    return undefined
  }
}

/** Where senders reach the listener: `http://127.0.0.1:4890/`, brackets around an IPv6 address. */
export function listenerUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`
}

function scopesOf(group: readonly NewCapture[]): CaptureScope[] {
  const ids = new Set(group.map((capture) => capture.integrationId))
  return [...ids].map((integrationId) => ({ integrationId }))
}

export function toSummary(capture: NewCapture, id: string): CaptureSummary {
  return {
    id,
    receivedAt: capture.receivedAt,
    integrationId: capture.integrationId,
    integration: capture.integrationSlug,
    sourceEvent: capture.sourceEvent,
    method: capture.method,
    path: capture.path,
    contentType: capture.contentType,
    size: capture.size,
    status: capture.status,
    statusReason: capture.statusReason,
    responseStatus: capture.responseStatus,
    verdict: capture.verification.outcome,
    redacted: capture.redacted
  }
}
