import type { Migration } from './Migration'

/**
 * The capture inbox (issue 6). `capture_trash` holds deleted captures, whole, for a few minutes, so an undo puts
 * the very same rows back (same seq, same bytes) rather than look-alikes; `capture_samples` keeps payloads the user
 * saved from captures under a name; `capture_only_integrations` marks integrations that only capture (Capillary's
 * own Event Notifications: no mapping, nothing relayed); `capture_inbox_settings` keeps the tunnel's public URL.
 */
export const captureInbox: Migration = {
  version: 5,
  name: 'capture inbox: trash for undo, saved samples, capture-only integrations, public URL',
  sql: `
      CREATE TABLE capture_trash (
        undo_id          TEXT NOT NULL,
        deleted_at       TEXT NOT NULL,
        seq              INTEGER NOT NULL,
        received_at      TEXT NOT NULL,
        integration_id   TEXT,
        integration_slug TEXT,
        source_event     TEXT,
        method           TEXT NOT NULL,
        path             TEXT NOT NULL,
        content_type     TEXT,
        size             INTEGER NOT NULL,
        status           TEXT NOT NULL,
        status_reason    TEXT,
        response_status  INTEGER NOT NULL,
        verdict          TEXT NOT NULL,
        verification     TEXT NOT NULL,
        redacted         INTEGER NOT NULL,
        body_kind        TEXT NOT NULL,
        remote_address   TEXT NOT NULL,
        query            TEXT NOT NULL,
        headers          TEXT NOT NULL,
        body             BLOB,
        PRIMARY KEY (undo_id, seq)
      ) STRICT;

      CREATE TABLE capture_samples (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        integration_id TEXT REFERENCES integrations (id) ON DELETE SET NULL,
        content_type   TEXT NOT NULL,
        body           BLOB NOT NULL,
        created_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE capture_only_integrations (
        integration_id TEXT PRIMARY KEY REFERENCES integrations (id) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE capture_inbox_settings (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        public_url TEXT
      ) STRICT;
    `
}
