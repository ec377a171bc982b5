import type { Migration } from './Migration'

export const integrations: Migration = {
  version: 2,
  name: 'integrations, webhook settings, publications',
  sql: `
      CREATE TABLE integrations (
        id               TEXT PRIMARY KEY,
        name             TEXT NOT NULL,
        slug             TEXT NOT NULL UNIQUE,
        kind             TEXT NOT NULL CHECK (kind IN ('webengage', 'custom')),
        source_account   TEXT NOT NULL,
        event_name_field TEXT NOT NULL,
        event_name_map   TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE webhook_settings (
        transformer  TEXT PRIMARY KEY CHECK (transformer IN ('webEngageTransformer', 'defaultTransformer')),
        till_code    TEXT NOT NULL,
        auth         TEXT NOT NULL CHECK (auth IN ('none', 'BASIC', 'OAUTH')),
        uniqueness   INTEGER NOT NULL CHECK (uniqueness IN (0, 1))
      ) STRICT;

      CREATE TABLE event_publications (
        event_id     TEXT NOT NULL REFERENCES events (id) ON DELETE RESTRICT,
        profile      TEXT NOT NULL,
        published_at TEXT NOT NULL,
        published_by TEXT NOT NULL,
        PRIMARY KEY (event_id, profile)
      ) STRICT;
    `
}
