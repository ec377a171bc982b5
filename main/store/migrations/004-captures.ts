import type { Migration } from './Migration'

/**
 * Captures of the webhook listener, kept byte for byte (`body`; NULL when not kept, over the body limit). `seq` is
 * a capture's id (never reused: AUTOINCREMENT), its order (keyset paging, newest first) and its rowid in the
 * full-text index (FTS5, contentless: the text is not stored twice). The index is filled behind the listener, off
 * the sender's clock: `capture_index_state` records how far, in the same transaction as the index rows, so a crash
 * never leaves a capture unindexed for good; a trigger keeps deletes in step. The listener's settings live here
 * too, so a sender's configuration keeps working after a reopen.
 */
export const captures: Migration = {
  version: 4,
  name: 'captures and listener settings',
  sql: `
      CREATE TABLE captures (
        seq              INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at      TEXT NOT NULL,
        integration_id   TEXT REFERENCES integrations (id) ON DELETE SET NULL,
        integration_slug TEXT,
        source_event     TEXT,
        method           TEXT NOT NULL,
        path             TEXT NOT NULL,
        content_type     TEXT,
        size             INTEGER NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('ok', 'invalid', 'rejected', 'unmatched', 'oversize')),
        status_reason    TEXT,
        response_status  INTEGER NOT NULL,
        verdict          TEXT NOT NULL CHECK (verdict IN ('not_checked', 'verified', 'failed')),
        verification     TEXT NOT NULL,
        redacted         INTEGER NOT NULL CHECK (redacted IN (0, 1)),
        body_kind        TEXT NOT NULL CHECK (body_kind IN ('json', 'form', 'xml', 'text', 'empty', 'none')),
        remote_address   TEXT NOT NULL,
        query            TEXT NOT NULL,
        headers          TEXT NOT NULL,
        body             BLOB
      ) STRICT;
      CREATE INDEX captures_integration ON captures (integration_id, seq);

      CREATE VIRTUAL TABLE captures_text USING fts5 (text, content = '', contentless_delete = 1);
      CREATE TRIGGER captures_text_delete AFTER DELETE ON captures BEGIN
        DELETE FROM captures_text WHERE rowid = old.seq;
      END;
      CREATE TABLE capture_index_state (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        indexed_through INTEGER NOT NULL
      ) STRICT;
      INSERT INTO capture_index_state (id, indexed_through) VALUES (1, 0);

      CREATE TABLE listener_settings (
        id                 INTEGER PRIMARY KEY CHECK (id = 1),
        enabled            INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        host               TEXT NOT NULL,
        port               INTEGER,
        body_limit_bytes   INTEGER NOT NULL,
        unmatched_retention TEXT NOT NULL
      ) STRICT;

      CREATE TABLE integration_capture_settings (
        integration_id TEXT PRIMARY KEY REFERENCES integrations (id) ON DELETE CASCADE,
        verification   TEXT NOT NULL,
        redaction      TEXT NOT NULL,
        retention      TEXT NOT NULL
      ) STRICT;
    `
}
