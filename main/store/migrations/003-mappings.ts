import type { Migration } from './Migration'

export const mappings: Migration = {
  version: 3,
  name: 'mappings',
  sql: `
      CREATE TABLE mappings (
        id             TEXT PRIMARY KEY,
        integration_id TEXT NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
        event_id       TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        spec           TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        UNIQUE (integration_id, event_id)
      ) STRICT;
    `
}
