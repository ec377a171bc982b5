import type { TestCase } from '../../shared/model/testCase'
import type { ProjectMappingParts } from '../engine/compileProjectMapping'
import { StudioError } from '../errors/StudioError'
import type { OpenedProject } from '../services/ProjectSession'
import type { StoredTestCase } from '../store/TestCaseRepository'
import { eventTestStatus } from './eventTestStatus'
import { isCurrentRun } from './testFingerprint'

/** A stored mapping with its event and integration; not_found when any of them is gone. */
export function mappingParts(project: OpenedProject, mappingId: string): ProjectMappingParts {
  const mapping = project.mappings.get(mappingId)
  if (!mapping) throw new StudioError('not_found', 'That mapping no longer exists.')
  const event = project.events.get(mapping.eventId)
  const integration = project.integrations.get(mapping.integrationId)
  if (!event || !integration) throw new StudioError('not_found', 'That mapping no longer exists.')
  return { mapping, event, integration }
}

/** Test cases with whether their last run was of the event, mapping and test case as they are now. */
export function withCurrent(project: OpenedProject, stored: readonly StoredTestCase[]): TestCase[] {
  // Read each mapping (with its event and integration) once, however many test cases it has.
  const parts = new Map<string, ProjectMappingParts>()
  const partsOf = (mappingId: string) => {
    let found = parts.get(mappingId)
    if (!found) parts.set(mappingId, (found = mappingParts(project, mappingId)))
    return found
  }
  return stored.map((testCase) => ({
    ...testCase,
    current:
      testCase.lastRun !== null && isCurrentRun(testCase.lastRun.fingerprint, partsOf(testCase.mappingId), testCase)
  }))
}

/** The event's test cases: those of every mapping that targets it. */
export function testCasesOfEvent(project: OpenedProject, eventId: string): TestCase[] {
  const mappings = project.mappings
    .list()
    .filter((mapping) => mapping.eventId === eventId)
    .map((mapping) => mapping.id)
  return withCurrent(project, project.testCases.listForMappings(mappings))
}

/**
 * Sets the event Tested or Draft as the gate says (eventTestStatus), in the caller's transaction. The one place
 * that may set an event Tested.
 */
export function applyTestGate(project: OpenedProject, eventId: string, now: string): void {
  const event = project.events.get(eventId)
  if (!event) return
  const gate = eventTestStatus(event, testCasesOfEvent(project, eventId))
  if (gate.status === event.status) return
  if (gate.status === 'tested') project.events.markTested(eventId)
  else project.events.markDraft(eventId, now)
}
