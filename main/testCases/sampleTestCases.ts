import { z } from 'zod'
import { TestCaseDraft } from '../../shared/model/testCase'
import { compileProjectMapping } from '../engine/compileProjectMapping'
import { createJsonataEvaluator } from '../../shared/engine/expressions/createJsonataEvaluator'
import { samplePayloads } from '../listener/sampleCaptures'
import type { OpenedProject } from '../services/ProjectSession'
import { judgeResult } from './runTestCase'
import { applyTestGate, mappingParts } from './testGate'
import { testFingerprint } from './testFingerprint'

/** A test case of the sample project: its mapping named by integration slug and event name, its payload by file. */
export const SampleTestCase = z.object({
  integration: z.string(),
  event: z.string(),
  name: z.string(),
  payload: z.string().refine((name) => Object.hasOwn(samplePayloads, name), 'Name a file of resources/samples.'),
  expected: TestCaseDraft.shape.expected
})
export type SampleTestCase = z.infer<typeof SampleTestCase>

/**
 * Adds the sample's test cases and runs them as the studio would, so a newcomer finds its events Tested (by the
 * gate, not by decree). Runs in the seeding transaction: the sample's mappings have no JSONata, so they run at once.
 */
export function seedSampleTestCases(
  project: OpenedProject,
  testCases: readonly SampleTestCase[],
  now: string,
  newId: () => string
): void {
  const evaluator = createJsonataEvaluator()
  const events = new Set<string>()
  for (const sample of testCases) {
    const integration = project.integrations.list().find((candidate) => candidate.slug === sample.integration)
    const event = project.events.findByName(sample.event)
    const mapping = integration && event ? project.mappings.find(integration.id, event.id) : undefined
    if (!mapping) throw new Error(`sample test case ${sample.name} names no mapping`)
    const draft: TestCaseDraft = {
      mappingId: mapping.id,
      name: sample.name,
      source: { kind: 'sample', name: sample.payload },
      payload: samplePayloads[sample.payload] as TestCaseDraft['payload'],
      expected: sample.expected
    }
    const stored = project.testCases.insert(newId(), draft, now)
    const parts = mappingParts(project, mapping.id)
    const compiled = compileProjectMapping(parts, evaluator)
    if (compiled.isAsync) throw new Error(`the sample mapping of ${sample.event} must run without JSONata`)
    project.testCases.recordRun(
      stored.id,
      judgeResult(compiled(draft.payload), draft, { now, fingerprint: testFingerprint(parts, draft) })
    )
    events.add(event?.id ?? '')
  }
  for (const eventId of events) applyTestGate(project, eventId, now)
}
