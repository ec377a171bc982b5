import { Integration, type IntegrationDraft } from '../../shared/model/integration'
import type { ProjectDatabase } from './database'

interface IntegrationRow {
  id: string
  name: string
  slug: string
  kind: string
  source_account: string
  event_name_field: string
  event_name_map: string
  created_at: string
  updated_at: string
}

/** Integrations (WebEngage or Custom sources) with their source-event-name maps. */
export class IntegrationRepository {
  constructor(private readonly db: ProjectDatabase) {}

  list(): Integration[] {
    const rows = this.db.prepare('SELECT * FROM integrations ORDER BY name COLLATE NOCASE').all() as IntegrationRow[]
    return rows.map(toIntegration)
  }

  get(id: string): Integration | undefined {
    const row = this.db.prepare('SELECT * FROM integrations WHERE id = ?').get(id) as IntegrationRow | undefined
    return row ? toIntegration(row) : undefined
  }

  insert(id: string, draft: IntegrationDraft, now: string): Integration {
    this.db
      .prepare(
        `INSERT INTO integrations (id, name, slug, kind, source_account, event_name_field, event_name_map, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(id, ...columns(draft), now, now)
    return this.require(id)
  }

  update(id: string, draft: IntegrationDraft, now: string): Integration {
    this.db
      .prepare(
        `UPDATE integrations SET name = ?, slug = ?, kind = ?, source_account = ?, event_name_field = ?,
         event_name_map = ?, updated_at = ? WHERE id = ?`
      )
      .run(...columns(draft), now, id)
    return this.require(id)
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM integrations WHERE id = ?').run(id).changes > 0
  }

  private require(id: string): Integration {
    const integration = this.get(id)
    if (!integration) throw new Error(`integration ${id} vanished inside its own write`)
    return integration
  }
}

function columns(draft: IntegrationDraft) {
  return [
    draft.name,
    draft.slug,
    draft.kind,
    draft.sourceAccount,
    draft.eventNameField,
    JSON.stringify(draft.eventNameMap)
  ] as const
}

function toIntegration(row: IntegrationRow): Integration {
  return Integration.parse({
    id: row.id,
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    sourceAccount: row.source_account,
    eventNameField: row.event_name_field,
    eventNameMap: JSON.parse(row.event_name_map),
    createdAt: row.created_at,
    updatedAt: row.updated_at
  })
}
