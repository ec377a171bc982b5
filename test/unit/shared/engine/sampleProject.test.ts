import { describe, expect, it } from 'vitest'
import sample from '../../../../resources/sample-project.json'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'
import { StandardEventName } from '../../../../shared/capillary/standardEvents'
import { compileMapping } from '../../../../shared/engine/compileMapping'
import { resolveMatch } from '../../../../shared/engine/resolveMatch'
import { EventDraft } from '../../../../shared/model/event'
import { MappingSpec } from '../../../../shared/model/mapping'
import bookingPayload from './fixtures/custom-be-reserved.json'
import addedToCartPayload from './fixtures/webengage-added-to-cart-flat.json'

function sampleEvent(name: string): EventDraft {
  for (const entry of sample.events) {
    if ('fromLibrary' in entry && entry.fromLibrary === name) return standardEventDraft(StandardEventName.parse(name))
    if ('name' in entry && entry.name === name) return EventDraft.parse(entry)
  }
  throw new Error(`no sample event ${name}`)
}

const payloads: Record<string, unknown> = { webengage: addedToCartPayload, 'booking-app': bookingPayload }

describe('the sample project', () => {
  it.each(sample.mappings.map((mapping) => [mapping.integration, mapping.event, mapping] as const))(
    'maps %s payloads onto %s without a problem',
    (integrationSlug, eventName, mapping) => {
      const integration = sample.integrations.find((entry) => entry.slug === integrationSlug)
      if (!integration) throw new Error(integrationSlug)
      const spec = resolveMatch(MappingSpec.parse(mapping.spec), {
        eventNameField: integration.eventNameField,
        sourceNames: integration.eventNameMap
          .filter((entry) => entry.eventName === eventName)
          .map((entry) => entry.sourceName)
      })
      const compiled = compileMapping(spec, sampleEvent(eventName))
      expect(compiled.problems).toEqual([])
      const result = compiled(payloads[integrationSlug])
      if (result instanceof Promise) throw new Error('expected a synchronous mapping')
      expect(result.outputs).toHaveLength(1)
      expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
    }
  )
})
