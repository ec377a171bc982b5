import { Mapping, MappingSpec } from '../../shared/model/mapping'
import type { ProjectDatabase } from './database'

interface MappingRow {
  id: string
  integration_id: string
  event_id: string
  spec: string
  created_at: string
  updated_at: string
}

/** Mappings: one per (integration, event), their spec stored as JSON and parsed on the way out. */
export class MappingRepository {
  constructor(private readonly db: ProjectDatabase) {}

  list(): Mapping[] {
    const rows = this.db.prepare('SELECT * FROM mappings ORDER BY created_at, id').all() as MappingRow[]
    return rows.map(toMapping)
  }

  get(id: string): Mapping | undefined {
    const row = this.db.prepare('SELECT * FROM mappings WHERE id = ?').get(id) as MappingRow | undefined
    return row ? toMapping(row) : undefined
  }

  find(integrationId: string, eventId: string): Mapping | undefined {
    const row = this.db
      .prepare('SELECT * FROM mappings WHERE integration_id = ? AND event_id = ?')
      .get(integrationId, eventId) as MappingRow | undefined
    return row ? toMapping(row) : undefined
  }

  /** Creates the mapping of this (integration, event), or replaces its spec. */
  save(id: string, integrationId: string, eventId: string, spec: MappingSpec, now: string): Mapping {
    this.db
      .prepare(
        `INSERT INTO mappings (id, integration_id, event_id, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (integration_id, event_id) DO UPDATE SET spec = excluded.spec, updated_at = excluded.updated_at`
      )
      .run(id, integrationId, eventId, JSON.stringify(spec), now, now)
    const saved = this.find(integrationId, eventId)
    if (!saved) throw new Error('a mapping vanished inside its own write')
    return saved
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM mappings WHERE id = ?').run(id).changes > 0
  }
}

function toMapping(row: MappingRow): Mapping {
  return Mapping.parse({
    ...MappingSpec.parse(JSON.parse(row.spec)),
    id: row.id,
    integrationId: row.integration_id,
    eventId: row.event_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  })
}
