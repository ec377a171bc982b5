import type { BundleEvent } from '../../shared/bundle/bundleFormat'
import type { BundleContent } from '../../shared/bundle/canonicalBundle'
import { integrationMatch, resolveMatch } from '../../shared/engine/resolveMatch'
import type { MappingSpec } from '../../shared/model/mapping'

/**
 * The one mapping of a bundle that `event` and `integration` (either may be left out) name, ready to run: its
 * event, and its match resolved from the integration's event-name map. An error lists the choices when it is not
 * exactly one.
 */
export function bundleMapping(
  bundle: Pick<BundleContent, 'events' | 'integrations' | 'mappings'>,
  filter: { event?: string | undefined; integration?: string | undefined }
): { ok: true; spec: MappingSpec; event: BundleEvent } | { ok: false; error: string } {
  const candidates = bundle.mappings.filter(
    (mapping) =>
      (filter.event === undefined || mapping.event === filter.event) &&
      (filter.integration === undefined || mapping.integration === filter.integration)
  )
  const choices = bundle.mappings.map((mapping) => `--integration ${mapping.integration} --event ${mapping.event}`)
  if (candidates.length !== 1) {
    const what = candidates.length === 0 ? 'No mapping of the bundle matches' : 'Several mappings of the bundle match'
    return { ok: false, error: `${what}: name one (${choices.join('; ') || 'the bundle has none'}).` }
  }
  const [mapping] = candidates as [BundleContent['mappings'][number]]
  const event = bundle.events.find((candidate) => candidate.name === mapping.event)
  const integration = bundle.integrations.find((candidate) => candidate.slug === mapping.integration)
  if (!event || !integration)
    return { ok: false, error: 'The bundle names a mapping without its event or integration.' }
  const spec = resolveMatch(mapping.spec, integrationMatch(integration, event.name))
  return { ok: true, spec, event }
}
