import { render } from '@testing-library/react'
import { vi } from 'vitest'
import type { RequestInput, RequestName } from '../../../shared/api/contract'
import { fail, ok, type Result } from '../../../shared/api/result'
import { EventDefinition } from '../../../shared/model/event'
import {
  ApplyPullInput,
  DisableRemoteEventInput,
  MarkPublishedInput,
  NewEventVersionInput,
  PlanPublishInput,
  StartPublishInput,
  type CheckPublishedResult,
  type PublishPlan,
  type PublishPlanEvent,
  type PublishProgress,
  type PublishStateEntry,
  type PublishTarget,
  type PullPlan
} from '../../../shared/model/publish'
import { createStudioApi, type Transport } from '../../../renderer/api/client'
import { Notifications } from '../../../renderer/app/Notifications'
import { createStudioStores, StudioProvider } from '../../../renderer/app/StudioContext'
import { PublishScreen } from '../../../renderer/features/publish/PublishScreen'
import { profile } from '../features/settings/fakeProfilesApi'

export const now = '2026-11-28T10:00:00.000Z'

export const target: PublishTarget = {
  profileId: 'p1',
  key: 'UAT org',
  name: 'UAT org',
  baseUrl: 'http://127.0.0.1:4870',
  orgId: '1000'
}

/** A project event as main lists it, checked against the model so the fake cannot drift from it. */
export const projectEvent = (id: string, name: string, overrides: Partial<EventDefinition> = {}) =>
  EventDefinition.parse({
    id,
    name,
    label: '',
    description: '',
    kind: 'custom',
    actions: ['EIConsumer'],
    attributes: [],
    status: 'tested',
    publications: [],
    createdAt: now,
    updatedAt: now,
    ...overrides
  })

export const planEvent = (eventId: string, eventName: string, overrides: Partial<PublishPlanEvent> = {}) =>
  ({
    eventId,
    eventName,
    kind: 'custom',
    status: 'tested',
    ready: true,
    blockers: [],
    warnings: [],
    remote: { state: 'absent', status: null, testStatus: null },
    action: 'create',
    comparison: [
      { field: 'eventName', ours: eventName, theirs: null, change: 'added' },
      { field: 'fields.hotel_name', ours: 'string, required', theirs: null, change: 'added' },
      { field: 'actions', ours: 'EIConsumer', theirs: 'EIConsumer', change: 'same' }
    ],
    integrations: [
      {
        integrationId: 'i1',
        integrationName: 'Hotel booking app',
        mappingId: 'm1',
        transformer: 'defaultTransformer',
        delivery: 'relayed',
        reasons: ['The mapping computes room_nights with an expression Capillary’s adapter cannot run.'],
        webhook: { exists: false, webHookUri: null, tillCode: 'sandbox.till', auth: 'BASIC', authAssumed: false }
      }
    ],
    requests: [
      {
        step: 'definition',
        method: 'POST',
        path: '/v2/events',
        query: {},
        headers: { Authorization: 'Basic ••••', 'Content-Type': 'application/json' },
        body: { eventName, fields: [{ name: 'hotel_name', type: 'string' }] },
        note: 'The org has no event of this name: create it.'
      },
      {
        step: 'webhook',
        method: 'POST',
        path: '/v2/events/webhook',
        query: {},
        headers: { Authorization: 'Basic ••••' },
        body: { transformer: 'defaultTransformer' },
        note: 'The org has no defaultTransformer webhook yet.'
      }
    ],
    state: null,
    ...overrides
  }) satisfies PublishPlanEvent

export const plan = (events: PublishPlanEvent[]): PublishPlan => ({
  target,
  quota: { active: 3, limit: 10, afterPublish: 4 },
  events,
  readAt: now
})

export const progress = (overrides: Partial<PublishProgress>): PublishProgress => ({
  runId: 'r1',
  eventId: 'e1',
  eventName: 'be_reserved',
  step: 'local_checks',
  message: 'Checking the event against Capillary’s rules…',
  done: false,
  runDone: false,
  verdict: null,
  at: now,
  ...overrides
})

export const pullPlan: PullPlan = {
  target,
  events: [
    {
      eventName: 'store_visit',
      presence: 'org_only',
      eventId: null,
      kind: 'custom',
      remote: { state: 'published', status: 'PUBLISHED', testStatus: 'VERIFIED' },
      comparison: [],
      mappings: [
        { transformer: 'defaultTransformer', eventNameField: null, sourceNames: ['visit'], fieldMappings: [] }
      ],
      importable: true,
      problems: []
    },
    {
      eventName: 'odd_event',
      presence: 'org_only',
      eventId: null,
      kind: 'custom',
      remote: { state: 'unpublished', status: 'UNPUBLISHED', testStatus: 'NOT_VERIFIED' },
      comparison: [],
      mappings: [],
      importable: false,
      problems: ['Its field "x" has a type the studio does not know: LOCATION.']
    },
    {
      eventName: 'ProductAddedToCart',
      presence: 'project_only',
      eventId: 'e2',
      kind: 'standard',
      remote: { state: 'absent', status: null, testStatus: null },
      comparison: [],
      mappings: [],
      importable: false,
      problems: []
    },
    {
      eventName: 'be_reserved',
      presence: 'both',
      eventId: 'e1',
      kind: 'custom',
      remote: { state: 'unpublished', status: 'UNPUBLISHED', testStatus: 'VERIFIED' },
      comparison: [
        { field: 'fields.hotel_name.isRequired', ours: 'true', theirs: 'false', change: 'changed' },
        { field: 'fields.age', ours: null, theirs: 'double', change: 'removed' }
      ],
      mappings: [],
      importable: false,
      problems: []
    }
  ],
  webhooks: [
    {
      transformer: 'defaultTransformer',
      webHookUri: 'http://127.0.0.1:4870/webhooks/abc',
      tillCode: 'sandbox.till',
      authEnabled: true,
      authMechanism: 'BASIC'
    }
  ],
  readAt: now
}

/**
 * The publish part of the api in memory (our own interface): inputs parsed with the contract's schemas, as main
 * parses them; `entries` is the publish state main keeps per profile.
 */
export function fakePublishApi(options: { entries?: PublishStateEntry[]; plan?: PublishPlan } = {}) {
  let entries = [...(options.entries ?? [])]
  const entry = (eventId: string, eventName: string, stage: PublishStateEntry['stage']): PublishStateEntry => ({
    eventId,
    eventName,
    profileKey: target.key,
    stage,
    lastVerdict: null,
    updatedAt: now
  })
  return {
    planPublish: vi.fn(async (input: RequestInput<'planPublish'>) => {
      PlanPublishInput.parse(input)
      return ok(options.plan ?? plan([planEvent('e1', 'be_reserved')]))
    }),
    startPublish: vi.fn(async (input: RequestInput<'startPublish'>) => {
      StartPublishInput.parse(input)
      return ok({ runId: 'r1' })
    }),
    getPublishRun: vi.fn(async () =>
      ok({ runId: 'r1', target, eventIds: ['e1'], running: true, events: [] as PublishProgress[] })
    ),
    cancelPublish: vi.fn(async () =>
      ok({
        runId: 'r1',
        target,
        eventIds: ['e1'],
        running: false,
        events: [
          progress({
            step: 'failed',
            done: true,
            runDone: true,
            message: 'Cancelled.',
            verdict: { ok: false, status: 'CANCELLED', message: 'Cancelled by the user.' }
          })
        ]
      })
    ),
    listPublishState: vi.fn(async () => ok({ events: entries, webhooks: [] })),
    checkPublished: vi.fn(async () => ok<CheckPublishedResult>({ target, events: [] })),
    markPublished: vi.fn(async (input: RequestInput<'markPublished'>) => {
      const { eventId } = MarkPublishedInput.parse(input)
      const marked = entry(eventId, 'be_reserved', 'published')
      entries = [...entries.filter((candidate) => candidate.eventId !== eventId), marked]
      return ok(marked)
    }),
    newEventVersion: vi.fn(async (input: RequestInput<'newEventVersion'>) => {
      const { name } = NewEventVersionInput.parse(input)
      return ok({ event: projectEvent('e9', name, { status: 'draft' }), movedMappingIds: ['m1'] })
    }),
    disableRemoteEvent: vi.fn(async (input: RequestInput<'disableRemoteEvent'>) => {
      const parsed = DisableRemoteEventInput.parse(input)
      entries = entries.map((candidate) =>
        candidate.eventId === parsed.eventId ? { ...candidate, stage: 'disabled' } : candidate
      )
      return ok({ eventId: parsed.eventId, eventName: parsed.confirmName, quota: { active: 2, limit: 10 } })
    }),
    planPull: vi.fn(async () => ok(pullPlan)),
    applyPull: vi.fn(async (input: RequestInput<'applyPull'>) => {
      const { eventNames } = ApplyPullInput.parse(input)
      return ok({
        imported: eventNames.map((eventName, index) => ({ eventId: `new${index}`, eventName })),
        webhooksRecorded: 1,
        plan: pullPlan
      })
    })
  }
}

/** The Publish screen inside the studio's real stores, over a transport answered by in-memory fakes. */
export async function renderPublish(
  options: Parameters<typeof fakePublishApi>[0] & { events?: EventDefinition[]; profiles?: boolean } = {}
) {
  const api = fakePublishApi(options)
  const events = options.events ?? [
    projectEvent('e1', 'be_reserved'),
    projectEvent('e2', 'ProductAddedToCart', { kind: 'standard', status: 'draft' })
  ]
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = {
    ...api,
    listEvents: async () => ok(events),
    listConnectionProfiles: async () => ok(options.profiles === false ? [] : [profile('p1', { name: 'UAT org' })]),
    getLocalSandbox: async () => ok({ running: false, baseUrl: null, profileId: null, offer: false }),
    startLocalSandbox: vi.fn(async () =>
      ok({ running: true, baseUrl: 'http://127.0.0.1:4870', profileId: 'p9', offer: false })
    )
  }
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const stores = createStudioStores(createStudioApi(transport))
  await stores.events.getState().load()
  const view = render(
    <StudioProvider stores={stores}>
      <PublishScreen />
      <Notifications />
    </StudioProvider>
  )
  return { api, answers, stores, view }
}
