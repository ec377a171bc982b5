import { z } from 'zod'
import { StandardEventName } from '../capillary/standardEvents'
import { EventDraft, type EventDefinition, type EventDeletion, type EventRestoration } from '../model/event'
import {
  CaptureQuery,
  CaptureSelection,
  type CaptureDetail,
  type CapturePage,
  type CaptureSummary
} from '../model/capture'
import {
  EditedBody,
  PublicUrl,
  ResendMode,
  SampleName,
  SendTestPayloadInput,
  type CaptureDeletion,
  type CaptureRate,
  type CaptureReplay,
  type CaptureShape,
  type CaptureView,
  type ListenerReply,
  type PayloadSample
} from '../model/captureInbox'
import {
  ConnectionProfileDraft,
  type ConnectionProfileView,
  type ConnectionVerdict,
  type LocalSandboxState
} from '../model/connectionProfile'
import { Id } from '../model/ids'
import { IntegrationDraft, type Integration } from '../model/integration'
import { MappingSpec, type Mapping } from '../model/mapping'
import {
  IntegrationCaptureSettingsPatch,
  ListenerSettingsPatch,
  Retention,
  type ListenerSettingsView,
  type ListenerStatus
} from '../model/listenerSettings'
import { WebhookSettings } from '../model/webhookSettings'
import {
  type BatchRunState,
  type EdgeCaseResult,
  type EventTestStatus,
  type MappingCoverage,
  type PayloadPreview,
  type TestCase,
  TestCaseDraft,
  TestRunSelection
} from '../model/testCase'
import {
  DeliveryQuery,
  DeliverySelection,
  RelaySettingsPatch,
  type DeliveryPage,
  type RelayOverview,
  type RelaySettings
} from '../model/relay'
import {
  BundleSource,
  MergeChoices,
  type BundleChange,
  type BundleMergeResult,
  type BundlePreview,
  type BundleScan
} from './bundles'
import {
  ApplyPullInput,
  CheckPublishedInput,
  DisableRemoteEventInput,
  ListPublishStateInput,
  MarkPublishedInput,
  NewEventVersionInput,
  PlanPublishInput,
  PlanPullInput,
  PublishRunInput,
  StartPublishInput,
  type CheckPublishedResult,
  type DisableRemoteEventResult,
  type NewEventVersionResult,
  type PublishPlan,
  type PublishProgress,
  type PublishRunState,
  type PublishStateEntry,
  type PublishStateView,
  type PullPlan,
  type PullResult
} from '../model/publish'
import { FilePath } from '../model/filePath'
import type { AppInfo, DirectoryListing, PickedPath, ProjectState, RecentProject } from './types'

/** Carries a call's output type at the type level only; nothing exists at run time. */
export interface Returns<T> {
  readonly output?: T
}
const returns = <T>(): Returns<T> => ({})

const NoInput = z.object({}).strict()

/**
 * The one contract: every request the renderer (or any client) can make, with its input schema and output type.
 * Main registers a handler for each (a missing one is a compile error); the preload and the web server forward any
 * of them without knowing them; the renderer's client is generated from this table.
 */
export const requests = {
  getAppInfo: { input: NoInput, output: returns<AppInfo>() },
  /** Opens the logs folder in the system's file manager (Help › Reveal Logs); answers its path. */
  revealLogs: { input: NoInput, output: returns<{ path: string }>() },

  getProjectState: { input: NoInput, output: returns<ProjectState>() },
  newProject: {
    input: z.object({ path: FilePath, sample: z.boolean().default(false) }).strict(),
    output: returns<ProjectState>()
  },
  openProject: {
    input: z.object({ path: FilePath, readOnly: z.boolean().default(false) }).strict(),
    output: returns<ProjectState>()
  },
  saveProjectAs: { input: z.object({ path: FilePath }).strict(), output: returns<ProjectState>() },
  closeProject: { input: NoInput, output: returns<ProjectState>() },
  listRecentProjects: { input: NoInput, output: returns<RecentProject[]>() },
  /** Native file dialog where there is one (Electron); `{ supported: false }` in web mode, where the UI asks for a path. */
  pickProjectPath: {
    input: z.object({ purpose: z.enum(['open', 'new', 'saveAs']) }).strict(),
    output: returns<PickedPath>()
  },
  /** For web mode's path dialogs: the folders and project files in one folder of this machine. */
  listDirectory: {
    input: z.object({ path: FilePath.optional() }).strict(),
    output: returns<DirectoryListing>()
  },

  listEvents: { input: NoInput, output: returns<EventDefinition[]>() },
  createEvent: { input: z.object({ draft: EventDraft }).strict(), output: returns<EventDefinition>() },
  updateEvent: { input: z.object({ id: Id, draft: EventDraft }).strict(), output: returns<EventDefinition>() },
  /** Deletes a draft event with its mappings and test cases; `restoreEvent` puts them back for ten minutes. */
  deleteEvent: { input: z.object({ id: Id }).strict(), output: returns<EventDeletion>() },
  restoreEvent: { input: z.object({ undoId: Id }).strict(), output: returns<EventRestoration>() },
  /** Adds one of Capillary's standard events from the library, as Capillary defines it. */
  addStandardEvent: { input: z.object({ name: StandardEventName }).strict(), output: returns<EventDefinition>() },
  /** A draft copy under a new name: how a published (locked) event gets a new version. */
  duplicateEvent: { input: z.object({ id: Id }).strict(), output: returns<EventDefinition>() },

  listIntegrations: { input: NoInput, output: returns<Integration[]>() },
  createIntegration: { input: z.object({ draft: IntegrationDraft }).strict(), output: returns<Integration>() },
  updateIntegration: {
    input: z.object({ id: Id, draft: IntegrationDraft }).strict(),
    output: returns<Integration>()
  },
  deleteIntegration: { input: z.object({ id: Id }).strict(), output: returns<{ id: string }>() },
  listWebhookSettings: { input: NoInput, output: returns<WebhookSettings[]>() },
  listMappings: { input: NoInput, output: returns<Mapping[]>() },
  /** Creates or replaces the mapping of one integration's payloads onto one event. */
  saveMapping: {
    input: z.object({ integrationId: Id, eventId: Id, spec: MappingSpec }).strict(),
    output: returns<Mapping>()
  },
  deleteMapping: { input: z.object({ id: Id }).strict(), output: returns<{ id: string }>() },

  saveWebhookSettings: {
    input: z.object({ settings: WebhookSettings }).strict(),
    output: returns<WebhookSettings[]>()
  },

  getListenerStatus: { input: NoInput, output: returns<ListenerStatus>() },
  /** Turns listening on for the open project (kept in it) and starts the listener. */
  startListener: { input: NoInput, output: returns<ListenerStatus>() },
  /** Turns listening off for the open project (kept in it) and stops the listener. */
  stopListener: { input: NoInput, output: returns<ListenerStatus>() },
  getListenerSettings: { input: NoInput, output: returns<ListenerSettingsView>() },
  /** Address, port, body limit, on/off; a running listener restarts on its new address. */
  setListenerSettings: { input: ListenerSettingsPatch, output: returns<ListenerSettingsView>() },
  /** An integration's signature verification and redaction. */
  setIntegrationCaptureSettings: { input: IntegrationCaptureSettingsPatch, output: returns<ListenerSettingsView>() },
  /** Keeps an integration's signing secret in this studio's secret store (never the project); null forgets it. */
  setSigningSecret: {
    input: z.object({ integrationId: Id, secret: z.string().min(1).max(4096).nullable() }).strict(),
    output: returns<ListenerSettingsView>()
  },
  /** Retention of an integration's captures (null: the unmatched ones), applied at once. */
  setRetention: {
    input: z.object({ integrationId: Id.nullable(), retention: Retention }).strict(),
    output: returns<{ settings: ListenerSettingsView; deleted: number }>()
  },
  /** Newest first, by keyset; with `search`, full-text over bodies, paths and queries. */
  listCaptures: { input: CaptureQuery, output: returns<CapturePage>() },
  getCapture: { input: z.object({ id: Id }).strict(), output: returns<CaptureDetail>() },
  /** A capture as the inbox shows it: its body's decoded and raw views cut to what an editor shows. */
  getCaptureView: { input: z.object({ id: Id }).strict(), output: returns<CaptureView>() },
  deleteCaptures: { input: CaptureSelection, output: returns<{ deleted: number }>() },
  /** The inbox's delete: the captures can be put back, exactly, with `restoreCaptures` for ten minutes. */
  discardCaptures: { input: CaptureSelection, output: returns<CaptureDeletion>() },
  restoreCaptures: { input: z.object({ undoId: Id }).strict(), output: returns<{ restored: number }>() },
  /** Runs a capture (or an edited copy of its body) through its integration's mappings; nothing is stored or sent. */
  replayCapture: {
    input: z.object({ id: Id, body: EditedBody.optional() }).strict(),
    output: returns<CaptureReplay>()
  },
  /** Sends a capture to the running listener again over HTTP: as stored, or re-signed; optionally with an edited body. */
  resendCapture: {
    input: z.object({ id: Id, mode: ResendMode, body: EditedBody.optional() }).strict(),
    output: returns<ListenerReply>()
  },
  /** Sends a payload (a sample, or pasted) to an integration's listener path over HTTP, signed as its sender would. */
  sendTestPayload: { input: SendTestPayloadInput, output: returns<ListenerReply>() },
  /** Shipped samples and the ones saved in the project. */
  listPayloadSamples: { input: NoInput, output: returns<PayloadSample[]>() },
  saveCaptureAsSample: {
    input: z.object({ captureId: Id, name: SampleName }).strict(),
    output: returns<PayloadSample>()
  },
  deletePayloadSample: { input: z.object({ id: Id }).strict(), output: returns<{ id: string }>() },
  /** The inferred shape of an integration's captures and the captures that drifted from it. */
  getCaptureShape: { input: z.object({ integrationId: Id }).strict(), output: returns<CaptureShape>() },
  /** Captures per minute over the last minutes, for the status bar. */
  getCaptureRate: {
    input: z.object({ minutes: z.number().int().min(1).max(120).default(15) }).strict(),
    output: returns<CaptureRate>()
  },
  /** The public URL a tunnel gave the listener (kept in the project); null forgets it. */
  getPublicUrl: { input: NoInput, output: returns<{ publicUrl: string | null }>() },
  setPublicUrl: {
    input: z.object({ publicUrl: PublicUrl.nullable() }).strict(),
    output: returns<{ publicUrl: string | null }>()
  },
  /** Integrations that only capture (Capillary's own Event Notifications): never mapped, never relayed. */
  listCaptureOnlyIntegrations: { input: NoInput, output: returns<string[]>() },
  setCaptureOnly: {
    input: z.object({ integrationId: Id, captureOnly: z.boolean() }).strict(),
    output: returns<string[]>()
  },
  /** A capture-only integration at /hooks/capillary-notifications for Capillary's Event Notifications. */
  createNotificationsIntegration: { input: NoInput, output: returns<Integration>() },

  /** Connection profiles of the config folder (shared with the CLI), with where each one's secret comes from. */
  listConnectionProfiles: { input: NoInput, output: returns<ConnectionProfileView[]>() },
  /** Creates (no id) or replaces a profile; a `secret` (password or OAuth secret) goes to the secret store only. */
  saveConnectionProfile: {
    input: z
      .object({ id: Id.optional(), draft: ConnectionProfileDraft, secret: z.string().max(1000).optional() })
      .strict(),
    output: returns<ConnectionProfileView>()
  },
  deleteConnectionProfile: { input: z.object({ id: Id }).strict(), output: returns<{ id: string }>() },
  /** Signs in with the profile and reads the org: a plain verdict, never an error for a failed connection. */
  testConnectionProfile: { input: z.object({ id: Id }).strict(), output: returns<ConnectionVerdict>() },
  getLocalSandbox: { input: NoInput, output: returns<LocalSandboxState>() },
  /** Starts the studio's own Capillary sandbox (it stops with the studio) and points a profile at it. */
  startLocalSandbox: { input: NoInput, output: returns<LocalSandboxState>() },
  stopLocalSandbox: { input: NoInput, output: returns<LocalSandboxState>() },
  dismissSandboxOffer: { input: NoInput, output: returns<LocalSandboxState>() },

  /** Each integration's relay: on/off, the profile whose org receives its events, the webhook URI Capillary gave. */
  listRelaySettings: { input: NoInput, output: returns<RelaySettings[]>() },
  /** Turning it on ensures the integration's webhook in the profile's org and keeps the URI Capillary answers. */
  setRelaySettings: { input: RelaySettingsPatch, output: returns<RelaySettings>() },
  /** The outbox, newest capture first, by keyset. */
  listDeliveries: { input: DeliveryQuery, output: returns<DeliveryPage>() },
  getRelayOverview: { input: NoInput, output: returns<RelayOverview>() },
  /** Dead letters (or waiting rows) go out again from their first attempt. */
  retryDeliveries: { input: DeliverySelection, output: returns<{ requeued: number }>() },
  /** Delivered rows are sent again with the same external_event_id. */
  replayDeliveries: { input: DeliverySelection, output: returns<{ requeued: number }>() },
  /** Test cases (with whether their last run still counts) and each event's standing against the Tested gate. */
  listTestCases: {
    input: z.object({ eventId: Id.optional() }).strict(),
    output: returns<{ testCases: TestCase[]; statuses: EventTestStatus[] }>()
  },
  /** Creates (no id) or replaces a test case; its event is Draft until the test case has run and passed. */
  saveTestCase: { input: z.object({ id: Id.optional(), draft: TestCaseDraft }).strict(), output: returns<TestCase>() },
  deleteTestCase: { input: z.object({ id: Id }).strict(), output: returns<{ id: string }>() },
  /** A mapping's outputs for a payload: what a new test case would expect, once reviewed. */
  previewTestCase: {
    input: z.object({ mappingId: Id, payload: TestCaseDraft.shape.payload }).strict(),
    output: returns<PayloadPreview>()
  },
  /** Runs test cases (one event's, some, or all), records the runs and works the Tested gate out again. */
  runTestCases: {
    input: TestRunSelection,
    output: returns<{ testCases: TestCase[]; statuses: EventTestStatus[] }>()
  },
  /** Runs the mapping over every capture of its integration in the background; progress comes as batchRunProgress. */
  startBatchRun: { input: z.object({ mappingId: Id }).strict(), output: returns<BatchRunState>() },
  cancelBatchRun: { input: z.object({ runId: Id }).strict(), output: returns<BatchRunState>() },
  /** Edge cases made from a payload (nulls, missing, empty, wrong types, huge and unicode text, list sizes), run. */
  runEdgeCases: {
    input: z.object({ mappingId: Id, payload: TestCaseDraft.shape.payload }).strict(),
    output: returns<EdgeCaseResult[]>()
  },
  /** Source fields no rule reads, required attributes no capture fills, rules no test case exercises. */
  getMappingCoverage: { input: z.object({ mappingId: Id }).strict(), output: returns<MappingCoverage>() },
  /** Native file dialog for a bundle where there is one (Electron); `{ supported: false }` in web mode. */
  pickBundlePath: {
    input: z.object({ purpose: z.enum(['import', 'export']) }).strict(),
    output: returns<PickedPath>()
  },
  /** What exporting these events (none: all) would carry out: secrets block the export, personal data is a warning. */
  scanBundleExport: {
    input: z.object({ eventNames: z.array(z.string().max(200)).max(1000).default([]) }).strict(),
    output: returns<BundleScan>()
  },
  /**
   * Writes the project (or the named events) as a bundle file, whole or not at all; refused if it holds secrets, and
   * with `file_exists` if a bundle is already at the path unless `overwrite` says to replace it.
   */
  exportBundle: {
    input: z
      .object({
        path: FilePath,
        eventNames: z.array(z.string().max(200)).max(1000).default([]),
        allowSecrets: z.boolean().default(false),
        /** The user agreed to replace a file already at `path` (asked by the studio, or by the OS save dialog). */
        overwrite: z.boolean().default(false),
        /** Replaces personal data in test-case payloads and makes their expected outputs again. */
        redactPersonalData: z.boolean().default(false)
      })
      .strict(),
    output: returns<{ path: string; bytes: number; personalData: BundleScan['personalData']; redacted: number }>()
  },
  /** A bundle's problems, or the merge preview (per event and integration: new, identical, conflict). */
  previewBundleImport: { input: z.object({ source: BundleSource }).strict(), output: returns<BundlePreview>() },
  /** Imports a bundle as a new project (which opens), or merges it into the open one with a choice per conflict. */
  importBundle: {
    input: z.discriminatedUnion('mode', [
      z.object({ source: BundleSource, mode: z.literal('new'), projectPath: FilePath }).strict(),
      z.object({ source: BundleSource, mode: z.literal('merge'), choices: MergeChoices }).strict()
    ]),
    output: returns<{ project?: ProjectState; merged?: BundleMergeResult }>()
  },
  /** Field-level differences from the open project (before) to a bundle (after). */
  diffBundleWithProject: { input: z.object({ source: BundleSource }).strict(), output: returns<BundleChange[]>() },

  /** Publish's dry run: the org read, ours against theirs field by field, and the exact requests; changes nothing. */
  planPublish: { input: PlanPublishInput, output: returns<PublishPlan>() },
  /** Publishes events to a profile's org in the background; progress comes as publishProgress. */
  startPublish: { input: StartPublishInput, output: returns<{ runId: string }>() },
  cancelPublish: { input: PublishRunInput, output: returns<PublishRunState>() },
  getPublishRun: { input: PublishRunInput, output: returns<PublishRunState>() },
  /** One `GET /v2/events`: events now PUBLISHED are locked for the profile. */
  checkPublished: { input: CheckPublishedInput, output: returns<CheckPublishedResult>() },
  /** Records by hand that the event was published in InTouch for this profile (locks it). */
  markPublished: { input: MarkPublishedInput, output: returns<PublishStateEntry>() },
  /** Per event and profile: stage and last verdict; per transformer and profile: the webHookUri. */
  listPublishState: { input: ListPublishStateInput, output: returns<PublishStateView>() },
  /** A new event (a new name) with the old one's mappings moved to it; the old one stays published. */
  newEventVersion: { input: NewEventVersionInput, output: returns<NewEventVersionResult>() },
  /** `PUT /v2/events/disable`: irreversible, frees one of the org's 10 custom-event slots. */
  disableRemoteEvent: { input: DisableRemoteEventInput, output: returns<DisableRemoteEventResult>() },
  /** Pull/drift preview: what the org has that the project lacks, the reverse, and differences field by field. */
  planPull: { input: PlanPullInput, output: returns<PullPlan>() },
  /** Imports the named org events as drafts (all or none) and records the org's webhook URIs. */
  applyPull: { input: ApplyPullInput, output: returns<PullResult>() }
} as const

/** Events pushed from main to every window (IPC) or browser tab (Server-Sent Events). */
export const serverEvents = {
  projectChanged: returns<ProjectState>(),
  eventsChanged: returns<{ reason: 'created' | 'updated' | 'deleted' | 'reloaded'; id?: string }>(),
  integrationsChanged: returns<{ id?: string }>(),
  mappingsChanged: returns<{ id: string }>(),
  /** A native menu item asks the renderer to run one of its registered commands. */
  commandRequested: returns<{ commandId: string; argument?: string }>(),
  /** The OS opened a *.capmap.json with the app: the renderer offers its import as if it had been dropped. */
  bundleFileOpened: returns<{ name: string; text: string }>(),
  listenerStatusChanged: returns<ListenerStatus>(),
  /** Captures committed since the last notice (batched): how many, and the newest of them (at most 100), newest first. */
  capturesReceived: returns<{ count: number; captures: CaptureSummary[] }>(),
  /** Captures were deleted (explicitly or by retention). */
  capturesDeleted: returns<{ count: number }>(),
  /** Deleted captures were put back (an undo): lists read again. */
  capturesRestored: returns<{ count: number }>(),
  /** Deliveries changed (batched): the relay's counts, chart and state now. */
  deliveriesChanged: returns<RelayOverview>(),
  /** Test cases were added, changed, deleted or run. */
  testCasesChanged: returns<Record<string, never>>(),
  /** A batch run moved on (at most every 100 ms), or ended. */
  batchRunProgress: returns<BatchRunState>(),
  /** A publish run moved on: one step of one event (see PublishProgress). */
  publishProgress: returns<PublishProgress>(),
  /** Publish state changed for a profile (a verdict, a lock, a pull): lists read again. */
  publishStateChanged: returns<{ profileKey: string }>()
} as const

export type Requests = typeof requests
export type RequestName = keyof Requests
export type RequestInput<K extends RequestName> = z.input<Requests[K]['input']>
export type ParsedInput<K extends RequestName> = z.output<Requests[K]['input']>
export type RequestOutput<K extends RequestName> = NonNullable<Requests[K]['output']['output']>

export type ServerEvents = typeof serverEvents
export type ServerEventName = keyof ServerEvents
export type ServerEventPayload<K extends ServerEventName> = NonNullable<ServerEvents[K]['output']>

export const requestNames = Object.keys(requests) as RequestName[]
export const serverEventNames = Object.keys(serverEvents) as ServerEventName[]

export const isRequestName = (name: string): name is RequestName => Object.hasOwn(requests, name)
