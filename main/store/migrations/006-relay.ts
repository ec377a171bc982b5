import type { Migration } from './Migration'

/**
 * The relay (issue 11). `relay_settings`: per integration, on/off, the connection profile, the webhook URI
 * Capillary returned, and `from_seq`: the last capture before the relay was turned on (it relays what comes after). `outbox`: one row per output of a capture, keyed by (capture, output index) so writing it
 * twice is harmless; no foreign key to captures, because a delivery outlives its capture's retention.
 * `relay_state.processed_through`: the last capture seq mapped into the outbox, advanced in the same transaction as
 * the rows, so captures committed before a crash are mapped on the next start. `delivery_attempts`: every outcome,
 * for the per-minute chart and the history of a row.
 */
export const relay: Migration = {
  version: 6,
  name: 'relay outbox',
  sql: `
      CREATE TABLE relay_settings (
        integration_id TEXT PRIMARY KEY REFERENCES integrations (id) ON DELETE CASCADE,
        enabled        INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        profile_id     TEXT,
        webhook_uri    TEXT,
        from_seq       INTEGER NOT NULL DEFAULT 0,
        updated_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE relay_state (
        id                INTEGER PRIMARY KEY CHECK (id = 1),
        processed_through INTEGER NOT NULL
      ) STRICT;
      INSERT INTO relay_state (id, processed_through) VALUES (1, COALESCE((SELECT MAX(seq) FROM captures), 0));

      CREATE TABLE outbox (
        capture_seq       INTEGER NOT NULL,
        output_index      INTEGER NOT NULL,
        integration_id    TEXT,
        event_name        TEXT NOT NULL,
        external_event_id TEXT NOT NULL,
        payload           TEXT NOT NULL,
        diagnostics       TEXT NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead', 'invalid')),
        attempts          INTEGER NOT NULL,
        next_attempt_at   INTEGER,
        last_status       INTEGER,
        last_response     TEXT,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        delivered_at      TEXT,
        PRIMARY KEY (capture_seq, output_index)
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

      CREATE TABLE delivery_attempts (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        capture_seq  INTEGER NOT NULL,
        output_index INTEGER NOT NULL,
        at           INTEGER NOT NULL,
        outcome      TEXT NOT NULL CHECK (outcome IN ('delivered', 'failed', 'dead')),
        status       INTEGER,
        message      TEXT
      ) STRICT;
      CREATE INDEX delivery_attempts_at ON delivery_attempts (at);
    `
}
