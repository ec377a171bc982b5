import { isDeepStrictEqual } from 'node:util'
import type { PublishVerdict } from '../../shared/model/publish'
import type { EventLogEntry } from '../capillary/client/responses'

/** Time, waiting and patience of the polls, injected so tests run them without real waits. */
export interface PollTiming {
  now(): number
  sleep(ms: number, signal: AbortSignal): Promise<void>
  intervalMs: number
  timeoutMs: number
}

export interface LogReader {
  getEventLogs(query: { eventName?: string; fromDate?: string; limit?: number }): Promise<EventLogEntry[]>
}

export interface PostedTest {
  eventName: string
  /** The id Capillary answered the post with (BEREF 25 `requestId`, or x-cap-hydra-request-id). */
  requestId: string | undefined
  payload: Record<string, unknown>
  postedAt: number
}

/** Thrown when a run is cancelled between two polls. */
export class PublishCancelled extends Error {
  constructor() {
    super('Cancelled.')
  }
}

// Statuses that are a stage of processing rather than its end (SLATE:L4946 running_status states).
const inProgress = (status: string) => /_STARTED$|PROCESSING|QUEUED|PENDING/i.test(status)

/** The UTC day before the post: the logs' from_date format is undocumented (notes §13), a day is the safe unit. */
const fromDateOf = (postedAt: number) => new Date(postedAt - 60_000).toISOString().slice(0, 10)

function isOurs(entry: EventLogEntry, posted: PostedTest): boolean {
  if (posted.requestId !== undefined && entry.id === posted.requestId) return true
  // Without an id to match, the entry that carries our payload as its inputRequest (BEREF 18), posted after us.
  return (
    (entry.startTime === undefined || entry.startTime >= posted.postedAt - 5_000) &&
    isDeepStrictEqual(entry.input, posted.payload)
  )
}

/**
 * Polls `GET /v2/events/logs` until the test post shows an outcome (notes §7, §7.1: ingestion is asynchronous and
 * the post's answer says only "queued"): EVENT_SUCCESS, or a failure status with Capillary's message. A post that
 * never shows within the timeout is the studio's own LOGS_TIMEOUT.
 */
export async function pollLogVerdict(
  logs: LogReader,
  posted: PostedTest,
  timing: PollTiming,
  signal: AbortSignal
): Promise<PublishVerdict> {
  const deadline = timing.now() + timing.timeoutMs
  const fromDate = fromDateOf(posted.postedAt)
  for (;;) {
    if (signal.aborted) throw new PublishCancelled()
    // By event name first; a post the org could not match to an event is logged under the source's name.
    let entry = (await logs.getEventLogs({ eventName: posted.eventName, fromDate, limit: 50 })).find((candidate) =>
      isOurs(candidate, posted)
    )
    entry ??= (await logs.getEventLogs({ fromDate, limit: 50 })).find((candidate) => isOurs(candidate, posted))
    if (entry && !inProgress(entry.status)) {
      return { ok: entry.status === 'EVENT_SUCCESS', status: entry.status, message: entry.message }
    }
    if (timing.now() >= deadline) {
      return {
        ok: false,
        status: 'LOGS_TIMEOUT',
        message:
          `The logs did not show the test post within ${Math.round(timing.timeoutMs / 1000)} s: Capillary may still ` +
          'be processing it. Check its logs later, or publish again.'
      }
    }
    await timing.sleep(timing.intervalMs, signal)
  }
}

/** A sleep that ends early when the run is cancelled. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
