import { z } from 'zod'
import { MappingSpec } from '../../model/mapping'

/**
 * The JSON Schema (2020-12) of a mapping file (`capmap transform --mapping`, and each mapping in a bundle), made
 * from the model itself so it cannot drift; resources/mapping.schema.json is this, and a test keeps it so.
 */
export function mappingJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(MappingSpec, { io: 'input', target: 'draft-2020-12' })
  return {
    $schema,
    $id: 'https://capillary-mapping-studio.local/schemas/mapping.schema.json',
    title: 'Capillary Mapping Studio mapping',
    description:
      'How one kind of third-party payload becomes Capillary behavioural events: which payloads (match), one event ' +
      'per list item (fanOut), and one rule per target attribute (a source path, constant or JSONata expression, ' +
      'then transforms). Paths: README "Mapping engine".',
    ...schema
  }
}
