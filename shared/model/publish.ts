import { z } from 'zod'
import type { EventDefinition, EventKind, EventStatus } from './event'
import { Id } from './ids'
import type { TransformerType, WebhookAuth } from './webhookSettings'

/**
 * Publishing to Capillary (issue 10), per event and per connection profile: a UAT org and a production org each
 * have their own state. Capillary documents no publish API (notes §1): the studio sends the definition, ensures the
 * webhook, writes the adapter mapping when it can, test-posts and reads the logs' verdict (notes §7.1); a person
 * then clicks Publish in InTouch, and the studio sees PUBLISHED in `GET /v2/events` and locks the event.
 */

// ---- inputs ----

/** An event name as Capillary takes it; checked properly by shared/capillary's rules. */
const EventName = z.string().trim().min(1, 'Give the event name.').max(200)

export const PlanPublishInput = z
  .object({
    profileId: Id,
    /** None: every Tested event of the project. */
    eventIds: z.array(Id).max(500).optional()
  })
  .strict()
export type PlanPublishInput = z.infer<typeof PlanPublishInput>

export const StartPublishInput = z
  .object({
    profileId: Id,
    eventIds: z.array(Id).min(1, 'Choose at least one event to publish.').max(500),
    /** After the logs' verdict, keep polling `GET /v2/events` up to this long for PUBLISHED (0: do not wait). */
    waitForPublishedSeconds: z.number().int().min(0).max(3600).default(0)
  })
  .strict()
export type StartPublishInput = z.infer<typeof StartPublishInput>

export const PublishRunInput = z.object({ runId: Id }).strict()

export const CheckPublishedInput = z.object({ profileId: Id, eventIds: z.array(Id).max(500).optional() }).strict()
export type CheckPublishedInput = z.infer<typeof CheckPublishedInput>

export const MarkPublishedInput = z.object({ eventId: Id, profileId: Id }).strict()

export const ListPublishStateInput = z.object({ profileId: Id.optional() }).strict()

export const NewEventVersionInput = z.object({ eventId: Id, name: EventName }).strict()

export const DisableRemoteEventInput = z
  .object({
    eventId: Id,
    profileId: Id,
    /** Must equal the event's name: disabling cannot be undone (SLATE:L5030). */
    confirmName: z.string().max(200)
  })
  .strict()

export const PlanPullInput = z.object({ profileId: Id }).strict()

export const ApplyPullInput = z
  .object({
    profileId: Id,
    /** The org's events to import as drafts (those the project lacks); the others are only compared. */
    eventNames: z.array(EventName).min(1, 'Choose at least one event to pull.').max(500)
  })
  .strict()

// ---- outputs ----

/** The org a plan or state belongs to. `key` is what publish state is kept under: the profile's name, or a base URL. */
export interface PublishTarget {
  profileId: string | null
  key: string
  name: string
  baseUrl: string
  orgId: string
}

/** What the org has of an event: nothing, a draft (UNPUBLISHED), or a live event (PUBLISHED) (notes §1). */
export type RemoteEventState = 'absent' | 'unpublished' | 'published'

/**
 * The definition call(s) a publish makes: create (`POST /v2/events`), replace whole (`PUT /v2/events`), enable a
 * standard event, enable then replace (custom attributes added), or nothing (the org already has it as ours).
 */
export type PublishAction = 'create' | 'replace' | 'enable' | 'enable_then_replace' | 'none'

/** Ours against theirs: `added` is only ours (the publish adds it), `removed` only theirs (the replace drops it). */
export type FieldChange = 'added' | 'removed' | 'changed' | 'same'

/**
 * One row of a field-by-field comparison. `field` is a readable path: `eventName`, `actions`, `description`,
 * `fields.<name>` (a whole field only one side has), `fields.<name>.type`, `fields.<name>.<attribute>`.
 */
export interface FieldComparison {
  field: string
  ours: string | null
  theirs: string | null
  change: FieldChange
}

export type PublishBlockerCode =
  'not_tested' | 'design' | 'quota' | 'published_changed' | 'no_mapping' | 'remote_conflict' | 'credentials'

/** Why an event cannot be published now, in words the UI and CLI show as they are. */
export interface PublishBlocker {
  code: PublishBlockerCode
  message: string
}

/** One request a publish will send, exactly, with secrets masked (`Authorization: Basic ••••`). */
export interface PublishRequestPreview {
  step: PublishStep
  method: 'GET' | 'POST' | 'PUT'
  /** Relative to the base URL, or the webhook URI for a test post (`{webHookUri}` while the webhook does not exist). */
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  body: unknown
  /** Why this request (e.g. "the org has no defaultTransformer webhook yet"). */
  note: string
}

/** How an integration's events reach Capillary: Capillary's own adapter mapping, or the studio's relay. */
export interface IntegrationDelivery {
  integrationId: string
  integrationName: string
  mappingId: string
  transformer: TransformerType
  delivery: 'adapter_mapping' | 'relayed'
  /** For relayed: why the adapter cannot do it (one line per rule); for adapter_mapping, empty. */
  reasons: string[]
  webhook: {
    /** Whether the org already has this transformer's webhook. */
    exists: boolean
    webHookUri: string | null
    tillCode: string
    auth: WebhookAuth
    /**
     * True when the org's webhook has auth on and Capillary did not say its scheme (its listing does not, notes §5):
     * `auth` is then the project's webhook setting, else the profile's scheme.
     */
    authAssumed: boolean
  }
}

export interface PublishPlanEvent {
  eventId: string
  eventName: string
  kind: EventKind
  status: EventStatus
  ready: boolean
  blockers: PublishBlocker[]
  /** Design warnings that do not block (shared/capillary). */
  warnings: string[]
  remote: {
    state: RemoteEventState
    /** As Capillary said it: `PUBLISHED`, `UNPUBLISHED`; null when absent. */
    status: string | null
    testStatus: string | null
  }
  action: PublishAction
  comparison: FieldComparison[]
  integrations: IntegrationDelivery[]
  requests: PublishRequestPreview[]
  /** Where this event stands with this profile already (null: never published to it). */
  state: PublishStateEntry | null
}

export interface PublishPlan {
  target: PublishTarget
  /** The org's active custom events (limit 10, notes §1.1), now and once the ready events in this plan are created. */
  quota: { active: number; limit: number; afterPublish: number }
  events: PublishPlanEvent[]
  readAt: string
}

export const PublishStep = z.enum([
  'local_checks',
  'definition',
  'webhook',
  'adapter_mapping',
  'test_post',
  'logs',
  'awaiting_publish',
  'published',
  'failed'
])
export type PublishStep = z.infer<typeof PublishStep>

/** The logs' word on the test post (notes §7.1): `EVENT_SUCCESS`, or a failure status with Capillary's message. */
export interface PublishVerdict {
  ok: boolean
  /** `EVENT_SUCCESS`, `EMF_PROCESSOR_FAILED`, …, or the studio's own (`REQUEST_REFUSED`, `LOGS_TIMEOUT`, `CANCELLED`). */
  status: string
  message: string
}

/** The `publishProgress` server event: one step of one event of a run. */
export interface PublishProgress {
  runId: string
  eventId: string
  eventName: string
  step: PublishStep
  message: string
  /** This event's run is over (awaiting the manual publish, published, or failed). */
  done: boolean
  /** The whole run is over. */
  runDone: boolean
  verdict: PublishVerdict | null
  at: string
}

export interface PublishRunState {
  runId: string
  target: PublishTarget
  eventIds: string[]
  running: boolean
  /** The newest progress of each event, in the run's order. */
  events: PublishProgress[]
}

/** accepted: definition sent and test posted; verified: the logs said EVENT_SUCCESS; published: PUBLISHED (locked). */
export type PublishStage = 'accepted' | 'verified' | 'published' | 'failed' | 'disabled'

export interface PublishStateEntry {
  eventId: string
  eventName: string
  profileKey: string
  stage: PublishStage
  lastVerdict: PublishVerdict | null
  updatedAt: string
}

/** The `webHookUri` Capillary returned for a transformer's webhook in one org (never built by us, notes §5). */
export interface PublishWebhook {
  profileKey: string
  transformer: TransformerType
  webHookUri: string
  /** The project's integrations that post through it. */
  integrationIds: string[]
  updatedAt: string
}

export interface PublishStateView {
  events: PublishStateEntry[]
  webhooks: PublishWebhook[]
}

export interface CheckPublishedResult {
  target: PublishTarget
  events: {
    eventId: string
    eventName: string
    remote: RemoteEventState
    /** Locked for this profile (recorded in the event's publications). */
    locked: boolean
    /** Locked by this check. */
    newlyLocked: boolean
  }[]
}

export interface NewEventVersionResult {
  event: EventDefinition
  /** The mappings moved from the old event to the new one (with their test cases). */
  movedMappingIds: string[]
}

export interface DisableRemoteEventResult {
  eventId: string
  eventName: string
  quota: { active: number; limit: number }
}

/** What an org has that the project lacks (`org_only`), the reverse (`project_only`), or both. */
export type PullPresence = 'org_only' | 'project_only' | 'both'

/** An org's transformer mapping as read (notes §6.2): source names → the event, Capillary field ← source field. */
export interface PulledMapping {
  transformer: TransformerType
  eventNameField: string | null
  sourceNames: string[]
  fieldMappings: { eventFieldName: string; sourceFieldName: string | null }[]
}

export interface PullEvent {
  eventName: string
  presence: PullPresence
  /** The project's event, when it has one. */
  eventId: string | null
  kind: EventKind
  remote: { state: RemoteEventState; status: string | null; testStatus: string | null }
  /** Ours (the project) against theirs (the org): every row removed for org_only, added for project_only. */
  comparison: FieldComparison[]
  mappings: PulledMapping[]
  /** org_only events only: whether it can be imported as a draft, and why not. */
  importable: boolean
  problems: string[]
}

export interface PullPlan {
  target: PublishTarget
  events: PullEvent[]
  webhooks: {
    transformer: string
    webHookUri: string
    tillCode: string
    authEnabled: boolean
    authMechanism: string | null
  }[]
  readAt: string
}

export interface PullResult {
  imported: { eventId: string; eventName: string }[]
  /** The org's adapter mappings of imported events made mappings of ours (for the one integration of its kind). */
  mappingsImported?: number
  /** Webhook URIs recorded in the project's publish state for this profile. */
  webhooksRecorded: number
  plan: PullPlan
}
