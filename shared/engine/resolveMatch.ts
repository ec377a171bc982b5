import type { MappingSpec } from '../model/mapping'

/** What an integration says about one event: where the source event name is, and which names mean this event. */
export interface IntegrationMatch {
  eventNameField: string
  /** The source names the integration's event-name map (Capillary's valueMap) gives this event. */
  sourceNames: readonly string[]
}

/**
 * Turns an `integration` match into the `eventName` match it stands for, so the engine needs no project data; other
 * matches are returned unchanged. No source names means the mapping matches nothing (the engine says no_match).
 */
export function resolveMatch(spec: MappingSpec, integration: IntegrationMatch): MappingSpec {
  if (spec.match.kind !== 'integration') return spec
  return {
    ...spec,
    match: { kind: 'eventName', field: integration.eventNameField, sourceNames: [...integration.sourceNames] }
  }
}

/** What an integration (its event-name field and map) says about the event named `eventName`. */
export function integrationMatch(
  integration: { eventNameField: string; eventNameMap: readonly { sourceName: string; eventName: string }[] },
  eventName: string
): IntegrationMatch {
  return {
    eventNameField: integration.eventNameField,
    sourceNames: integration.eventNameMap
      .filter((entry) => entry.eventName === eventName)
      .map((entry) => entry.sourceName)
  }
}
