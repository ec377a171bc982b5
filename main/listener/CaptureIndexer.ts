import type { CaptureRepository } from '../store/CaptureRepository'

export interface CaptureIndexerOptions {
  captures: CaptureRepository
  /** The index has caught up and captures have stopped arriving for a moment: other housekeeping may run. */
  onQuiet?(): void
  onError(message: string): void
  /** Quiet time after the last capture before the index catches up. */
  idleMs?: number
  /** Under a load that never pauses, the index still catches up once this many captures wait. */
  maxBacklog?: number
}

/**
 * Fills the search index behind the listener, off the sender's clock: once captures stop arriving for a moment,
 * in small transactions that yield between them. When captures arrive again it stops after the current one and
 * waits for the next pause, unless the backlog has reached its ceiling. Searches never depend on it: a search
 * first indexes whatever is still pending.
 */
export class CaptureIndexer {
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private running = false
  private stopped = false
  private sinceCheck = 0
  /** Captures arrived since the catch-up under way began: it gives way to them. */
  private interrupted = false
  /** The catch-up under way was forced by the backlog's ceiling: it runs to the end. */
  private forced = false

  constructor(private readonly options: CaptureIndexerOptions) {}

  /** Captures were just committed. */
  note(count = 1): void {
    if (this.stopped) return
    this.interrupted = true
    clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => this.catchUp(), this.options.idleMs ?? 100)
    this.idleTimer.unref()
    this.sinceCheck += count
    const maxBacklog = this.options.maxBacklog ?? 50_000
    if (this.sinceCheck < maxBacklog / 10) return
    this.sinceCheck = 0
    if ((this.safely(() => this.options.captures.pendingIndex()) ?? 0) >= maxBacklog) this.catchUp(true)
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.idleTimer)
  }

  private catchUp(forced = false): void {
    this.forced ||= forced
    if (this.running || this.stopped) return
    this.running = true
    this.interrupted = false
    const step = () => {
      if (this.interrupted && !this.forced) {
        this.running = false
        return // the idle timer set by the last capture starts the next catch-up
      }
      const indexed = this.stopped ? 0 : (this.safely(() => this.options.captures.indexPending(200)) ?? 0)
      if (indexed > 0) return void setImmediate(step)
      this.running = false
      this.forced = false
      if (!this.stopped) this.safely(() => this.options.onQuiet?.())
    }
    step()
  }

  private safely<T>(work: () => T): T | undefined {
    try {
      return work()
    } catch (error) {
      this.options.onError(`search index could not be updated: ${(error as Error).message}`)
      return undefined
    }
  }
}
