import type { Migration } from './Migration'

export const projectAndEvents: Migration = {
  version: 1,
  name: 'project and events',
  sql: `
      CREATE TABLE project_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE events (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        label       TEXT NOT NULL,
        description TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('custom', 'standard')),
        actions     TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('draft', 'tested')),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX events_name ON events (name COLLATE NOCASE);

      CREATE TABLE attributes (
        id       TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name     TEXT NOT NULL,
        type     TEXT NOT NULL,
        options  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attributes_event ON attributes (event_id, position);
    `
}
