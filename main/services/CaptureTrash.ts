import { searchableCaptureColumns, searchTextOfRow, type SearchableCaptureRow } from '../store/captureSearchText'
import { undoCutoff } from '../store/undoWindow'
import { inWriteTransaction, type ProjectDatabase } from '../store/database'

const columns = `seq, received_at, integration_id, integration_slug, source_event, method, path, content_type, size,
  status, status_reason, response_status, verdict, verification, redacted, body_kind, remote_address, query, headers,
  body`

/** Which captures a deletion covers: ids, or every capture (of one integration, or the unmatched ones when null). */
export type TrashSelection = { ids: readonly string[] } | { integrationId?: string | null }

/**
 * Deletes captures by moving them, whole, into `capture_trash` under an undo id (one transaction), so an undo puts
 * the very same rows back: same id, bytes, headers and time. Trash older than the undo window is purged on the way.
 */
export class CaptureTrash {
  constructor(private readonly db: ProjectDatabase) {}

  /** Moves the selected captures to the trash; answers how many. */
  discard(undoId: string, selection: TrashSelection, now: Date): number {
    const { condition, parameters } = selectionCondition(selection)
    return inWriteTransaction(this.db, () => {
      this.purgeExpired(now)
      this.db
        .prepare(
          `INSERT INTO capture_trash (undo_id, deleted_at, ${columns})
           SELECT @undoId, @deletedAt, ${columns} FROM captures WHERE ${condition}`
        )
        .run({ ...parameters, undoId, deletedAt: now.toISOString() })
      return this.db.prepare(`DELETE FROM captures WHERE ${condition}`).run(parameters).changes
    })
  }

  /**
   * Puts a deletion's captures back as they were (a capture whose integration was deleted since comes back
   * unmatched, as the foreign key does for any capture), and back into the search index; answers how many.
   */
  restore(undoId: string, now: Date): number {
    return inWriteTransaction(this.db, () => {
      this.purgeExpired(now)
      const restored = this.db
        .prepare(
          `INSERT INTO captures (${columns})
           SELECT ${columns.replace(
             'integration_id,',
             'CASE WHEN integration_id IN (SELECT id FROM integrations) THEN integration_id END,'
           )}
           FROM capture_trash WHERE undo_id = ? ORDER BY seq`
        )
        .run(undoId).changes
      this.reindex(undoId)
      this.db.prepare('DELETE FROM capture_trash WHERE undo_id = ?').run(undoId)
      return restored
    })
  }

  /** Whether a deletion can still be undone. */
  holds(undoId: string): boolean {
    return this.db.prepare('SELECT 1 FROM capture_trash WHERE undo_id = ? LIMIT 1').get(undoId) !== undefined
  }

  /** The search index dropped these rows when they were deleted; rows it has not reached yet it will index itself. */
  private reindex(undoId: string): void {
    const rows = this.db
      .prepare(
        `SELECT ${searchableCaptureColumns} FROM capture_trash t
         WHERE t.undo_id = ? AND t.seq <= (SELECT indexed_through FROM capture_index_state WHERE id = 1)`
      )
      .all(undoId) as SearchableCaptureRow[]
    const insert = this.db.prepare('INSERT INTO captures_text (rowid, text) VALUES (?, ?)')
    for (const row of rows) insert.run(row.seq, searchTextOfRow(row))
  }

  /** Deletes what can no longer be put back (its undo window is over): deleted data is not kept longer. */
  purgeExpired(now: Date): void {
    this.db.prepare('DELETE FROM capture_trash WHERE deleted_at < ?').run(undoCutoff(now))
  }
}

function selectionCondition(selection: TrashSelection): { condition: string; parameters: Record<string, unknown> } {
  if ('ids' in selection) {
    const ids = selection.ids.filter((id) => /^\d{1,19}$/.test(id))
    // json_each keeps one statement for any number of ids (no SQL variable limit).
    return {
      condition: 'seq IN (SELECT CAST(value AS INTEGER) FROM json_each(@ids))',
      parameters: { ids: JSON.stringify(ids) }
    }
  }
  if (selection.integrationId === undefined) return { condition: '1', parameters: {} }
  if (selection.integrationId === null) return { condition: 'integration_id IS NULL', parameters: {} }
  return { condition: 'integration_id = @integrationId', parameters: { integrationId: selection.integrationId } }
}
