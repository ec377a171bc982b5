import type { PublishStage, PublishStep, PublishVerdict } from '../../shared/model/publish'
import type { TransformerType, WebhookSettings } from '../../shared/model/webhookSettings'
import type { CapillaryClient } from '../capillary/client/CapillaryClient'
import { CapillaryError } from '../capillary/client/CapillaryError'
import { ensureWebhook } from '../capillary/ensureWebhook'
import { StudioError } from '../errors/StudioError'
import type { PlannedEvent } from './planPublish'
import { PublishCancelled, pollLogVerdict, type PollTiming } from './pollLogVerdict'
import { sendDefinition } from './sendDefinition'
import { waitForPublished } from './waitForPublished'

/** Where a run's steps report to: progress for the UI or CLI, and the project's publish state. */
export interface PublishSink {
  progress(step: PublishStep, message: string, end?: { verdict: PublishVerdict }): void
  saveState(stage: PublishStage, verdict?: PublishVerdict | null): void
  saveWebhook(transformer: TransformerType, webHookUri: string): void
  /** PUBLISHED seen: the event is locked for the profile. */
  lock(): void
}

export interface ExecuteOptions {
  client: CapillaryClient
  tillCode: string
  webhookSettings: readonly WebhookSettings[]
  timing: PollTiming
  signal: AbortSignal
  /** A wait for PUBLISHED follows (awaitPublished, once every event of the run is verified). */
  willWait: boolean
  profileName: string
}

const inTouchStep =
  'Now publish it in InTouch (Organization Settings > Master Data Management > Data Model > Behavioral Events: ' +
  'refresh the page, then Publish); the studio then sees PUBLISHED and locks it, or mark it published by hand.'

/** A failed call as a verdict: Capillary's own words (CapillaryError messages carry them, secrets removed). */
function verdictOf(error: unknown, doing: string): PublishVerdict {
  if (error instanceof PublishCancelled) {
    return { ok: false, status: 'CANCELLED', message: `Cancelled while ${doing}: publish again to finish.` }
  }
  if (error instanceof CapillaryError) {
    return { ok: false, status: error.kind.toUpperCase(), message: `While ${doing}: ${error.message}` }
  }
  if (error instanceof StudioError) return { ok: false, status: 'INVALID_INPUT', message: error.message }
  return { ok: false, status: 'INTERNAL', message: `While ${doing}: ${(error as Error).message}` }
}

/**
 * Publishes one planned event (issue 10, steps 1-5): local checks, the definition (create, replace whole, or enable
 * then replace), each needed webhook (its URI kept as Capillary answered), the adapter mapping of native
 * integrations, a test post per integration and the logs' verdict on it; then the manual publish in InTouch is
 * the user's (awaitPublished watches for it). Stops at the first failure; returns the verdict.
 */
export async function executePublish(planned: PlannedEvent, options: ExecuteOptions, sink: PublishSink) {
  const { client, signal } = options
  const { shown, event, deliveries } = planned
  const fail = (verdict: PublishVerdict): PublishVerdict => {
    sink.saveState('failed', verdict)
    sink.progress('failed', verdict.message, { verdict })
    return verdict
  }
  const checkCancelled = () => {
    if (signal.aborted) throw new PublishCancelled()
  }

  if (!shown.ready) {
    return fail({
      ok: false,
      status: 'LOCAL_CHECKS',
      message: shown.blockers.map((blocker) => blocker.message).join(' ')
    })
  }
  sink.progress('local_checks', `${event.name} passes the local checks.`)

  let doing = 'sending the definition'
  try {
    checkCancelled()
    if (shown.action === 'none') {
      sink.progress('definition', `The org already has ${event.name} as designed: no definition to send.`)
    } else {
      const { ack, recovered } = await sendDefinition(client, event, shown.action === 'replace' ? 'replace' : 'create')
      const said =
        (recovered ? ` ${recovered}` : '') +
        (ack.warnings.length > 0 ? ` Capillary warns: ${ack.warnings.join(' ')}` : '')
      const what = {
        create: 'Created',
        replace: 'Replaced (whole field list)',
        enable: 'Enabled',
        enable_then_replace: 'Enabled, then replaced with the custom attributes'
      }[shown.action]
      sink.progress('definition', `${what}: ${event.name}.${said}`)
    }
    sink.saveState('accepted', null)

    doing = 'ensuring the webhook'
    const uris = new Map<TransformerType, string>()
    for (const delivery of deliveries) {
      if (uris.has(delivery.transformer)) continue
      checkCancelled()
      const settings = options.webhookSettings.find((entry) => entry.transformer === delivery.transformer)
      if (!settings) throw new StudioError('internal', `No webhook settings for ${delivery.transformer}.`)
      const uri = await ensureWebhook(client, settings, options.tillCode)
      uris.set(delivery.transformer, uri)
      sink.saveWebhook(delivery.transformer, uri)
      sink.progress('webhook', `The ${delivery.transformer} webhook: ${uri}`)
    }

    doing = 'writing the adapter mapping'
    for (const delivery of deliveries) {
      checkCancelled()
      if (delivery.adapterBody) {
        await client.saveAdapterMapping(delivery.adapterBody)
        sink.progress('adapter_mapping', `${delivery.integrationName}: Capillary's adapter mapping written.`)
      } else {
        sink.progress(
          'adapter_mapping',
          `${delivery.integrationName}: relayed by the studio (${delivery.reasons[0] ?? 'not a plain rename'}).`
        )
      }
    }

    let verdict: PublishVerdict | undefined
    for (const delivery of deliveries) {
      if (!delivery.testPayload) continue
      const uri = uris.get(delivery.transformer)
      if (!uri) continue
      checkCancelled()
      doing = 'test-posting'
      const postedAt = options.timing.now()
      const receipt = await client.postEvent(uri, delivery.testPayload.payload)
      sink.progress(
        'test_post',
        `${delivery.integrationName}: posted "${delivery.testPayload.testCaseName}" to the ${delivery.transformer} ` +
          `webhook (${receipt.code} ${receipt.message}).`
      )
      doing = 'reading the logs'
      verdict = await pollLogVerdict(
        client,
        { eventName: event.name, requestId: receipt.requestId, payload: delivery.testPayload.payload, postedAt },
        options.timing,
        signal
      )
      if (!verdict.ok) return fail({ ...verdict, message: `${verdict.status}: ${verdict.message}` })
      sink.progress('logs', `${delivery.integrationName}: ${verdict.status} (${verdict.message}).`)
    }
    if (!verdict) throw new StudioError('invalid_input', `${event.name} has no test post to verify it with.`)

    if (shown.remote.state === 'published') {
      // Published in the org already (by an earlier run, or by hand): nothing is left to do in InTouch.
      sink.lock()
      sink.saveState('published', verdict)
      sink.progress(
        'published',
        `${event.name} is PUBLISHED in ${options.profileName} already: verified again (${verdict.status}), locked for ` +
          'this profile.',
        { verdict }
      )
      return verdict
    }
    sink.saveState('verified', verdict)
    sink.progress(
      'awaiting_publish',
      `Accepted and verified (${verdict.status}). ${inTouchStep}`,
      options.willWait ? undefined : { verdict }
    )
    return verdict
  } catch (error) {
    return fail(verdictOf(error, doing))
  }
}

export interface AwaitOptions {
  client: CapillaryClient
  timing: PollTiming
  signal: AbortSignal
  waitMs: number
  profileName: string
}

/**
 * The last step, watched: polls `GET /v2/events` for at most `waitMs` until the verified event is PUBLISHED (the
 * user's click in InTouch), then locks it for the profile. A run waits once, after all its events are verified, so
 * one event's wait never holds up the next one's test post.
 */
export async function awaitPublished(
  eventName: string,
  verdict: PublishVerdict,
  options: AwaitOptions,
  sink: PublishSink
): Promise<PublishVerdict> {
  try {
    const published = await waitForPublished(options.client, eventName, options.timing, options.waitMs, options.signal)
    if (!published) {
      sink.progress('awaiting_publish', `${eventName} is not PUBLISHED in ${options.profileName} yet. ${inTouchStep}`, {
        verdict
      })
      return verdict
    }
    sink.lock()
    sink.saveState('published', verdict)
    sink.progress('published', `${eventName} is PUBLISHED in ${options.profileName}: locked for this profile.`, {
      verdict
    })
    return verdict
  } catch (error) {
    const failed = verdictOf(error, 'waiting for PUBLISHED')
    // The event stays verified: only the wait ended.
    sink.progress('awaiting_publish', failed.message, { verdict: failed })
    return failed
  }
}
