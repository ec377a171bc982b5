import { z } from 'zod'
import { Bundle } from './bundleFormat'

/**
 * The JSON Schema (2020-12) of a bundle file (`*.capmap.json`), made from the zod model itself so it cannot drift:
 * resources/bundle.schema.json is this, and a test keeps it so. Editors validate bundles with it; the studio checks
 * more on import (names and references, README "Bundles").
 */
export function bundleJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(Bundle, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any'
  })
  return {
    $schema,
    $id: 'https://capillary-mapping-studio.local/schemas/bundle.schema.json',
    title: 'Capillary Mapping Studio bundle',
    description:
      "A project's events, integrations (without secrets), mappings and test cases, written canonically so teams " +
      'review them in git: stable key order, two-space indent, a final newline.',
    ...schema
  }
}
