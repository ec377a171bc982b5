import type { MappingEvent } from '../../../shared/engine/compileMapping'
import type { InferredSchema } from '../../../shared/engine/inferSchema'
import { suggestMappings, type MappingSuggestion } from '../../../shared/engine/suggestMappings'
import type { MappingSpec } from '../../../shared/model/mapping'

/** The engine's ranked suggestions for the attributes no rule sets yet: the best two of each, best first. */
export function suggestionsFor(schema: InferredSchema, event: MappingEvent, spec: MappingSpec): MappingSuggestion[] {
  const mapped = new Set(spec.rules.map((rule) => rule.target))
  return suggestMappings(schema, event, 2)
    .filter((entry) => !mapped.has(entry.target))
    .flatMap((entry) => entry.suggestions)
    .sort((a, b) => b.score - a.score)
}
