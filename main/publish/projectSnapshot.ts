import type { EventDefinition } from '../../shared/model/event'
import type { Integration } from '../../shared/model/integration'
import type { Mapping } from '../../shared/model/mapping'
import type { PublishStateEntry } from '../../shared/model/publish'
import type { EventTestStatus, TestCase } from '../../shared/model/testCase'
import type { WebhookSettings } from '../../shared/model/webhookSettings'
import type { OpenedProject } from '../services/ProjectSession'
import { eventTestStatus } from '../testCases/eventTestStatus'
import { testCasesOfEvent } from '../testCases/testGate'
import { PublishStateRepository } from '../store/PublishStateRepository'

/** What a publish plan reads of the project, once. */
export interface ProjectSnapshot {
  events: EventDefinition[]
  integrations: Integration[]
  mappings: Mapping[]
  webhookSettings: WebhookSettings[]
  /** Per event id: its test cases (with whether their last run still counts) and its Tested gate. */
  tests: Map<string, { testCases: TestCase[]; gate: EventTestStatus }>
  /** Publish state of the target profile, per event id. */
  state: Map<string, PublishStateEntry>
}

export function readProjectSnapshot(project: OpenedProject, profileKey: string): ProjectSnapshot {
  const events = project.events.list()
  const tests = new Map<string, { testCases: TestCase[]; gate: EventTestStatus }>()
  for (const event of events) {
    const testCases = testCasesOfEvent(project, event.id)
    tests.set(event.id, { testCases, gate: eventTestStatus(event, testCases) })
  }
  const state = new Map(
    new PublishStateRepository(project.db).list(profileKey).map((entry) => [entry.eventId, entry] as const)
  )
  return {
    events,
    integrations: project.integrations.list(),
    mappings: project.mappings.list(),
    webhookSettings: project.webhookSettings.list(),
    tests,
    state
  }
}
