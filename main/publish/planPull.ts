import { eventDefinitionBody } from '../../shared/capillary/eventDefinitionBody'
import {
  eventDraftFromDefinition,
  type EventDraftFromDefinition
} from '../../shared/capillary/eventDraftFromDefinition'
import type { EventDefinition } from '../../shared/model/event'
import type { PublishTarget, PulledMapping, PullEvent, PullPlan } from '../../shared/model/publish'
import type { RemoteEvent, RemoteTransformerMapping } from '../capillary/client/responses'
import { compareDefinitions } from './compareDefinitions'
import { remoteStateOf, type OrgReading } from './planPublish'

/** An org's event as a draft of ours, read as shared/capillary reads any Capillary definition (notes §3, §12.6). */
export function draftFromRemote(remote: RemoteEvent): EventDraftFromDefinition {
  return eventDraftFromDefinition({
    eventName: remote.eventName,
    ...(remote.label !== undefined && remote.label !== remote.eventName ? { label: remote.label } : {}),
    ...(remote.description !== undefined ? { description: remote.description } : {}),
    actions: remote.actions,
    fields: remote.fields.map((field) => ({ name: field.name, type: field.wireType, attributes: field.attributes }))
  })
}

function pulledMapping(
  transformer: PulledMapping['transformer'],
  mapping: RemoteTransformerMapping | null
): PulledMapping[] {
  if (!mapping) return []
  return [
    {
      transformer,
      eventNameField: mapping.eventNameField ?? null,
      sourceNames: Object.keys(mapping.valueMap),
      fieldMappings: mapping.fieldMappings.map((entry) => ({
        eventFieldName: entry.eventFieldName,
        sourceFieldName: entry.sourceFieldName ?? null
      }))
    }
  ]
}

const remoteOf = (remote: RemoteEvent | undefined): PullEvent['remote'] => ({
  state: remoteStateOf(remote),
  status: remote?.status ?? null,
  testStatus: remote?.testStatus ?? null
})

/**
 * "Pull from org" and drift (issue 10): what the org has that the project lacks (importable as drafts when
 * shared/capillary reads them), what the project has that the org lacks, and both-present events ours against
 * theirs, field by field; with each event's adapter mappings (notes §6.2) as read. Reads only.
 */
export function planPull(
  events: readonly EventDefinition[],
  org: OrgReading,
  target: PublishTarget,
  now: string
): PullPlan {
  const byName = new Map(events.map((event) => [event.name.toLowerCase(), event]))
  const pulled: PullEvent[] = org.events.map((remote) => {
    const ours = byName.get(remote.eventName.toLowerCase())
    const mappings = [
      ...pulledMapping('defaultTransformer', remote.mappings.default),
      ...pulledMapping('webEngageTransformer', remote.mappings.webEngage)
    ]
    if (ours) {
      return {
        eventName: remote.eventName,
        presence: 'both',
        eventId: ours.id,
        kind: ours.kind,
        remote: remoteOf(remote),
        comparison: compareDefinitions(eventDefinitionBody(ours), remote),
        mappings,
        importable: false,
        problems: []
      }
    }
    const read = draftFromRemote(remote)
    return {
      eventName: remote.eventName,
      presence: 'org_only',
      eventId: null,
      kind: remote.standardEvent ? 'standard' : 'custom',
      remote: remoteOf(remote),
      comparison: compareDefinitions(null, remote),
      mappings,
      importable: read.ok,
      problems: read.ok ? [] : [read.error]
    }
  })
  const inOrg = new Set(org.events.map((remote) => remote.eventName.toLowerCase()))
  const projectOnly: PullEvent[] = events
    .filter((event) => !inOrg.has(event.name.toLowerCase()))
    .map((event) => ({
      eventName: event.name,
      presence: 'project_only',
      eventId: event.id,
      kind: event.kind,
      remote: remoteOf(undefined),
      comparison: compareDefinitions(eventDefinitionBody(event), null),
      mappings: [],
      importable: false,
      problems: []
    }))
  return {
    target,
    events: [...pulled, ...projectOnly],
    webhooks: org.webhooks.map((webhook) => ({
      transformer: webhook.transformerType,
      webHookUri: webhook.webHookUri,
      tillCode: webhook.tillCode ?? '',
      authEnabled: webhook.authEnabled,
      authMechanism: webhook.authMechanism ?? null
    })),
    readAt: now
  }
}
