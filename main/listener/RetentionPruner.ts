import type { Retention } from '../../shared/model/listenerSettings'
import type { CaptureRepository, CaptureScope } from '../store/CaptureRepository'

export interface RetentionPrunerOptions {
  captures: CaptureRepository
  /** The retention of a scope now (it may change while the listener runs). */
  retentionOf(scope: CaptureScope): Retention
  /** Every scope with a retention, for the periodic pass (days-based retention ages without new captures). */
  scopes(): CaptureScope[]
  now(): Date
  onPruned(deleted: number): void
  onError(message: string): void
  /** Quiet time after new captures before their scopes are pruned: pruning never delays a sender's answer. */
  delayMs?: number
  periodMs?: number
}

/** Applies per-integration retention after captures arrive (debounced) and periodically, never on the sender's clock. */
export class RetentionPruner {
  private readonly touched = new Map<string, CaptureScope>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly periodic: ReturnType<typeof setInterval>
  private stopped = false

  constructor(private readonly options: RetentionPrunerOptions) {
    this.periodic = setInterval(() => this.pruneAll(), options.periodMs ?? 10 * 60_000)
    this.periodic.unref()
  }

  /** Captures arrived in these scopes: prune them shortly. */
  note(scopes: readonly CaptureScope[]): void {
    // A group committed while the listener was closing: its project may be closing too.
    if (this.stopped) return
    for (const scope of scopes) this.touched.set(scope.integrationId ?? '', scope)
    if (this.timer) return
    this.timer = setTimeout(() => this.pruneTouched(), this.options.delayMs ?? 1_000)
    this.timer.unref()
  }

  pruneAll(): number {
    return this.prune(this.options.scopes())
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
    clearInterval(this.periodic)
  }

  private pruneTouched(): void {
    this.timer = undefined
    const scopes = [...this.touched.values()]
    this.touched.clear()
    this.prune(scopes)
  }

  private prune(scopes: readonly CaptureScope[]): number {
    let deleted = 0
    try {
      for (const scope of scopes) {
        deleted += this.options.captures.prune(scope, this.options.retentionOf(scope), this.options.now())
      }
    } catch (error) {
      this.options.onError(`retention could not be applied: ${(error as Error).message}`)
    }
    if (deleted > 0) this.options.onPruned(deleted)
    return deleted
  }
}
