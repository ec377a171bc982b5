import { formatPath } from '../../shared/engine/sourcePath/parsePath'
import type { EventDraft } from '../../shared/model/event'
import type { Integration } from '../../shared/model/integration'
import type { MappingSpec } from '../../shared/model/mapping'
import type { PulledMapping } from '../../shared/model/publish'
import { transformerOf } from '../../shared/model/webhookSettings'

/**
 * An org's adapter mapping (notes §6.2) as a mapping of ours, for the one integration of the project whose
 * transformer it belongs to (WebEngage, or Custom for the default transformer); undefined when the project has none
 * or several. Source names become the match (valueMap: source → event; none means the event's own name), each field
 * entry a rule reading that top-level field (an entry without a source field, or the default transformer's map
 * without entries, reads the field's own name).
 */
export function mappingFromRemote(
  pulled: PulledMapping,
  event: Pick<EventDraft, 'name' | 'attributes'>,
  integrations: readonly Integration[]
): { integration: Integration; spec: MappingSpec } | undefined {
  const candidates = integrations.filter((integration) => transformerOf(integration.kind) === pulled.transformer)
  const [integration] = candidates
  if (!integration || candidates.length > 1) return undefined
  const names = new Set(event.attributes.map((attribute) => attribute.name))
  const entries =
    pulled.fieldMappings.length > 0
      ? pulled.fieldMappings.filter((entry) => names.has(entry.eventFieldName))
      : event.attributes.map((attribute) => ({ eventFieldName: attribute.name, sourceFieldName: null }))
  return {
    integration,
    spec: {
      match: {
        kind: 'eventName',
        field: formatPath([{ key: pulled.eventNameField ?? 'event_name' }]),
        sourceNames: pulled.sourceNames.length > 0 ? pulled.sourceNames : [event.name]
      },
      fanOut: null,
      rules: entries.map((entry) => ({
        target: entry.eventFieldName,
        source: {
          kind: 'path',
          path: formatPath([{ key: entry.sourceFieldName ?? entry.eventFieldName }]),
          scope: 'payload'
        },
        transforms: []
      }))
    }
  }
}
