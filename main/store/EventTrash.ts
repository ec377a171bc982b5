import { undoCutoff } from './undoWindow'
import { inWriteTransaction, type ProjectDatabase } from './database'

/**
 * What an event's delete takes with it (foreign keys that cascade), parents before children: the order rows are
 * put back in. Each query selects the rows of one deleted event, by its id.
 */
const cascade: readonly { table: string; rowsOf: string }[] = [
  { table: 'events', rowsOf: 'SELECT * FROM events WHERE id = ?' },
  { table: 'attributes', rowsOf: 'SELECT * FROM attributes WHERE event_id = ? ORDER BY position' },
  { table: 'mappings', rowsOf: 'SELECT * FROM mappings WHERE event_id = ?' },
  {
    table: 'test_cases',
    rowsOf: 'SELECT * FROM test_cases WHERE mapping_id IN (SELECT id FROM mappings WHERE event_id = ?)'
  },
  { table: 'publish_state', rowsOf: 'SELECT * FROM publish_state WHERE event_id = ?' }
]

type Row = Record<string, string | number | null>
type TrashedRows = Record<string, Row[]>

export interface EventRestore {
  eventId: string
  /** The mappings put back. */
  mappingIds: string[]
  /** Mappings that could not come back, with their test cases: their integration was deleted since. */
  droppedMappings: number
}

/**
 * Deletes an event by moving it, whole, into `event_trash` under an undo id (one transaction), so an undo puts the
 * very same rows back: same ids, mappings, test cases and their last runs. Trash older than the undo window is
 * purged on the way.
 */
export class EventTrash {
  constructor(private readonly db: ProjectDatabase) {}

  /** Moves the event and what hangs on it to the trash; answers the mappings that went with it. */
  discard(undoId: string, eventId: string, now: Date): { mappingIds: string[] } {
    return inWriteTransaction(this.db, () => {
      this.purgeExpired(now)
      const rows: TrashedRows = {}
      for (const { table, rowsOf } of cascade) rows[table] = this.db.prepare(rowsOf).all(eventId) as Row[]
      const event = rows.events?.[0]
      if (!event) throw new Error(`no event ${eventId} to delete`)
      this.db
        .prepare('INSERT INTO event_trash (undo_id, deleted_at, event_name, rows) VALUES (?, ?, ?, ?)')
        .run(undoId, now.toISOString(), event.name, JSON.stringify(rows))
      this.db.prepare('DELETE FROM events WHERE id = ?').run(eventId)
      return { mappingIds: (rows.mappings ?? []).map((mapping) => String(mapping.id)) }
    })
  }

  /** The deleted event's name, while it can still be put back. */
  nameHeld(undoId: string, now: Date): string | undefined {
    const row = this.db
      .prepare('SELECT event_name FROM event_trash WHERE undo_id = ? AND deleted_at >= ?')
      .get(undoId, undoCutoff(now)) as { event_name: string } | undefined
    return row?.event_name
  }

  /**
   * Puts a deleted event back as it was. A mapping whose integration was deleted since stays out, with its test
   * cases (as that integration's delete would have taken them); an attribute whose id was taken since gets a new
   * one. The caller checks the name is still free.
   */
  restore(undoId: string, now: Date, newId: () => string): EventRestore {
    return inWriteTransaction(this.db, () => {
      this.purgeExpired(now)
      const trashed = this.db.prepare('SELECT rows FROM event_trash WHERE undo_id = ?').get(undoId) as
        { rows: string } | undefined
      if (!trashed) throw new Error(`nothing in the trash under ${undoId}`)
      const rows = JSON.parse(trashed.rows) as TrashedRows
      const integrationExists = this.db.prepare('SELECT 1 FROM integrations WHERE id = ?')
      const keptMappings = (rows.mappings ?? []).filter((mapping) => integrationExists.get(mapping.integration_id))
      const keptIds = new Set(keptMappings.map((mapping) => mapping.id))
      const restoring: TrashedRows = {
        ...rows,
        mappings: keptMappings,
        test_cases: (rows.test_cases ?? []).filter((testCase) => keptIds.has(testCase.mapping_id ?? null))
      }
      // An attribute's id taken since (the designer names new attributes itself) gives way to a fresh one.
      const attributeTaken = this.db.prepare('SELECT 1 FROM attributes WHERE id = ?')
      restoring.attributes = (rows.attributes ?? []).map((row) =>
        attributeTaken.get(row.id) ? { ...row, id: newId() } : row
      )
      for (const { table } of cascade) for (const row of restoring[table] ?? []) this.insert(table, row)
      this.db.prepare('DELETE FROM event_trash WHERE undo_id = ?').run(undoId)
      return {
        eventId: String(rows.events?.[0]?.id),
        mappingIds: keptMappings.map((mapping) => String(mapping.id)),
        droppedMappings: (rows.mappings ?? []).length - keptMappings.length
      }
    })
  }

  /** One row back into its table; the column names are the table's own, as `SELECT *` gave them. */
  private insert(table: string, row: Row): void {
    const columns = Object.keys(row)
    this.db
      .prepare(
        `INSERT INTO ${table} (${columns.map((column) => `"${column}"`).join(', ')})
         VALUES (${columns.map(() => '?').join(', ')})`
      )
      .run(...columns.map((column) => row[column] ?? null))
  }

  /** Deletes what can no longer be put back (its undo window is over): deleted data is not kept longer. */
  purgeExpired(now: Date): void {
    this.db.prepare('DELETE FROM event_trash WHERE deleted_at < ?').run(undoCutoff(now))
  }
}
