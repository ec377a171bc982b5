import type { DueScope, NewOutboxRow, SettledAttempt } from '../store/OutboxRepository'
import { OutboxRepository } from '../store/OutboxRepository'
import type { ProjectDatabase } from '../store/database'
import { RelaySettingsRepository } from '../store/RelaySettingsRepository'
import { createWorkerExpressionEvaluator } from '../engine/createWorkerExpressionEvaluator'
import { walDurability } from '../store/WalDurability'
import { CaptureMapper } from './CaptureMapper'
import { defaultDeliverySchedule, type DeliverySchedule } from './deliverySchedule'
import { DeliveryWorker, type EventPoster } from './DeliveryWorker'
import { OutboxFiller } from './OutboxFiller'

export interface RelayOptions {
  db: ProjectDatabase
  posterFor(profileId: string | null): EventPoster
  /** Which pending rows it delivers (DueScope): with a profile only (the studio's), or some integrations' only. */
  scope?: DueScope
  schedule?: Partial<DeliverySchedule>
  now?: () => number
  random?: () => number
  onSettled?(attempts: readonly SettledAttempt[]): void
  /** New outbox rows (mapped captures, valid or not). */
  onFilled?(written: number): void
  /** Mapped rows that will not be sent (invalid for Capillary, or no mapping applies), each with why. */
  onInvalid?(rows: readonly NewOutboxRow[]): void
  onError(message: string): void
  /** A post found no webhook at its URI (404): ensure the integration's webhook again. */
  onWebhookMissing?(integrationId: string): void
  pollMs?: number
}

export interface RunningRelay {
  /** Captures were committed: map them into the outbox. */
  capturesCommitted(): void
  /** The outbox changed otherwise (retry, replay, settings): look at it now. */
  wake(): void
  pausedUntil(): number | null
  /** Posts sent whose outcome is not committed yet. */
  inFlight(): number
  /** Makes `stop` end without waiting for the posts in flight: their rows stay pending (sent again next time). */
  abandon(): void
  /** Resolves once everything committed so far is mapped (tests, and a clean stop). */
  mapped(): Promise<void>
  stop(): Promise<void>
}

/**
 * The relay of one project file: captures → outbox (OutboxFiller) → Capillary (DeliveryWorker). The studio and
 * `capmap relay` both run it. On start it maps what was committed while no relay ran, and delivers what is pending.
 */
export function startRelay(options: RelayOptions): RunningRelay {
  const now = options.now ?? Date.now
  const evaluator = createWorkerExpressionEvaluator()
  const outbox = new OutboxRepository(options.db)
  const settings = new RelaySettingsRepository(options.db)
  // The relay's commits sync the WAL file on libuv's pool, as the listener's do, never on the event loop the
  // listener answers senders from. Losing the unsynced tail in a power cut loses rows and cursor together: the
  // captures are mapped again and their rows re-sent (at least once).
  const durability = walDurability(options.db)
  const commit = <T>(write: () => T): T => {
    if (!durability) return write()
    const result = durability.commitUnsynced(write)
    durability.sync((error) => {
      if (error) options.onError(`relay: syncing the project file failed: ${error.message}`)
    })
    return result
  }
  const worker = new DeliveryWorker({
    outbox,
    posterFor: options.posterFor,
    schedule: { ...defaultDeliverySchedule, ...options.schedule },
    ...(options.scope ? { scope: options.scope } : {}),
    now,
    random: options.random ?? Math.random,
    onSettled: (attempts) => options.onSettled?.(attempts),
    commit,
    onError: options.onError,
    onWebhookMissing: (row) => {
      // Posted to a URI the webhook was ensured away from meanwhile (a post in flight then): the new URI is known,
      // so the row goes again now rather than after its backoff, without setting the webhook up once more.
      const { webhookUri } = settings.get(row.integrationId)
      if (webhookUri === null || webhookUri === row.webhookUri) return options.onWebhookMissing?.(row.integrationId)
      outbox.dueNow(row.integrationId, new Date(now()))
      worker.wake()
    },
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {})
  })
  const filler = new OutboxFiller({
    outbox,
    settings,
    mapper: new CaptureMapper(options.db, evaluator),
    commit,
    now: () => new Date(now()),
    onFilled: (written, invalid) => {
      options.onFilled?.(written)
      if (invalid.length > 0) options.onInvalid?.(invalid)
      worker.wake()
    },
    onError: options.onError
  })
  void filler.nudge()
  worker.wake()
  return {
    capturesCommitted: () => void filler.nudge(),
    wake: () => worker.wake(),
    pausedUntil: () => worker.pausedUntilTime(),
    inFlight: () => worker.inFlightCount(),
    abandon: () => worker.abandon(),
    mapped: () => filler.nudge(),
    stop: async () => {
      await filler.stop()
      await worker.stop()
      await evaluator.close()
      if (options.db.open) durability?.syncNow()
      durability?.close()
    }
  }
}
