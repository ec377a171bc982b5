import {
  type DueScope,
  deliveryKey,
  type DeliveryOutcome,
  type DueDelivery,
  type OutboxRepository,
  type SettledAttempt
} from '../store/OutboxRepository'
import { judgeFailure, retryDelayMs, type DeliverySchedule } from './deliverySchedule'

/** Posts one payload to a webhook URI; resolves with Capillary's answer, throws a CapillaryError otherwise. */
/** Due rows read per query. */
const readAheadRows = 64

export interface EventPoster {
  postEvent(webHookUri: string, payload: Record<string, unknown>): Promise<{ code: number; message: string }>
}

export interface DeliveryWorkerOptions {
  outbox: OutboxRepository
  /** The poster for a row's connection profile (null: the only one there is, as in `capmap relay --base-url`). */
  posterFor(profileId: string | null): EventPoster
  schedule: DeliverySchedule
  /** Which pending rows it takes: those with a profile only (the studio's), or some integrations' only. */
  scope?: DueScope
  /** Milliseconds since the epoch: the schedule's clock (tests move it by hand). */
  now(): number
  random(): number
  /** Outcomes just committed. */
  onSettled(attempts: readonly SettledAttempt[]): void
  /**
   * Capillary answered 404 at the row's webhook URI: the webhook is gone (replaced, or a restarted sandbox). Told once
   * the row's outcome is committed, so a webhook ensured again from here can make the row due without the commit
   * putting its backoff back.
   */
  onWebhookMissing?(row: DueDelivery): void
  onError(message: string): void
  /** Runs a write transaction (startRelay syncs it off the event loop); default: as is. */
  commit?<T>(write: () => T): T
  /** Outcomes are committed together at most this often (one fsync for many rows). */
  commitEveryMs?: number
  /** The longest sleep between looks at the outbox, so rows due on a moved clock are seen. */
  pollMs?: number
}

/**
 * Delivers the outbox at least once: a row stays pending until Capillary's answer is committed, so a crash at any
 * point sends it again (the same output and `external_event_id`; Capillary's uniqueness check flags it when the
 * event's unique-key attributes tell its occurrences apart, notes §3). Failures wait
 * on the schedule's backoff with jitter, Retry-After when given; 429/502/504 halve the posts in flight and pause the
 * whole sender; after the last attempt a row is a dead letter that keeps its last answer.
 */
export class DeliveryWorker {
  /** Rows sent and not yet committed (their answer may be in): never picked again meanwhile. */
  private readonly inFlight = new Map<string, Promise<void>>()
  /** Posts awaiting their answer: what the window limits. */
  private posting = 0
  /** Due rows read in one query, sent as slots free up. */
  private readAhead: DueDelivery[] = []
  /** Answers in, not yet committed, with the rows they answer. */
  private readonly waiting: { attempt: SettledAttempt; row: DueDelivery }[] = []
  private window: number
  private pausedUntil = 0
  private slowDowns = 0
  private wakeTimer: ReturnType<typeof setTimeout> | undefined
  private commitTimer: ReturnType<typeof setTimeout> | undefined
  private stopped = false
  /** Posts in flight no longer waited for (a second Ctrl+C): their answers are ignored, their rows stay pending. */
  private abandoned = false
  private stopWaiting: (() => void) | undefined

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.window = options.schedule.concurrency
  }

  /** Looks at the outbox now (new rows, a retry, a moved clock): rows read ahead are read again. */
  wake(): void {
    this.readAhead = []
    this.next()
  }

  private next(): void {
    if (this.stopped) return
    clearTimeout(this.wakeTimer)
    this.wakeTimer = undefined
    try {
      this.pump()
    } catch (error) {
      this.options.onError(`relay: reading the outbox failed: ${(error as Error).message}`)
      this.sleep(this.options.pollMs ?? 1000)
    }
  }

  /** No post before this time (a slow-down in force), or null. */
  pausedUntilTime(): number | null {
    return this.pausedUntil > this.options.now() ? this.pausedUntil : null
  }

  inFlightCount(): number {
    return this.inFlight.size
  }

  /** Stops sending, waits for the posts in flight (unless abandoned) and commits their outcomes. */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.wakeTimer)
    if (!this.abandoned) {
      const abandoned = new Promise<void>((resolveAbandoned) => (this.stopWaiting = resolveAbandoned))
      await Promise.race([Promise.allSettled([...this.inFlight.values()]), abandoned])
    }
    this.commit()
  }

  /**
   * Stops waiting for the posts in flight: `stop` ends now, committing only the answers already in. The others'
   * rows stay pending, so the next run sends them again (at least once); their answers, if any come, are ignored.
   */
  abandon(): void {
    this.abandoned = true
    this.stopWaiting?.()
  }

  private pump(): void {
    const now = this.options.now()
    if (this.pausedUntil > now) return this.sleep(this.pausedUntil - now)
    while (Math.floor(this.window) - this.posting > 0) {
      if (this.readAhead.length === 0) {
        // One query for many posts: rows sent or read ahead are left out until their outcome is committed.
        const claimed = new Set([...this.inFlight.keys()])
        this.readAhead = this.options.outbox.due(now, readAheadRows, claimed, this.options.scope)
      }
      const row = this.readAhead.shift()
      if (!row) break
      this.send(row)
    }
    if (this.inFlight.size > 0) return
    const next = this.options.outbox.nextDueAt(this.options.scope)
    this.sleep(next === undefined ? (this.options.pollMs ?? 1000) : Math.max(0, next - now))
  }

  private sleep(ms: number): void {
    if (this.stopped) return
    clearTimeout(this.wakeTimer)
    this.wakeTimer = setTimeout(() => this.next(), Math.min(ms, this.options.pollMs ?? 1000))
    this.wakeTimer.unref?.()
  }

  private send(row: DueDelivery): void {
    const key = deliveryKey(row.captureSeq, row.outputIndex)
    this.posting += 1
    const sent = this.attempt(row).then((outcome) => {
      if (this.abandoned) return
      this.posting -= 1
      const attempt = {
        captureSeq: row.captureSeq,
        outputIndex: row.outputIndex,
        attempts: row.attempts + 1,
        at: this.options.now(),
        outcome
      }
      this.waiting.push({ attempt, row })
      this.scheduleCommit()
      // The slot is free as soon as the answer is in; the row itself waits for its commit.
      this.next()
    })
    this.inFlight.set(key, sent)
  }

  private async attempt(row: DueDelivery): Promise<DeliveryOutcome> {
    const attempts = row.attempts + 1
    try {
      const poster = this.options.posterFor(row.profileId)
      const receipt = await poster.postEvent(row.webhookUri, JSON.parse(row.payload) as Record<string, unknown>)
      this.succeeded()
      return { kind: 'delivered', status: 200, message: `${receipt.code}: ${receipt.message}` }
    } catch (error) {
      const verdict = judgeFailure(error)
      const now = this.options.now()
      if (verdict.slowDown || verdict.retryAfterMs !== undefined) this.slowDown(verdict.retryAfterMs)
      if (verdict.permanent) {
        return { kind: 'dead', status: verdict.status, message: `Capillary refused it: ${verdict.message}` }
      }
      if (attempts >= this.options.schedule.maxAttempts) {
        return {
          kind: 'dead',
          status: verdict.status,
          message: `Gave up after ${attempts} attempts: ${verdict.message}`
        }
      }
      const backoff = retryDelayMs(attempts, this.options.schedule, () => this.options.random())
      const nextAttemptAt = now + Math.max(backoff, verdict.retryAfterMs ?? 0)
      return { kind: 'failed', status: verdict.status, message: verdict.message, nextAttemptAt }
    }
  }

  /** Additive increase: one more post in flight per window's worth of successes, up to the schedule's concurrency. */
  private succeeded(): void {
    this.slowDowns = 0
    this.window = Math.min(this.options.schedule.concurrency, this.window + 1 / Math.max(1, this.window))
  }

  /** Multiplicative decrease, and a pause of the whole sender (Retry-After when given, else a doubling slow-down). */
  private slowDown(retryAfterMs: number | undefined): void {
    const { schedule } = this.options
    const now = this.options.now()
    // Posts already in flight when the pause began answer alike: only a failure after a pause escalates it.
    const escalate = this.pausedUntil <= now
    if (escalate) this.window = Math.max(1, this.window / 2)
    const pause =
      retryAfterMs ?? Math.min(schedule.maxSlowDownMs, schedule.slowDownMs * 2 ** Math.min(this.slowDowns, 20))
    if (escalate) this.slowDowns += 1
    this.pausedUntil = Math.max(this.pausedUntil, now + pause)
  }

  private scheduleCommit(): void {
    if (this.waiting.length >= 200) return this.commit()
    if (this.commitTimer) return
    this.commitTimer = setTimeout(() => this.commit(), this.options.commitEveryMs ?? 10)
  }

  /** Commits the waiting outcomes, then lets their rows be picked again (they were in flight until now). */
  private commit(): void {
    clearTimeout(this.commitTimer)
    this.commitTimer = undefined
    if (this.waiting.length === 0) return
    const answered = this.waiting.splice(0)
    const settled = answered.map(({ attempt }) => attempt)
    try {
      const commit = this.options.commit ?? ((write) => write())
      commit(() => this.options.outbox.settle(settled))
    } catch (error) {
      // Not committed: the rows stay pending and are sent again (at least once).
      this.options.onError(`relay: recording delivery outcomes failed: ${(error as Error).message}`)
    }
    for (const attempt of settled) this.inFlight.delete(deliveryKey(attempt.captureSeq, attempt.outputIndex))
    this.options.onSettled(settled)
    for (const { attempt, row } of answered) {
      if (attempt.outcome.status === 404) this.options.onWebhookMissing?.(row)
    }
    this.next()
  }
}
