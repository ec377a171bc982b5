import type { Attribute, EventDefinition, EventDraft } from '../../shared/model/event'
import { EventDefinition as EventDefinitionSchema } from '../../shared/model/event'
import type { ProjectDatabase } from './database'

interface EventRow {
  id: string
  name: string
  label: string
  description: string
  kind: string
  actions: string
  status: string
  created_at: string
  updated_at: string
}

interface AttributeRow {
  id: string
  event_id: string
  name: string
  type: string
  options: string
}

export interface EventWrite {
  id: string
  draft: EventDraft
  now: string
  newAttributeId: () => string
}

/** Events and their attributes, one aggregate: an event is always read and written whole. */
export class EventRepository {
  constructor(private readonly db: ProjectDatabase) {}

  list(): EventDefinition[] {
    const rows = this.db.prepare('SELECT * FROM events ORDER BY name COLLATE NOCASE').all() as EventRow[]
    const attributes = this.db
      .prepare('SELECT id, event_id, name, type, options FROM attributes ORDER BY event_id, position')
      .all() as AttributeRow[]
    const byEvent = new Map<string, AttributeRow[]>()
    for (const row of attributes) byEvent.set(row.event_id, [...(byEvent.get(row.event_id) ?? []), row])
    return rows.map((row) => toEvent(row, byEvent.get(row.id) ?? []))
  }

  get(id: string): EventDefinition | undefined {
    const row = this.db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined
    if (!row) return undefined
    const attributes = this.db
      .prepare('SELECT id, event_id, name, type, options FROM attributes WHERE event_id = ? ORDER BY position')
      .all(id) as AttributeRow[]
    return toEvent(row, attributes)
  }

  findByName(name: string): EventDefinition | undefined {
    const row = this.db.prepare('SELECT id FROM events WHERE name = ? COLLATE NOCASE').get(name) as
      { id: string } | undefined
    return row ? this.get(row.id) : undefined
  }

  insert({ id, draft, now, newAttributeId }: EventWrite): EventDefinition {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO events (id, name, label, description, kind, actions, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?)`
        )
        .run(id, draft.name, draft.label, draft.description, draft.kind, JSON.stringify(draft.actions), now, now)
      this.writeAttributes(id, draft, newAttributeId)
    })()
    return this.require(id)
  }

  /** Replaces the event whole; any design change sends it back to Draft (its tests must pass again). */
  update({ id, draft, now, newAttributeId }: EventWrite): EventDefinition {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE events SET name = ?, label = ?, description = ?, kind = ?, actions = ?, status = 'draft',
           updated_at = ? WHERE id = ?`
        )
        .run(draft.name, draft.label, draft.description, draft.kind, JSON.stringify(draft.actions), now, id)
      this.db.prepare('DELETE FROM attributes WHERE event_id = ?').run(id)
      this.writeAttributes(id, draft, newAttributeId)
    })()
    return this.require(id)
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM events WHERE id = ?').run(id).changes > 0
  }

  private writeAttributes(eventId: string, draft: EventDraft, newAttributeId: () => string): void {
    const insert = this.db.prepare(
      'INSERT INTO attributes (id, event_id, position, name, type, options) VALUES (?, ?, ?, ?, ?, ?)'
    )
    draft.attributes.forEach((attribute, position) => {
      const { id, name, type, ...options } = attribute
      insert.run(id ?? newAttributeId(), eventId, position, name, type, JSON.stringify(options))
    })
  }

  private require(id: string): EventDefinition {
    const event = this.get(id)
    if (!event) throw new Error(`event ${id} vanished inside its own transaction`)
    return event
  }
}

function toEvent(row: EventRow, attributeRows: AttributeRow[]): EventDefinition {
  const attributes: unknown[] = attributeRows.map((attribute) => ({
    ...(JSON.parse(attribute.options) as Partial<Attribute>),
    id: attribute.id,
    name: attribute.name,
    type: attribute.type
  }))
  // Parsing on the way out means a row written by a hand-edited or older file is caught here, not in the UI.
  return EventDefinitionSchema.parse({
    id: row.id,
    name: row.name,
    label: row.label,
    description: row.description,
    kind: row.kind,
    actions: JSON.parse(row.actions),
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    attributes
  })
}
