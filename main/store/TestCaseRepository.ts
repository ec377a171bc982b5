import { TestCaseSource, type TestCaseDraft, type TestRun } from '../../shared/model/testCase'
import type { ProjectDatabase } from './database'

interface TestCaseRow {
  id: string
  mapping_id: string
  name: string
  source: string
  payload: string
  expected: string
  last_run: string | null
  created_at: string
  updated_at: string
}

/** A test case as stored: `current` (whether its last run still counts) is the service's to work out. */
export interface StoredTestCase extends TestCaseDraft {
  id: string
  createdAt: string
  updatedAt: string
  lastRun: TestRun | null
}

/** Test cases, their payloads and expected outputs as JSON text; oldest first within a mapping. */
export class TestCaseRepository {
  constructor(private readonly db: ProjectDatabase) {}

  list(): StoredTestCase[] {
    const rows = this.db.prepare('SELECT * FROM test_cases ORDER BY mapping_id, created_at, id').all() as TestCaseRow[]
    return rows.map(toTestCase)
  }

  /** The test cases of these mappings only: the others' payloads are not read (the gate asks on every save). */
  listForMappings(mappingIds: readonly string[]): StoredTestCase[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM test_cases WHERE mapping_id IN (SELECT value FROM json_each(?))
         ORDER BY mapping_id, created_at, id`
      )
      .all(JSON.stringify(mappingIds)) as TestCaseRow[]
    return rows.map(toTestCase)
  }

  get(id: string): StoredTestCase | undefined {
    const row = this.db.prepare('SELECT * FROM test_cases WHERE id = ?').get(id) as TestCaseRow | undefined
    return row ? toTestCase(row) : undefined
  }

  insert(id: string, draft: TestCaseDraft, now: string): StoredTestCase {
    this.db
      .prepare(
        `INSERT INTO test_cases (id, mapping_id, name, source, payload, expected, last_run, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`
      )
      .run(
        id,
        draft.mappingId,
        draft.name,
        JSON.stringify(draft.source),
        JSON.stringify(draft.payload),
        JSON.stringify(draft.expected),
        now,
        now
      )
    return this.require(id)
  }

  /** Replaces what the user wrote; the last run stays, and stops counting through its fingerprint. */
  update(id: string, draft: TestCaseDraft, now: string): StoredTestCase {
    this.db
      .prepare(
        `UPDATE test_cases SET mapping_id = ?, name = ?, source = ?, payload = ?, expected = ?, updated_at = ?
         WHERE id = ?`
      )
      .run(
        draft.mappingId,
        draft.name,
        JSON.stringify(draft.source),
        JSON.stringify(draft.payload),
        JSON.stringify(draft.expected),
        now,
        id
      )
    return this.require(id)
  }

  recordRun(id: string, run: TestRun): void {
    this.db.prepare('UPDATE test_cases SET last_run = ? WHERE id = ?').run(JSON.stringify(run), id)
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM test_cases WHERE id = ?').run(id).changes > 0
  }

  private require(id: string): StoredTestCase {
    const found = this.get(id)
    if (!found) throw new Error(`test case ${id} vanished inside its own write`)
    return found
  }
}

function toTestCase(row: TestCaseRow): StoredTestCase {
  return {
    id: row.id,
    mappingId: row.mapping_id,
    name: row.name,
    source: TestCaseSource.parse(JSON.parse(row.source)),
    payload: JSON.parse(row.payload) as StoredTestCase['payload'],
    expected: JSON.parse(row.expected) as StoredTestCase['expected'],
    lastRun: row.last_run === null ? null : (JSON.parse(row.last_run) as TestRun),
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
