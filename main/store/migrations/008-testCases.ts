import type { Migration } from './Migration'

/**
 * Test cases (issue 8): a payload and the outputs a mapping must give for it, with the last run and the fingerprint
 * of what it ran against (the Tested gate counts only runs of the event, mapping and test case as they are now).
 * They go with their mapping.
 */
export const testCases: Migration = {
  version: 8,
  name: 'test cases',
  sql: `
      CREATE TABLE test_cases (
        id          TEXT PRIMARY KEY,
        mapping_id  TEXT NOT NULL REFERENCES mappings (id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        source      TEXT NOT NULL,
        payload     TEXT NOT NULL,
        expected    TEXT NOT NULL,
        last_run    TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX test_cases_mapping ON test_cases (mapping_id, created_at);
    `
}
