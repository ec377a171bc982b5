import type { RemoteEvent } from '../capillary/client/responses'
import { PublishCancelled, type PollTiming } from './pollLogVerdict'
import { remoteStateOf } from './planPublish'

/**
 * Capillary documents no publish API (notes §1, §12.4): a person clicks Publish in InTouch. This polls
 * `GET /v2/events` until the event shows `status: PUBLISHED`, for at most `waitMs`; true once it does.
 */
export async function waitForPublished(
  client: { listEvents(): Promise<RemoteEvent[]> },
  eventName: string,
  timing: PollTiming,
  waitMs: number,
  signal: AbortSignal
): Promise<boolean> {
  const deadline = timing.now() + waitMs
  for (;;) {
    if (signal.aborted) throw new PublishCancelled()
    const remote = (await client.listEvents()).find((event) => event.eventName === eventName)
    if (remoteStateOf(remote) === 'published') return true
    if (timing.now() >= deadline) return false
    await timing.sleep(timing.intervalMs, signal)
  }
}
