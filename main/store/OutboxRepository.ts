import type { BodyKind, CaptureStatus, NameValue } from '../../shared/model/capture'
import type { Delivery, DeliveryMinute, DeliveryPage, DeliveryQuery, DeliveryStatus } from '../../shared/model/relay'
import type { Statement } from 'better-sqlite3'
import { inWriteTransaction, type ProjectDatabase } from './database'

/** A capture as the relay reads it: enough to map it, nothing the listener's views need. */
export interface CaptureToRelay {
  seq: number
  integrationId: string | null
  status: CaptureStatus
  contentType: string | null
  headers: NameValue[]
  bodyKind: BodyKind
  redacted: boolean
  body: Buffer | null
}

/** One output written into the outbox. */
export interface NewOutboxRow {
  captureSeq: number
  outputIndex: number
  integrationId: string | null
  eventName: string
  externalEventId: string
  payload: Record<string, unknown>
  diagnostics: Delivery['diagnostics']
  status: 'pending' | 'invalid'
}

/** A row due for delivery, with where it goes. */
export interface DueDelivery {
  captureSeq: number
  outputIndex: number
  integrationId: string
  externalEventId: string
  payload: string
  attempts: number
  webhookUri: string
  profileId: string | null
}

/** What one attempt ended in, written with the others of its group in one transaction. */
export type DeliveryOutcome =
  | { kind: 'delivered'; status: number; message: string }
  | { kind: 'failed'; status: number | null; message: string; nextAttemptAt: number }
  | { kind: 'dead'; status: number | null; message: string }

export interface SettledAttempt {
  captureSeq: number
  outputIndex: number
  attempts: number
  at: number
  outcome: DeliveryOutcome
}

interface OutboxRow {
  capture_seq: number
  output_index: number
  integration_id: string | null
  event_name: string
  external_event_id: string
  payload: string
  diagnostics: string
  status: DeliveryStatus
  attempts: number
  next_attempt_at: number | null
  last_status: number | null
  last_response: string | null
  created_at: string
  updated_at: string
  delivered_at: string | null
}

/** The relay's outbox: rows keyed by (capture, output index), the mapping cursor, and every attempt's outcome. */
export class OutboxRepository {
  private readonly statements = new Map<string, Statement>()

  constructor(private readonly db: ProjectDatabase) {}

  /** The last capture seq mapped into the outbox. */
  processedThrough(): number {
    const row = this.statement('SELECT processed_through FROM relay_state WHERE id = 1').get() as
      { processed_through: number } | undefined
    return row?.processed_through ?? 0
  }

  /** Captures committed after `seq`, oldest first; bodies only of those a relay may send (they can be megabytes). */
  capturesAfter(seq: number, limit: number): CaptureToRelay[] {
    const rows = this.statement(
      `SELECT seq, integration_id, status, content_type, headers, body_kind, redacted,
           CASE WHEN status = 'ok' AND integration_id IN (SELECT integration_id FROM relay_settings WHERE enabled = 1)
             THEN body END AS body
         FROM captures WHERE seq > ? ORDER BY seq LIMIT ?`
    ).all(seq, limit) as {
      seq: number
      integration_id: string | null
      status: CaptureStatus
      content_type: string | null
      headers: string
      body_kind: BodyKind
      redacted: number
      body: Buffer | null
    }[]
    return rows.map((row) => ({
      seq: row.seq,
      integrationId: row.integration_id,
      status: row.status,
      contentType: row.content_type,
      headers: JSON.parse(row.headers) as NameValue[],
      bodyKind: row.body_kind,
      redacted: row.redacted === 1,
      body: row.body
    }))
  }

  /**
   * Writes the outputs of captures up to `through` and moves the cursor there, in one transaction: a row written
   * twice (re-processing after a crash) is ignored, never doubled.
   */
  recordMapped(rows: readonly NewOutboxRow[], through: number, now: Date): number {
    const insert = this.statement(
      `INSERT OR IGNORE INTO outbox (capture_seq, output_index, integration_id, event_name, external_event_id,
         payload, diagnostics, status, attempts, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`
    )
    const advance = this.statement('UPDATE relay_state SET processed_through = MAX(processed_through, ?) WHERE id = 1')
    const iso = now.toISOString()
    return inWriteTransaction(this.db, () => {
      let written = 0
      for (const row of rows) {
        written += insert.run(
          row.captureSeq,
          row.outputIndex,
          row.integrationId,
          row.eventName,
          row.externalEventId,
          JSON.stringify(row.payload),
          JSON.stringify(row.diagnostics),
          row.status,
          row.status === 'pending' ? now.getTime() : null,
          iso,
          iso
        ).changes
      }
      advance.run(through)
      return written
    })
  }

  /**
   * Pending rows due by `now` whose integration relays to a known webhook, soonest first; with `profileRequired`,
   * only those whose relay names a connection profile (the studio posts through one; `capmap relay --base-url` not).
   */
  due(now: number, limit: number, exclude: ReadonlySet<string>, scope: DueScope = {}): DueDelivery[] {
    const rows = this.statement(
      `SELECT o.capture_seq, o.output_index, o.integration_id, o.external_event_id, o.payload, o.attempts,
           r.webhook_uri, r.profile_id
         FROM outbox o JOIN relay_settings r ON r.integration_id = o.integration_id
         WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND r.enabled = 1 AND r.webhook_uri IS NOT NULL
           AND (r.profile_id IS NOT NULL OR ? = 0)
           AND (? IS NULL OR o.integration_id IN (SELECT value FROM json_each(?)))
         ORDER BY o.next_attempt_at LIMIT ?`
    ).all(now, ...scopeParameters(scope), limit + exclude.size) as {
      capture_seq: number
      output_index: number
      integration_id: string
      external_event_id: string
      payload: string
      attempts: number
      webhook_uri: string
      profile_id: string | null
    }[]
    return rows
      .filter((row) => !exclude.has(deliveryKey(row.capture_seq, row.output_index)))
      .slice(0, limit)
      .map((row) => ({
        captureSeq: row.capture_seq,
        outputIndex: row.output_index,
        integrationId: row.integration_id,
        externalEventId: row.external_event_id,
        payload: row.payload,
        attempts: row.attempts,
        webhookUri: row.webhook_uri,
        profileId: row.profile_id
      }))
  }

  /** When the soonest pending row (of a relaying integration, as `due` picks them) is due; undefined when none waits. */
  nextDueAt(scope: DueScope = {}): number | undefined {
    const row = this.statement(
      `SELECT MIN(o.next_attempt_at) AS at FROM outbox o JOIN relay_settings r ON r.integration_id = o.integration_id
         WHERE o.status = 'pending' AND r.enabled = 1 AND r.webhook_uri IS NOT NULL
           AND (r.profile_id IS NOT NULL OR ? = 0)
           AND (? IS NULL OR o.integration_id IN (SELECT value FROM json_each(?)))`
    ).get(...scopeParameters(scope)) as { at: number | null }
    return row.at ?? undefined
  }

  /** Writes a group of outcomes in one transaction (one fsync for many deliveries). */
  settle(attempts: readonly SettledAttempt[]): void {
    if (attempts.length === 0) return
    const update = this.statement(
      `UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_status = ?, last_response = ?,
         updated_at = ?, delivered_at = COALESCE(?, delivered_at)
       WHERE capture_seq = ? AND output_index = ?`
    )
    const record = this.statement(
      `INSERT INTO delivery_attempts (capture_seq, output_index, at, outcome, status, message) VALUES (?, ?, ?, ?, ?, ?)`
    )
    inWriteTransaction(this.db, () => {
      for (const attempt of attempts) {
        const { outcome } = attempt
        const iso = new Date(attempt.at).toISOString()
        const status: DeliveryStatus =
          outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'dead' ? 'dead' : 'pending'
        update.run(
          status,
          attempt.attempts,
          outcome.kind === 'failed' ? outcome.nextAttemptAt : null,
          outcome.status,
          outcome.message,
          iso,
          outcome.kind === 'delivered' ? iso : null,
          attempt.captureSeq,
          attempt.outputIndex
        )
        record.run(attempt.captureSeq, attempt.outputIndex, attempt.at, outcome.kind, outcome.status, outcome.message)
      }
    })
  }

  /** Sends rows again from their first attempt: dead or pending ones (retry), or delivered ones (replay). */
  requeue(keys: readonly { captureSeq: number; outputIndex: number }[], from: readonly DeliveryStatus[], now: Date) {
    const statuses = from.map(() => '?').join(', ')
    const update = this.statement(
      `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?
       WHERE capture_seq = ? AND output_index = ? AND status IN (${statuses})`
    )
    return inWriteTransaction(this.db, () => {
      let changed = 0
      for (const key of keys) {
        changed += update.run(now.getTime(), now.toISOString(), key.captureSeq, key.outputIndex, ...from).changes
      }
      return changed
    })
  }

  /** An integration's waiting rows become due now (its webhook was just fixed), their attempts kept. */
  dueNow(integrationId: string, now: Date): number {
    return this.statement(
      `UPDATE outbox SET next_attempt_at = ?, updated_at = ? WHERE integration_id = ? AND status = 'pending'`
    ).run(now.getTime(), now.toISOString(), integrationId).changes
  }

  deadKeys(): { captureSeq: number; outputIndex: number }[] {
    const rows = this.statement(`SELECT capture_seq, output_index FROM outbox WHERE status = 'dead'`).all() as {
      capture_seq: number
      output_index: number
    }[]
    return rows.map((row) => ({ captureSeq: row.capture_seq, outputIndex: row.output_index }))
  }

  get(captureSeq: number, outputIndex: number): Delivery | undefined {
    const row = this.statement('SELECT * FROM outbox WHERE capture_seq = ? AND output_index = ?').get(
      captureSeq,
      outputIndex
    ) as OutboxRow | undefined
    return row ? toDelivery(row) : undefined
  }

  /** Newest capture first, by keyset. */
  list(query: DeliveryQuery): DeliveryPage {
    const where: string[] = []
    const params: (string | number)[] = []
    if (query.statuses && query.statuses.length > 0) {
      where.push(`status IN (${query.statuses.map(() => '?').join(', ')})`)
      params.push(...query.statuses)
    }
    if (query.integrationId !== undefined) {
      where.push('integration_id = ?')
      params.push(query.integrationId)
    }
    if (query.cursor !== undefined) {
      const [seq, index] = query.cursor.split(':').map(Number)
      where.push('(capture_seq < ? OR (capture_seq = ? AND output_index < ?))')
      params.push(seq ?? 0, seq ?? 0, index ?? 0)
    }
    const rows = this.statement(
      `SELECT * FROM outbox ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY capture_seq DESC, output_index DESC LIMIT ?`
    ).all(...params, query.limit) as OutboxRow[]
    const items = rows.map(toDelivery)
    const last = items[items.length - 1]
    return { items, nextCursor: items.length === query.limit && last ? last.id : null }
  }

  /** Rows per status: of every integration, or of those named. */
  counts(integrationIds?: readonly string[]): Record<DeliveryStatus, number> {
    const only = integrationIds ? `WHERE integration_id IN (${integrationIds.map(() => '?').join(', ')})` : ''
    const rows = this.statement(`SELECT status, COUNT(*) AS count FROM outbox ${only} GROUP BY status`).all(
      ...(integrationIds ?? [])
    ) as {
      status: DeliveryStatus
      count: number
    }[]
    const counts: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, dead: 0, invalid: 0 }
    for (const row of rows) counts[row.status] = row.count
    return counts
  }

  /** Outcomes per minute over the last `minutes` minutes up to `now`, oldest first, empty minutes included. */
  perMinute(now: number, minutes: number): DeliveryMinute[] {
    const last = Math.floor(now / 60_000)
    const first = last - minutes + 1
    const rows = this.statement(
      `SELECT at / 60000 AS minute, outcome, COUNT(*) AS count FROM delivery_attempts
         WHERE at >= ? GROUP BY minute, outcome`
    ).all(first * 60_000) as { minute: number; outcome: 'delivered' | 'failed' | 'dead'; count: number }[]
    const buckets: DeliveryMinute[] = []
    for (let minute = first; minute <= last; minute += 1) {
      buckets.push({ minute: new Date(minute * 60_000).toISOString(), delivered: 0, failed: 0, dead: 0 })
    }
    for (const row of rows) {
      const bucket = buckets[Math.floor(row.minute) - first]
      if (bucket) bucket[row.outcome] += row.count
    }
    return buckets
  }
  /** Prepared once per repository: preparing is a large share of a small query's cost. */
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }
}

export const deliveryKey = (captureSeq: number, outputIndex: number): string => `${captureSeq}:${outputIndex}`

function toDelivery(row: OutboxRow): Delivery {
  return {
    id: deliveryKey(row.capture_seq, row.output_index),
    captureId: String(row.capture_seq),
    outputIndex: row.output_index,
    integrationId: row.integration_id,
    eventName: row.event_name,
    externalEventId: row.external_event_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt:
      row.status === 'pending' && row.next_attempt_at !== null ? new Date(row.next_attempt_at).toISOString() : null,
    lastStatus: row.last_status,
    lastResponse: row.last_response,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    diagnostics: JSON.parse(row.diagnostics) as Delivery['diagnostics'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deliveredAt: row.delivered_at
  }
}

/** Which pending rows a delivery worker may take. */
export interface DueScope {
  /** Rows whose relay names no connection profile wait, untried, their attempts kept (the studio's relay). */
  profileRequired?: boolean
  /** Only these integrations' rows (a `capmap relay` run of some integrations); all when absent. */
  integrationIds?: readonly string[]
}

function scopeParameters({
  profileRequired = false,
  integrationIds
}: DueScope): [number, string | null, string | null] {
  const ids = integrationIds === undefined ? null : JSON.stringify(integrationIds)
  return [profileRequired ? 1 : 0, ids, ids]
}
