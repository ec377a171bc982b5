import type { ProjectDatabase } from '../store/database'

/**
 * Moves every mapping of one event to another (a new version of a published event, issue 10); their test cases go
 * with them (they belong to the mapping). Runs in the caller's transaction; answers the moved mappings' ids.
 */
export function moveMappings(db: ProjectDatabase, fromEventId: string, toEventId: string, now: string): string[] {
  const ids = (
    db.prepare('SELECT id FROM mappings WHERE event_id = ? ORDER BY created_at, id').all(fromEventId) as {
      id: string
    }[]
  ).map((row) => row.id)
  db.prepare('UPDATE mappings SET event_id = ?, updated_at = ? WHERE event_id = ?').run(toEventId, now, fromEventId)
  return ids
}
