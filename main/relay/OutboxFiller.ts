import type { NewOutboxRow, OutboxRepository } from '../store/OutboxRepository'
import type { RelaySettingsRepository } from '../store/RelaySettingsRepository'
import type { CaptureMapper } from './CaptureMapper'

export interface OutboxFillerOptions {
  outbox: OutboxRepository
  settings: RelaySettingsRepository
  mapper: CaptureMapper
  now: () => Date
  /** Rows were written (the worker has work); `invalid` are the mapped rows that will not be sent, and why. */
  onFilled(written: number, invalid: readonly NewOutboxRow[]): void
  onError(message: string): void
  /** Runs a write transaction (startRelay syncs it off the event loop); default: as is. */
  commit?<T>(write: () => T): T
  /** Captures mapped per transaction. */
  batchSize?: number
}

/**
 * Moves committed captures into the outbox behind the listener: the sender already has its answer, so mapping never
 * delays it. It reads from the cursor kept in the project, so a capture committed just before a crash (or while no
 * relay ran) is mapped on the next start; rows and cursor move in one transaction.
 */
export class OutboxFiller {
  private running: Promise<void> | undefined
  private again = false
  private stopped = false

  constructor(private readonly options: OutboxFillerOptions) {}

  /** Maps whatever was committed since the cursor; calls while it runs make it go round once more. */
  nudge(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.drain()
      .catch((error: unknown) => this.options.onError(`relay: mapping captures failed: ${(error as Error).message}`))
      .finally(() => {
        this.running = undefined
      })
    return this.running
  }

  async stop(): Promise<void> {
    this.stopped = true
    await this.running
  }

  private async drain(): Promise<void> {
    const { outbox, settings, mapper } = this.options
    const batchSize = this.options.batchSize ?? 200
    do {
      this.again = false
      for (;;) {
        if (this.stopped) return
        const through = outbox.processedThrough()
        const captures = outbox.capturesAfter(through, batchSize)
        const last = captures[captures.length - 1]
        if (!last) break
        const relaying = settings.relayingFrom()
        mapper.refresh()
        const rows: NewOutboxRow[] = []
        for (const capture of captures) {
          const from = capture.integrationId === null ? undefined : relaying.get(capture.integrationId)
          if (from === undefined || capture.seq <= from) continue
          rows.push(...(await mapper.outputsOf(capture)))
        }
        if (this.stopped) return
        const commit = this.options.commit ?? ((write) => write())
        const written = commit(() => outbox.recordMapped(rows, last.seq, this.options.now()))
        if (written > 0)
          this.options.onFilled(
            written,
            rows.filter((row) => row.status === 'invalid')
          )
        if (captures.length < batchSize) break
      }
    } while (this.again)
  }
}
