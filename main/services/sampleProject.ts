import { z } from 'zod'
import { standardEventDraft } from '../../shared/capillary/standardEventDraft'
import { StandardEventName } from '../../shared/capillary/standardEvents'
import { EventDraft } from '../../shared/model/event'
import { IntegrationDraft } from '../../shared/model/integration'
import { MappingSpec } from '../../shared/model/mapping'
import { WebhookSettings } from '../../shared/model/webhookSettings'
import sampleSource from '../../resources/sample-project.json'
import { SampleCapture, seedSampleCaptures } from '../listener/sampleCaptures'
import { SampleTestCase, seedSampleTestCases } from '../testCases/sampleTestCases'
import type { OpenedProject } from './ProjectSession'
import { inWriteTransaction } from '../store/database'

/** The readable source of the sample project (`resources/sample-project.json`), checked when it is built. */
export const SampleProject = z.object({
  name: z.string(),
  /** A standard event is named from Capillary's library (`{ "fromLibrary": "ProductAddedToCart" }`). */
  events: z.array(z.union([z.object({ fromLibrary: StandardEventName }), EventDraft])),
  integrations: z.array(IntegrationDraft).default([]),
  webhookSettings: z.array(WebhookSettings).default([]),
  /** Mappings name their integration by slug and their event by name. */
  mappings: z.array(z.object({ integration: z.string(), event: z.string(), spec: MappingSpec })).default([]),
  /** Requests shown as already captured, for the sample's integrations (payloads from resources/samples). */
  captures: z.array(SampleCapture).default([]),
  /** Payloads with their expected outputs, run at seeding so the sample's events are Tested. */
  testCases: z.array(SampleTestCase).default([])
})
export type SampleProject = z.infer<typeof SampleProject>

export function loadSampleProject(): SampleProject {
  return SampleProject.parse(sampleSource)
}

/** Fills a new, empty project with the sample's content, in one transaction. */
export function seedSampleProject(project: OpenedProject, now: string, newId: () => string): void {
  const sample = loadSampleProject()
  inWriteTransaction(project.db, () => {
    for (const entry of sample.events) {
      const draft = 'fromLibrary' in entry ? standardEventDraft(entry.fromLibrary) : entry
      project.events.insert({ id: newId(), draft, now, newAttributeId: newId })
    }
    for (const draft of sample.integrations) project.integrations.insert(newId(), draft, now)
    for (const settings of sample.webhookSettings) project.webhookSettings.save(settings)
    for (const mapping of sample.mappings) {
      const integration = project.integrations.list().find((candidate) => candidate.slug === mapping.integration)
      const event = project.events.findByName(mapping.event)
      if (!integration || !event)
        throw new Error(`sample mapping ${mapping.integration} → ${mapping.event} names nothing`)
      project.mappings.save(newId(), integration.id, event.id, mapping.spec, now)
    }
    seedSampleCaptures(project, sample.captures, new Date(now))
    seedSampleTestCases(project, sample.testCases, now, newId)
    project.meta.set('origin', 'sample')
  })
}
