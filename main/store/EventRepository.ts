import type { Attribute, EventDefinition, EventDraft, EventPublication } from '../../shared/model/event'
import { EventDefinition as EventDefinitionSchema } from '../../shared/model/event'
import { inWriteTransaction, type ProjectDatabase } from './database'

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

interface PublicationRow {
  event_id: string
  profile: string
  published_at: string
  published_by: string
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
    const publications = this.db
      .prepare('SELECT * FROM event_publications ORDER BY published_at')
      .all() as PublicationRow[]
    const attributesByEvent = groupByEvent(attributes)
    const publicationsByEvent = groupByEvent(publications)
    return rows.map((row) => toEvent(row, attributesByEvent.get(row.id) ?? [], publicationsByEvent.get(row.id) ?? []))
  }

  get(id: string): EventDefinition | undefined {
    const row = this.db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined
    if (!row) return undefined
    const attributes = this.db
      .prepare('SELECT id, event_id, name, type, options FROM attributes WHERE event_id = ? ORDER BY position')
      .all(id) as AttributeRow[]
    const publications = this.db
      .prepare('SELECT * FROM event_publications WHERE event_id = ? ORDER BY published_at')
      .all(id) as PublicationRow[]
    return toEvent(row, attributes, publications)
  }

  findByName(name: string): EventDefinition | undefined {
    const row = this.db.prepare('SELECT id FROM events WHERE name = ? COLLATE NOCASE').get(name) as
      { id: string } | undefined
    return row ? this.get(row.id) : undefined
  }

  /** Inserts the event; one that would not read back (past a limit of the model) is not written at all. */
  insert({ id, draft, now, newAttributeId }: EventWrite): EventDefinition {
    return inWriteTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO events (id, name, label, description, kind, actions, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?)`
        )
        .run(id, draft.name, draft.label, draft.description, draft.kind, JSON.stringify(draft.actions), now, now)
      this.writeAttributes(id, draft, newAttributeId)
      return this.require(id)
    })
  }

  /**
   * Replaces the event whole; any design change sends it back to Draft (its tests must pass again). An event that
   * would not read back is not written.
   */
  update({ id, draft, now, newAttributeId }: EventWrite): EventDefinition {
    return inWriteTransaction(this.db, () => {
      this.db
        .prepare(
          `UPDATE events SET name = ?, label = ?, description = ?, kind = ?, actions = ?, status = 'draft',
           updated_at = ? WHERE id = ?`
        )
        .run(draft.name, draft.label, draft.description, draft.kind, JSON.stringify(draft.actions), now, id)
      this.db.prepare('DELETE FROM attributes WHERE event_id = ?').run(id)
      this.writeAttributes(id, draft, newAttributeId)
      return this.require(id)
    })
  }

  /** Sends the event back to Draft: something it depends on (a mapping) changed since it was tested. */
  markDraft(id: string, now: string): void {
    this.db.prepare("UPDATE events SET status = 'draft', updated_at = ? WHERE id = ?").run(now, id)
  }

  /** The event passed the Tested gate: only applyTestGate (main/testCases/testGate.ts) calls this. */
  markTested(id: string): void {
    this.db.prepare("UPDATE events SET status = 'tested' WHERE id = ?").run(id)
  }

  /** Records that the event went live in an org (the publish step writes it; Capillary then locks the event). */
  recordPublication(id: string, publication: EventPublication): void {
    this.db
      .prepare(
        `INSERT INTO event_publications (event_id, profile, published_at, published_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (event_id, profile) DO UPDATE SET published_at = excluded.published_at, published_by = excluded.published_by`
      )
      .run(id, publication.profile, publication.publishedAt, publication.publishedBy)
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

function groupByEvent<T extends { event_id: string }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>()
  for (const row of rows) grouped.set(row.event_id, [...(grouped.get(row.event_id) ?? []), row])
  return grouped
}

function toEvent(row: EventRow, attributeRows: AttributeRow[], publicationRows: PublicationRow[]): EventDefinition {
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
    publications: publicationRows.map((publication) => ({
      profile: publication.profile,
      publishedAt: publication.published_at,
      publishedBy: publication.published_by
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    attributes
  })
}
