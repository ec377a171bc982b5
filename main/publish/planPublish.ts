import { capillaryLimits } from '../../shared/capillary/capillaryLimits'
import { checkCustomEventQuota } from '../../shared/capillary/checkCustomEventQuota'
import { checkEvent } from '../../shared/capillary/checkEvent'
import { eventDefinitionBody } from '../../shared/capillary/eventDefinitionBody'
import { capillaryNativeMapping, type AdapterMappingBody } from '../../shared/engine/capillaryNativeMapping'
import type { EventDefinition } from '../../shared/model/event'
import type {
  FieldComparison,
  IntegrationDelivery,
  PublishAction,
  PublishBlocker,
  PublishPlan,
  PublishPlanEvent,
  PublishRequestPreview,
  PublishTarget,
  RemoteEventState
} from '../../shared/model/publish'
import {
  relayTransformer,
  transformerOf,
  type TransformerType,
  type WebhookAuth
} from '../../shared/model/webhookSettings'
import { listedAuthScheme, type RemoteEvent, type RemoteWebhook } from '../capillary/client/responses'
import { uniquenessLeftOff, uniquenessUpdate } from '../capillary/uniquenessUpdate'
import { wireTransformerType } from '../capillary/wireTransformerType'
import { resolvedSpec } from '../engine/compileProjectMapping'
import { compareDefinitions, differs } from './compareDefinitions'
import {
  adapterMappingPreview,
  definitionPreviews,
  logsPreview,
  testPostPreview,
  uniquenessUpdatePreview,
  webhookPreview
} from './previewRequests'
import type { ProjectSnapshot } from './projectSnapshot'
import { authOfExisting } from './authOfExisting'
import { testPayloadFor, type TestPayload } from './testPayload'

/** What the org answered when the plan was made: `GET /v2/events` and `GET /v2/events/webhooks`. */
export interface OrgReading {
  events: RemoteEvent[]
  webhooks: RemoteWebhook[]
}

export interface PlanContext {
  target: PublishTarget
  scheme: 'basic' | 'oauth'
  tillCode: string
  now: string
}

/** One integration's delivery with what executing it needs beyond what the plan shows. */
export interface PlannedDelivery extends IntegrationDelivery {
  adapterBody: AdapterMappingBody | null
  testPayload: TestPayload | undefined
}

/** The plan of one event with what executing it needs (the wire shape is `PublishPlanEvent`). */
export interface PlannedEvent {
  shown: PublishPlanEvent
  event: EventDefinition
  deliveries: PlannedDelivery[]
}

export const remoteStateOf = (remote: RemoteEvent | undefined): RemoteEventState =>
  remote === undefined ? 'absent' : remote.status?.toUpperCase() === 'PUBLISHED' ? 'published' : 'unpublished'

export const findRemoteWebhook = (webhooks: readonly RemoteWebhook[], transformer: TransformerType) =>
  webhooks.find((webhook) => webhook.transformerType.toLowerCase() === wireTransformerType[transformer].toLowerCase())

/** The org's active custom events: `GET /v2/events` lists only active ones (notes §1.1: at most 10). */
export const activeCustomEvents = (events: readonly RemoteEvent[]): number =>
  events.filter((event) => !event.standardEvent).length

/**
 * Publish's dry run (issue 10): per event, whether it may go (the Tested gate, shared/capillary's rules, the org's
 * quota, a published event's lock), what the org has of it, the definition call(s) that follow, ours against theirs
 * field by field, how each integration delivers (Capillary's adapter when the engine says the mapping is native,
 * else the relay), and every request that will be sent, secrets masked. It reads; it never changes anything.
 */
export function planPublish(
  snapshot: ProjectSnapshot,
  org: OrgReading,
  context: PlanContext,
  eventIds: readonly string[] | undefined
): { plan: PublishPlan; planned: PlannedEvent[] } {
  const chosen =
    eventIds === undefined
      ? snapshot.events.filter((event) => event.status === 'tested')
      : eventIds.map((id) => {
          const event = snapshot.events.find((candidate) => candidate.id === id)
          if (!event) throw new PlanInputError(`The project has no event with id ${id}.`)
          return event
        })
  const active = activeCustomEvents(org.events)
  let creating = 0
  const planned: PlannedEvent[] = []
  for (const event of chosen) {
    const one = planEvent(event, snapshot, org, context, active + creating)
    if (one.shown.ready && event.kind === 'custom' && one.shown.action === 'create') creating += 1
    planned.push(one)
  }
  return {
    plan: {
      target: context.target,
      quota: { active, limit: capillaryLimits.activeCustomEventsPerOrg, afterPublish: active + creating },
      events: planned.map((entry) => entry.shown),
      readAt: context.now
    },
    planned
  }
}

/** An input the plan cannot be made from (an unknown event id): the service reports it as invalid input. */
export class PlanInputError extends Error {}

function actionFor(
  event: EventDefinition,
  remote: RemoteEvent | undefined,
  comparison: FieldComparison[]
): PublishAction {
  if (remote) return differs(comparison) ? 'replace' : 'none'
  if (event.kind === 'custom') return 'create'
  // Notes §2 and §4: a standard event is enabled; custom attributes added to it need the whole-definition PUT.
  return event.attributes.some((attribute) => !attribute.standard) ? 'enable_then_replace' : 'enable'
}

function planEvent(
  event: EventDefinition,
  snapshot: ProjectSnapshot,
  org: OrgReading,
  context: PlanContext,
  customEventsInOrg: number
): PlannedEvent {
  const remote = org.events.find((candidate) => candidate.eventName === event.name)
  const state = remoteStateOf(remote)
  const body = eventDefinitionBody(event)
  const comparison = compareDefinitions(body, remote ?? null)
  const action = actionFor(event, remote, comparison)
  const blockers: PublishBlocker[] = []
  const warnings: string[] = []

  const tests = snapshot.tests.get(event.id)
  if (event.status !== 'tested') {
    blockers.push({
      code: 'not_tested',
      message: `${event.name} is not Tested: ${tests?.gate.missing.join(' ') || 'run its test cases.'}`
    })
  }
  // Notes §12.2: every rule of shared/capillary before sending; the quota on its own below.
  const issues = checkEvent(event, {
    otherEventNames: snapshot.events.filter((other) => other.id !== event.id).map((other) => other.name),
    customEventCountInOrg: 0,
    stage: 'publish'
  })
  for (const issue of issues) {
    const text = issue.path ? `${issue.path}: ${issue.message}` : issue.message
    if (issue.severity === 'error') blockers.push({ code: 'design', message: text })
    else warnings.push(text)
  }
  if (action === 'create') {
    for (const issue of checkCustomEventQuota(event, customEventsInOrg, 'publish')) {
      blockers.push({ code: 'quota', message: issue.message })
    }
    // Notes §4: the Create doc names an OAuth token only, where Update, Get and Meta show Basic too.
    if (context.scheme === 'basic') {
      warnings.push(
        `Capillary documents creating an event with an OAuth token only: if it refuses ${context.target.name}'s till ` +
          '(401), publish the new event with an OAuth profile of the same org.'
      )
    }
  }
  if (remote && remote.standardEvent !== (event.kind === 'standard')) {
    blockers.push({
      code: 'remote_conflict',
      message: `The org's ${event.name} is a ${remote.standardEvent ? 'standard' : 'custom'} event, ours is ${event.kind}: rename ours.`
    })
  }
  if (state === 'published') {
    // SETUP: once published, attributes cannot be edited or deleted; new ones may still be added (notes §1).
    const locked = comparison.filter(
      (entry) => entry.field.startsWith('fields.') && (entry.change === 'changed' || entry.change === 'removed')
    )
    if (locked.length > 0) {
      blockers.push({
        code: 'published_changed',
        message:
          `${event.name} is published in ${context.target.name}: Capillary refuses changes to its fields ` +
          `(${locked.map((entry) => entry.field.slice('fields.'.length)).join(', ')}). Make a new version (a new ` +
          'event name, the mappings moved to it) instead.'
      })
    }
  }

  const deliveries = snapshot.mappings
    .filter((mapping) => mapping.eventId === event.id)
    .flatMap((mapping): PlannedDelivery[] => {
      const integration = snapshot.integrations.find((candidate) => candidate.id === mapping.integrationId)
      if (!integration) return []
      const own = transformerOf(integration.kind)
      const native = capillaryNativeMapping(resolvedSpec({ mapping, event, integration }), event, own)
      const transformer: TransformerType = native.native ? own : relayTransformer
      const settings = snapshot.webhookSettings.find((entry) => entry.transformer === transformer)
      const existing = findRemoteWebhook(org.webhooks, transformer)
      const auth: WebhookAuth = existing
        ? authOfExisting(existing, settings?.auth, context.scheme)
        : (settings?.auth ?? 'none')
      const testCases = snapshot.tests.get(event.id)?.testCases ?? []
      return [
        {
          integrationId: integration.id,
          integrationName: integration.name,
          mappingId: mapping.id,
          transformer,
          delivery: native.native ? 'adapter_mapping' : 'relayed',
          reasons: native.native ? [] : native.reasons.map((reason) => reason.reason),
          webhook: {
            exists: existing !== undefined,
            webHookUri: existing?.webHookUri ?? null,
            tillCode: existing?.tillCode ?? (settings?.tillCode.trim() || context.tillCode),
            auth,
            authAssumed: existing?.authEnabled === true && listedAuthScheme(existing) === undefined
          },
          adapterBody: native.native ? native.body : null,
          testPayload: testPayloadFor(
            testCases.filter((testCase) => testCase.mappingId === mapping.id),
            native.native ? 'source' : 'output',
            event.name
          )
        }
      ]
    })
  if (deliveries.length === 0) {
    blockers.push({
      code: 'no_mapping',
      message: `${event.name} has no mapping: nothing would reach Capillary, and there is nothing to test-post.`
    })
  } else if (event.status === 'tested' && !deliveries.some((delivery) => delivery.testPayload)) {
    blockers.push({
      code: 'no_mapping',
      message: `${event.name} has no passing test case with an output to test-post: add one and run it.`
    })
  }
  for (const delivery of deliveries) {
    // Notes §5 and §7: a webhook with auth takes the till's Basic credentials or an OAuth token, as it was made.
    const needs = delivery.webhook.auth === 'BASIC' ? 'basic' : delivery.webhook.auth === 'OAUTH' ? 'oauth' : undefined
    if (delivery.testPayload && needs !== undefined && needs !== context.scheme) {
      blockers.push({
        code: 'credentials',
        message:
          `The ${delivery.transformer} webhook takes ${delivery.webhook.auth} credentials, but ${context.target.name} ` +
          `signs in with ${context.scheme === 'basic' ? 'a till (Basic)' : 'OAuth'}: use a profile with ` +
          `${needs === 'basic' ? "the till's password" : 'an OAuth key and secret'}, or change the webhook's auth.`
      })
    }
  }

  const requests: PublishRequestPreview[] = [...definitionPreviews(event, action, context.scheme)]
  const webhooksSeen = new Set<TransformerType>()
  for (const delivery of deliveries) {
    if (webhooksSeen.has(delivery.transformer)) continue
    const settings = snapshot.webhookSettings.find((entry) => entry.transformer === delivery.transformer)
    if (!settings) continue
    webhooksSeen.add(delivery.transformer)
    const existing = findRemoteWebhook(org.webhooks, delivery.transformer)
    if (!existing) {
      requests.push(webhookPreview(settings, context.tillCode, context.scheme))
      continue
    }
    const update = uniquenessUpdate(existing, settings, context.tillCode)
    if (update) requests.push(uniquenessUpdatePreview(update, context.scheme))
    const leftOff = uniquenessLeftOff(existing, settings)
    if (leftOff) warnings.push(leftOff)
  }
  for (const delivery of deliveries) {
    if (delivery.adapterBody) requests.push(adapterMappingPreview(delivery.adapterBody, context.scheme))
  }
  for (const delivery of deliveries) {
    if (!delivery.testPayload) continue
    const what =
      delivery.delivery === 'relayed'
        ? `The mapped output of the passing test case "${delivery.testPayload.testCaseName}" (${delivery.integrationName}, relayed).`
        : `The source payload of the passing test case "${delivery.testPayload.testCaseName}", so Capillary's adapter is tested too.`
    requests.push(
      testPostPreview(
        delivery.transformer,
        delivery.webhook.webHookUri,
        delivery.testPayload.payload,
        context.scheme,
        what
      )
    )
  }
  if (deliveries.some((delivery) => delivery.testPayload)) requests.push(logsPreview(event.name, context.scheme))

  return {
    event,
    deliveries,
    shown: {
      eventId: event.id,
      eventName: event.name,
      kind: event.kind,
      status: event.status,
      ready: blockers.length === 0,
      blockers,
      warnings,
      remote: { state, status: remote?.status ?? null, testStatus: remote?.testStatus ?? null },
      action,
      comparison,
      integrations: deliveries.map(({ adapterBody: _body, testPayload: _payload, ...shown }) => shown),
      requests,
      state: snapshot.state.get(event.id) ?? null
    }
  }
}
