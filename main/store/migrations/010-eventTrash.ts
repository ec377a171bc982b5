import type { Migration } from './Migration'

/**
 * Deleted events, kept whole for a few minutes so an undo puts the very same rows back (same ids): the event, its
 * attributes, its mappings, their test cases and its publish state, as JSON rows per table.
 */
export const eventTrash: Migration = {
  version: 10,
  name: 'event trash, for undoing a delete',
  sql: `
      CREATE TABLE event_trash (
        undo_id    TEXT PRIMARY KEY,
        deleted_at TEXT NOT NULL,
        event_name TEXT NOT NULL,
        rows       TEXT NOT NULL
      ) STRICT;
    `
}
