import type { Statement } from 'better-sqlite3'
import type {
  BodyKind,
  CapturePage,
  CaptureStatus,
  CaptureSummary,
  NameValue,
  SignatureVerdict
} from '../../shared/model/capture'
import type { Retention } from '../../shared/model/listenerSettings'
import { searchableCaptureColumns, searchTextOfRow, type SearchableCaptureRow } from './captureSearchText'
import { inWriteTransaction, isReadOnly, type ProjectDatabase } from './database'
import { UnindexedCaptureText } from './UnindexedCaptureText'

/** A capture as the listener hands it to the store (its id is given by the store). */
export interface NewCapture {
  receivedAt: string
  integrationId: string | null
  integrationSlug: string | null
  sourceEvent: string | null
  method: string
  path: string
  contentType: string | null
  size: number
  status: CaptureStatus
  statusReason: string | null
  responseStatus: number
  verification: SignatureVerdict
  redacted: boolean
  bodyKind: BodyKind
  remoteAddress: string
  query: NameValue[]
  headers: NameValue[]
  /** Exactly the bytes received (or the redacted ones); null when none were kept. */
  body: Uint8Array | null
}

/** A capture as stored: its summary plus everything kept of the request. */
export interface StoredCapture extends CaptureSummary {
  query: NameValue[]
  headers: NameValue[]
  remoteAddress: string
  verification: SignatureVerdict
  bodyKind: BodyKind
  body: Buffer | null
}

/** The filters of a list, already checked (the contract's CaptureQuery after parsing). */
export interface CaptureFilter {
  limit: number
  cursor?: string
  search?: string
  integrationId?: string | null
  statuses?: CaptureStatus[]
  sourceEvent?: string
  from?: string
  to?: string
}

/** Which captures a scope covers: one integration's, or (null) those no integration holds. */
export type CaptureScope = { integrationId: string | null }

interface SummaryRow {
  seq: number
  received_at: string
  integration_id: string | null
  integration_slug: string | null
  source_event: string | null
  method: string
  path: string
  content_type: string | null
  size: number
  status: CaptureStatus
  status_reason: string | null
  response_status: number
  verdict: SignatureVerdict['outcome']
  redacted: number
}

interface DetailRow extends SummaryRow {
  verification: string
  body_kind: BodyKind
  remote_address: string
  query: string
  headers: string
  body: Buffer | null
}

const summaryColumns = `c.seq, c.received_at, c.integration_id, c.integration_slug, c.source_event, c.method, c.path,
  c.content_type, c.size, c.status, c.status_reason, c.response_status, c.verdict, c.redacted`

/**
 * Inserts one capture; its parameters are `captureRow`'s, in order. A capture names its integration as the listener's
 * routes knew it: one deleted since (by the studio, beside `capmap listen`) leaves it unattributed, as deleting it
 * does to the captures it already has, rather than failing its group's commit on the foreign key.
 */
export const insertCaptureSql = `INSERT INTO captures (received_at, integration_id, integration_slug, source_event,
  method, path, content_type, size, status, status_reason, response_status, verdict, verification, redacted, body_kind,
  remote_address, query, headers, body)
  VALUES (?, (SELECT id FROM integrations WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/** A capture as the parameters of `insertCaptureSql`. */
export function captureRow(capture: NewCapture): unknown[] {
  return [
    capture.receivedAt,
    capture.integrationId,
    capture.integrationSlug,
    capture.sourceEvent,
    capture.method,
    capture.path,
    capture.contentType,
    capture.size,
    capture.status,
    capture.statusReason,
    capture.responseStatus,
    capture.verification.outcome,
    JSON.stringify(capture.verification),
    capture.redacted ? 1 : 0,
    capture.bodyKind,
    capture.remoteAddress,
    JSON.stringify(capture.query),
    JSON.stringify(capture.headers),
    capture.body === null ? null : toBuffer(capture.body)
  ]
}

/** Captures indexed per transaction when catching up: small enough not to hold up the listener for long. */
export const indexSlice = 200

/**
 * Captured requests: written in groups (one transaction per group, as the listener commits them), listed newest
 * first by keyset, searched with FTS5, deleted explicitly or by retention. The search index is filled behind the
 * writes (`indexPending`); a search first catches it up, so it never misses a capture.
 */
export class CaptureRepository {
  private readonly statements = new Map<string, Statement>()
  constructor(private readonly db: ProjectDatabase) {}

  /** Stores every capture of a group in one transaction (all of them, or none), answering their ids in order. */
  insert(captures: readonly NewCapture[]): string[] {
    if (captures.length === 0) return []
    const insertCapture = this.statement(insertCaptureSql)
    return inWriteTransaction(this.db, () =>
      captures.map((capture) => String(insertCapture.run(captureRow(capture)).lastInsertRowid))
    )
  }

  /** How many captures (at most) wait for the search index. */
  pendingIndex(): number {
    const row = this.statement(
      `SELECT coalesce((SELECT max(seq) FROM captures), 0) - indexed_through AS pending
       FROM capture_index_state WHERE id = 1`
    ).get() as { pending: number } | undefined
    return Math.max(0, row?.pending ?? 0)
  }

  /**
   * Adds captures not yet in the search index, oldest first, in transactions of `indexSlice`, up to `limit`
   * captures; answers how many it indexed. The high-water mark moves in the same transaction as the index rows.
   */
  indexPending(limit = Number.POSITIVE_INFINITY): number {
    const next = this.statement(
      `SELECT ${searchableCaptureColumns} FROM captures
       WHERE seq > (SELECT indexed_through FROM capture_index_state WHERE id = 1) ORDER BY seq LIMIT ?`
    )
    const insertText = this.statement('INSERT INTO captures_text (rowid, text) VALUES (?, ?)')
    const advance = this.statement('UPDATE capture_index_state SET indexed_through = ? WHERE id = 1')
    let indexed = 0
    while (indexed < limit) {
      const count = inWriteTransaction(this.db, () => {
        const rows = next.all(Math.min(indexSlice, limit - indexed)) as SearchableCaptureRow[]
        for (const row of rows) insertText.run(row.seq, searchTextOfRow(row))
        const last = rows[rows.length - 1]
        if (last) advance.run(last.seq)
        return rows.length
      })
      indexed += count
      if (count < indexSlice) break
    }
    return indexed
  }

  /** Newest first; `nextCursor` continues with the older ones. Never loads more rows than it returns. */
  list(filter: CaptureFilter): CapturePage {
    const match = filter.search === undefined ? undefined : matchExpression(filter.search)
    const { conditions, parameters } = filterConditions(filter)
    let rows: SummaryRow[]
    if (match === undefined) {
      rows = this.statement(
        `SELECT ${summaryColumns} FROM captures c${where(conditions)} ORDER BY c.seq DESC LIMIT @limit`
      ).all(parameters) as SummaryRow[]
    } else {
      rows = this.search(match, conditions, parameters)
    }
    const last = rows[rows.length - 1]
    return {
      items: rows.map(toSummary),
      nextCursor: rows.length === filter.limit && last ? String(last.seq) : null
    }
  }

  get(id: string): StoredCapture | undefined {
    const seq = captureSeq(id)
    if (seq === undefined) return undefined
    const row = this.statement(
      `SELECT ${summaryColumns}, c.verification, c.body_kind, c.remote_address, c.query, c.headers, c.body
       FROM captures c WHERE c.seq = ?`
    ).get(seq) as DetailRow | undefined
    return row ? toStored(row) : undefined
  }

  count(scope?: CaptureScope): number {
    if (scope === undefined) return (this.statement('SELECT count(*) AS n FROM captures').get() as { n: number }).n
    const row = (
      scope.integrationId === null
        ? this.statement('SELECT count(*) AS n FROM captures WHERE integration_id IS NULL').get()
        : this.statement('SELECT count(*) AS n FROM captures WHERE integration_id = ?').get(scope.integrationId)
    ) as { n: number }
    return row.n
  }

  delete(ids: readonly string[]): number {
    const remove = this.statement('DELETE FROM captures WHERE seq = ?')
    return inWriteTransaction(this.db, () =>
      ids.reduce((deleted, id) => {
        const seq = captureSeq(id)
        return deleted + (seq === undefined ? 0 : remove.run(seq).changes)
      }, 0)
    )
  }

  /** Deletes every capture, or every one of a scope. */
  deleteAll(scope?: CaptureScope): number {
    if (scope === undefined) return this.statement('DELETE FROM captures').run().changes
    return scope.integrationId === null
      ? this.statement('DELETE FROM captures WHERE integration_id IS NULL').run().changes
      : this.statement('DELETE FROM captures WHERE integration_id = ?').run(scope.integrationId).changes
  }

  /** Applies a retention to a scope: deletes what it no longer keeps, answering how many. */
  prune(scope: CaptureScope, retention: Retention, now: Date): number {
    const inScope = scope.integrationId === null ? 'integration_id IS NULL' : 'integration_id = @integrationId'
    const parameters: Record<string, unknown> =
      scope.integrationId === null ? {} : { integrationId: scope.integrationId }
    switch (retention.kind) {
      case 'all':
        return 0
      case 'count': {
        const boundary = this.statement(
          `SELECT seq FROM captures WHERE ${inScope} ORDER BY seq DESC LIMIT 1 OFFSET @keep`
        ).get({ ...parameters, keep: retention.count - 1 }) as { seq: number } | undefined
        if (!boundary) return 0
        return this.statement(`DELETE FROM captures WHERE ${inScope} AND seq < @seq`).run({
          ...parameters,
          seq: boundary.seq
        }).changes
      }
      case 'days': {
        const cutoff = new Date(now.getTime() - retention.days * 86_400_000).toISOString()
        return this.statement(`DELETE FROM captures WHERE ${inScope} AND received_at < @cutoff`).run({
          ...parameters,
          cutoff
        }).changes
      }
    }
  }

  /**
   * Full-text search, newest first. A writable connection first indexes what is pending. What the file's index still
   * lacks (a read-only connection, such as the CLI beside a running listener, cannot index it; the writer thread may
   * have committed more meanwhile) is matched by an index in memory, the same way (UnindexedCaptureText).
   */
  private search(match: string, conditions: string[], parameters: Record<string, unknown>): SummaryRow[] {
    if (!isReadOnly(this.db)) this.indexPending()
    const through = (
      this.statement('SELECT indexed_through AS through FROM capture_index_state WHERE id = 1').get() as {
        through: number
      }
    ).through
    const limit = parameters.limit as number
    const tail: SummaryRow[] = []
    const cursor = parameters.cursor as bigint | undefined
    if (cursor === undefined || cursor > BigInt(through)) {
      const matched = this.unindexedMatching(match, through)
      if (matched.length > 0) {
        tail.push(
          ...(this.statement(
            `SELECT ${summaryColumns} FROM captures c
             WHERE c.seq IN (SELECT value FROM json_each(@matched))${conditions.map((condition) => ` AND ${condition}`).join('')}
             ORDER BY c.seq DESC LIMIT @limit`
          ).all({ ...parameters, matched: JSON.stringify(matched) }) as SummaryRow[])
        )
      }
    }
    if (tail.length >= limit) return tail
    // Driven by the index in descending rowid order: the newest matches come first and the scan stops at the limit.
    const indexed = this.statement(
      `SELECT ${summaryColumns} FROM captures_text t JOIN captures c ON c.seq = t.rowid
       WHERE captures_text MATCH @match AND t.rowid <= @through${conditions.map((condition) => ` AND ${condition}`).join('')}
       ORDER BY t.rowid DESC LIMIT @limit`
    ).all({ ...parameters, match, through, limit: limit - tail.length }) as SummaryRow[]
    return [...tail, ...indexed]
  }

  /** The captures above the file index's high-water mark whose text matches, newest first. */
  private unindexedMatching(match: string, through: number): number[] {
    const unindexed = this.statement('SELECT seq FROM captures WHERE seq > ?').pluck().all(through) as number[]
    const index = unindexedTextOf(this.db)
    const rows = (seqs: number[]) =>
      this.statement(
        `SELECT ${searchableCaptureColumns} FROM captures WHERE seq IN (SELECT value FROM json_each(?))`
      ).iterate(JSON.stringify(seqs)) as IterableIterator<SearchableCaptureRow>
    index.update(through, unindexed, function* (seqs) {
      for (const row of rows(seqs)) yield { seq: row.seq, text: searchTextOfRow(row) }
    })
    return index.matching(match).filter((seq) => seq > through)
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }
}

function filterConditions(filter: CaptureFilter): { conditions: string[]; parameters: Record<string, unknown> } {
  const conditions: string[] = []
  const parameters: Record<string, unknown> = { limit: filter.limit }
  if (filter.cursor !== undefined) {
    conditions.push('c.seq < @cursor')
    // A cursor past the largest rowid asks for every capture below it: all of them.
    parameters.cursor = captureSeq(filter.cursor) ?? maxRowid
  }
  if (filter.integrationId === null) conditions.push('c.integration_id IS NULL')
  else if (filter.integrationId !== undefined) {
    conditions.push('c.integration_id = @integrationId')
    parameters.integrationId = filter.integrationId
  }
  if (filter.statuses !== undefined && filter.statuses.length > 0) {
    conditions.push(`c.status IN (${filter.statuses.map((_, index) => `@status${index}`).join(', ')})`)
    filter.statuses.forEach((status, index) => (parameters[`status${index}`] = status))
  }
  if (filter.sourceEvent !== undefined) {
    conditions.push('c.source_event = @sourceEvent')
    parameters.sourceEvent = filter.sourceEvent
  }
  if (filter.from !== undefined) {
    conditions.push('c.received_at >= @from')
    parameters.from = new Date(filter.from).toISOString()
  }
  if (filter.to !== undefined) {
    conditions.push('c.received_at < @to')
    parameters.to = new Date(filter.to).toISOString()
  }
  return { conditions, parameters }
}

function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`
}

function searchWords(search: string): string[] {
  // Control characters separate words too: FTS5 would read a NUL as the end of a quoted word.
  return search.split(/[\s\p{Cc}]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word))
}

/** A capture's id as its `seq`, or undefined when it cannot be one (not a number, or past SQLite's 64-bit rowids). */
function captureSeq(id: string): bigint | undefined {
  if (!/^\d{1,19}$/.test(id)) return undefined
  const seq = BigInt(id)
  return seq <= maxRowid ? seq : undefined
}

const maxRowid = 9223372036854775807n

/**
 * A person's search text as an FTS5 query: every word must appear as the start of a word of the text ("1457" finds
 * 14572567, "sku" finds skuCode), each taken literally (quoted, so FTS5's own syntax such as `AND`, `*` or `:` in
 * user text never changes the query). The `*` outside the quotes makes the quoted string's last token a prefix
 * (https://sqlite.org/fts5.html#fts5_prefix_queries). A one-character word is matched whole: as a prefix it would
 * read most of the index (hundreds of milliseconds on a large inbox, on the listener's thread). Undefined when
 * there is no word.
 */
export function matchExpression(search: string): string | undefined {
  const words = searchWords(search)
  if (words.length === 0) return undefined
  return words.map((word) => `"${word.replace(/"/g, '""')}"${[...lastToken(word)].length > 1 ? '*' : ''}`).join(' ')
}

/** The word's last run of letters and digits: the token FTS5 takes as the prefix (`a,` → `a`, `x-ab` → `ab`). */
function lastToken(word: string): string {
  return /[\p{L}\p{N}]+(?=[^\p{L}\p{N}]*$)/u.exec(word)?.[0] ?? ''
}

/** One index in memory per connection, however many repositories are made on it. */
const unindexedTexts = new WeakMap<ProjectDatabase, UnindexedCaptureText>()

function unindexedTextOf(db: ProjectDatabase): UnindexedCaptureText {
  let index = unindexedTexts.get(db)
  if (!index) {
    index = new UnindexedCaptureText()
    unindexedTexts.set(db, index)
  }
  return index
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function toSummary(row: SummaryRow): CaptureSummary {
  return {
    id: String(row.seq),
    receivedAt: row.received_at,
    integrationId: row.integration_id,
    integration: row.integration_slug,
    sourceEvent: row.source_event,
    method: row.method,
    path: row.path,
    contentType: row.content_type,
    size: row.size,
    status: row.status,
    statusReason: row.status_reason,
    responseStatus: row.response_status,
    verdict: row.verdict,
    redacted: row.redacted === 1
  }
}

function toStored(row: DetailRow): StoredCapture {
  return {
    ...toSummary(row),
    query: JSON.parse(row.query) as NameValue[],
    headers: JSON.parse(row.headers) as NameValue[],
    remoteAddress: row.remote_address,
    verification: JSON.parse(row.verification) as SignatureVerdict,
    bodyKind: row.body_kind,
    body: row.body
  }
}
