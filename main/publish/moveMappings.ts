import type { OpenedProject } from '../services/ProjectSession'

/**
 * Moves an event's mappings to its new version (issue 10: a published event cannot change, so a new event under a
 * new name takes over), in the caller's transaction: the mappings, the integrations' event-name entries that meant
 * the old event (Capillary's valueMap: those source events now mean the new one), and the test cases' expected
 * outputs, whose `event_name` becomes the new name. Answers the moved mappings' ids.
 */
export function moveMappings(
  project: OpenedProject,
  from: { id: string; name: string },
  to: { id: string; name: string },
  now: string
): string[] {
  const moved = project.mappings.list().filter((mapping) => mapping.eventId === from.id)
  project.db.prepare('UPDATE mappings SET event_id = ?, updated_at = ? WHERE event_id = ?').run(to.id, now, from.id)
  for (const integration of project.integrations.list()) {
    if (!integration.eventNameMap.some((entry) => entry.eventName === from.name)) continue
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...draft } = integration
    project.integrations.update(
      integration.id,
      {
        ...draft,
        eventNameMap: integration.eventNameMap.map((entry) =>
          entry.eventName === from.name ? { ...entry, eventName: to.name } : entry
        )
      },
      now
    )
  }
  const ids = new Set(moved.map((mapping) => mapping.id))
  for (const testCase of project.testCases.list().filter((candidate) => ids.has(candidate.mappingId))) {
    const { id, lastRun: _lastRun, createdAt: _createdAt, updatedAt: _updatedAt, ...draft } = testCase
    project.testCases.update(
      id,
      {
        ...draft,
        expected: draft.expected.map((output) =>
          output.event_name === from.name ? { ...output, event_name: to.name } : output
        )
      },
      now
    )
  }
  return moved.map((mapping) => mapping.id)
}
