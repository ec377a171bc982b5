import type { Bundle, BundleEvent } from '../../shared/bundle/bundleFormat'
import { canonicalContent, type BundleContent } from '../../shared/bundle/canonicalBundle'
import type { EventDefinition } from '../../shared/model/event'
import { IntegrationDraft } from '../../shared/model/integration'
import { StudioError } from '../errors/StudioError'
import type { OpenedProject } from '../services/ProjectSession'
import { inWriteTransaction } from '../store/database'

/** An event's design as a bundle holds it: no ids, status, publications or times. */
function bundleEvent(event: EventDefinition): BundleEvent {
  const { name, label, description, kind, actions, attributes } = event
  return {
    name,
    label,
    description,
    kind,
    actions,
    attributes: attributes.map(({ id: _id, ...attribute }) => attribute)
  }
}

/**
 * The project's content as a bundle, in the bundle's order: its events (or the named ones), the integrations that
 * feed them, their mappings and test cases. Signing secrets and profile passwords live in the secret store, never in
 * the project, so they cannot leave; literal ones typed into rules or payloads are for the export scan to find.
 */
export function projectBundleContent(project: OpenedProject, eventNames: readonly string[] = []): BundleContent {
  const allEvents = project.events.list()
  const unknown = eventNames.filter((name) => !allEvents.some((event) => event.name === name))
  if (unknown.length > 0) {
    const names = allEvents.map((event) => event.name).join(', ') || 'none'
    throw new StudioError('not_found', `The project has no event ${unknown.join(', ')} (its events: ${names}).`)
  }
  const events = eventNames.length === 0 ? allEvents : allEvents.filter((event) => eventNames.includes(event.name))
  const eventsById = new Map(events.map((event) => [event.id, event]))
  const integrationsById = new Map(project.integrations.list().map((integration) => [integration.id, integration]))
  const mappings = project.mappings.list().filter((mapping) => eventsById.has(mapping.eventId))
  const slugOf = (integrationId: string) => integrationsById.get(integrationId)?.slug ?? ''
  const nameOf = (eventId: string) => eventsById.get(eventId)?.name ?? ''
  const mappingsById = new Map(mappings.map((mapping) => [mapping.id, mapping]))
  const fed = new Set(mappings.map((mapping) => mapping.integrationId))
  return canonicalContent({
    events: events.map(bundleEvent),
    integrations: [...integrationsById.values()]
      .filter((integration) => eventNames.length === 0 || fed.has(integration.id))
      .map((integration) => IntegrationDraft.parse(integration)),
    mappings: mappings.map(({ integrationId, eventId, match, fanOut, rules }) => ({
      integration: slugOf(integrationId),
      event: nameOf(eventId),
      spec: { match, fanOut, rules }
    })),
    testCases: project.testCases.list().flatMap((testCase) => {
      const mapping = mappingsById.get(testCase.mappingId)
      if (!mapping) return []
      const { name, source, payload, expected } = testCase
      return [
        { integration: slugOf(mapping.integrationId), event: nameOf(mapping.eventId), name, source, payload, expected }
      ]
    })
  })
}

/** Fills a new, empty project with a bundle's content, in one transaction: all of it or none. */
export function seedFromBundle(project: OpenedProject, bundle: Bundle, now: string, newId: () => string): void {
  inWriteTransaction(project.db, () => {
    const eventIds = new Map<string, string>()
    for (const event of bundle.events) {
      eventIds.set(event.name, project.events.insert({ id: newId(), draft: event, now, newAttributeId: newId }).id)
    }
    const integrationIds = new Map<string, string>()
    for (const integration of bundle.integrations) {
      integrationIds.set(integration.slug, project.integrations.insert(newId(), integration, now).id)
    }
    const mappingIds = new Map<string, string>()
    for (const mapping of bundle.mappings) {
      const saved = project.mappings.save(
        newId(),
        integrationIds.get(mapping.integration) ?? '',
        eventIds.get(mapping.event) ?? '',
        mapping.spec,
        now
      )
      mappingIds.set(`${mapping.integration}\u0000${mapping.event}`, saved.id)
    }
    for (const { integration, event, ...testCase } of bundle.testCases) {
      const mappingId = mappingIds.get(`${integration}\u0000${event}`) ?? ''
      project.testCases.insert(newId(), { mappingId, ...testCase }, now)
    }
  })
}
