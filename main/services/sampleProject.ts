import { z } from 'zod'
import { EventDraft } from '../../shared/model/event'
import sampleSource from '../../resources/sample-project.json'
import type { OpenedProject } from './ProjectSession'

/** The readable source of the sample project (`resources/sample-project.json`), checked when it is built. */
export const SampleProject = z.object({
  name: z.string(),
  events: z.array(EventDraft)
})
export type SampleProject = z.infer<typeof SampleProject>

export function loadSampleProject(): SampleProject {
  return SampleProject.parse(sampleSource)
}

/** Fills a new, empty project with the sample's content. */
export function seedSampleProject(project: OpenedProject, now: string, newId: () => string): void {
  project.db.transaction(() => {
    for (const draft of loadSampleProject().events)
      project.events.insert({ id: newId(), draft, now, newAttributeId: newId })
    project.meta.set('origin', 'sample')
  })()
}
