/** Faults the sandbox injects on Capillary's endpoints (never on its own `/sandbox/` ones). */
export interface SandboxFaults {
  /** Share of calls answered 500 or 503, from 0 to 1. */
  failRate: number
  /** Delay before every answer, in milliseconds. */
  latencyMs: number
  /** Share of calls whose connection is dropped without an answer, from 0 to 1. */
  dropRate: number
  /** Calls a minute per API key (till or OAuth key) before 429; 0 turns the limit off. */
  rateLimitPerMinute: number
}

export const noFaults: SandboxFaults = { failRate: 0, latencyMs: 0, dropRate: 0, rateLimitPerMinute: 0 }

/** What to do with one call, decided before it is handled. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'fail'; status: number; retryAfterSeconds?: number }
  | { kind: 'rateLimited'; retryAfterSeconds: number }

export interface ScheduledFailure {
  status: number
  retryAfterSeconds?: number
}

/**
 * Decides the faults of each call: scheduled failures first (tests use them to be exact), then drops, the rate
 * limit (a fixed one-minute window per key, notes §9: "100 requests per minute per API key" on demo clusters), and
 * random failures. `random` and `now` are injected so tests are deterministic.
 */
export class FaultInjector {
  private faults: SandboxFaults
  private readonly scheduled: ScheduledFailure[] = []
  private readonly windows = new Map<string, { startedAt: number; count: number }>()

  constructor(
    initial: Partial<SandboxFaults>,
    private readonly random: () => number,
    private readonly now: () => number
  ) {
    this.faults = { ...noFaults, ...initial }
  }

  current(): SandboxFaults {
    return { ...this.faults }
  }

  update(changes: Partial<SandboxFaults>): SandboxFaults {
    this.faults = { ...this.faults, ...changes }
    if (changes.rateLimitPerMinute !== undefined) this.windows.clear()
    return this.current()
  }

  /** The next `count` calls fail with `status` (and a Retry-After when given). */
  failNext(count: number, failure: ScheduledFailure): void {
    for (let index = 0; index < count; index += 1) this.scheduled.push(failure)
  }

  /** `rateKey` null: a call the rate limit does not apply to (posting event data: "Rate limit NA", notes §7). */
  decide(rateKey: string | null): FaultDecision {
    const scheduled = this.scheduled.shift()
    if (scheduled) return { kind: 'fail', ...scheduled }
    if (this.faults.dropRate > 0 && this.random() < this.faults.dropRate) return { kind: 'drop' }
    const limited = rateKey === null ? undefined : this.rateLimit(rateKey)
    if (limited) return limited
    if (this.faults.failRate > 0 && this.random() < this.faults.failRate) {
      return { kind: 'fail', status: this.random() < 0.5 ? 500 : 503 }
    }
    return { kind: 'none' }
  }

  private rateLimit(key: string): FaultDecision | undefined {
    const limit = this.faults.rateLimitPerMinute
    if (limit <= 0) return undefined
    const now = this.now()
    const window = this.windows.get(key)
    if (!window || now - window.startedAt >= 60_000) {
      this.windows.set(key, { startedAt: now, count: 1 })
      return undefined
    }
    window.count += 1
    if (window.count <= limit) return undefined
    return { kind: 'rateLimited', retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + 60_000 - now) / 1000)) }
  }
}
