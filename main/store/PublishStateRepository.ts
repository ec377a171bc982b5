import type { PublishStage, PublishStateEntry, PublishVerdict } from '../../shared/model/publish'
import type { TransformerType } from '../../shared/model/webhookSettings'
import type { ProjectDatabase } from './database'

interface StateRow {
  event_id: string
  profile_key: string
  event_name: string
  stage: PublishStage
  verdict_ok: number | null
  verdict_status: string | null
  verdict_message: string | null
  updated_at: string
}

interface WebhookRow {
  profile_key: string
  transformer: TransformerType
  web_hook_uri: string
  updated_at: string
}

export interface StoredPublishWebhook {
  profileKey: string
  transformer: TransformerType
  webHookUri: string
  updatedAt: string
}

/** Publish state per (event, profile key) and the webhook URIs per (profile key, transformer) (migration 009). */
export class PublishStateRepository {
  constructor(private readonly db: ProjectDatabase) {}

  list(profileKey?: string): PublishStateEntry[] {
    const rows = (
      profileKey === undefined
        ? this.db.prepare('SELECT * FROM publish_state ORDER BY profile_key, event_name').all()
        : this.db.prepare('SELECT * FROM publish_state WHERE profile_key = ? ORDER BY event_name').all(profileKey)
    ) as StateRow[]
    return rows.map(toEntry)
  }

  get(eventId: string, profileKey: string): PublishStateEntry | undefined {
    const row = this.db
      .prepare('SELECT * FROM publish_state WHERE event_id = ? AND profile_key = ?')
      .get(eventId, profileKey) as StateRow | undefined
    return row ? toEntry(row) : undefined
  }

  /** Records where the event stands with this profile; a verdict left out keeps the last one. */
  save(entry: {
    eventId: string
    eventName: string
    profileKey: string
    stage: PublishStage
    verdict?: PublishVerdict | null
    now: string
  }): PublishStateEntry {
    const keep = entry.verdict === undefined
    const verdict = entry.verdict ?? null
    this.db
      .prepare(
        `INSERT INTO publish_state (event_id, profile_key, event_name, stage, verdict_ok, verdict_status, verdict_message, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (event_id, profile_key) DO UPDATE SET event_name = excluded.event_name, stage = excluded.stage,
           verdict_ok = CASE WHEN ? THEN verdict_ok ELSE excluded.verdict_ok END,
           verdict_status = CASE WHEN ? THEN verdict_status ELSE excluded.verdict_status END,
           verdict_message = CASE WHEN ? THEN verdict_message ELSE excluded.verdict_message END,
           updated_at = excluded.updated_at`
      )
      .run(
        entry.eventId,
        entry.profileKey,
        entry.eventName,
        entry.stage,
        verdict === null ? null : Number(verdict.ok),
        verdict?.status ?? null,
        verdict?.message ?? null,
        entry.now,
        Number(keep),
        Number(keep),
        Number(keep)
      )
    const saved = this.get(entry.eventId, entry.profileKey)
    if (!saved) throw new Error('a publish state vanished inside its own write')
    return saved
  }

  webhooks(profileKey?: string): StoredPublishWebhook[] {
    const rows = (
      profileKey === undefined
        ? this.db.prepare('SELECT * FROM publish_webhooks ORDER BY profile_key, transformer').all()
        : this.db.prepare('SELECT * FROM publish_webhooks WHERE profile_key = ? ORDER BY transformer').all(profileKey)
    ) as WebhookRow[]
    return rows.map((row) => ({
      profileKey: row.profile_key,
      transformer: row.transformer,
      webHookUri: row.web_hook_uri,
      updatedAt: row.updated_at
    }))
  }

  /** Keeps the URI Capillary answered for the transformer's webhook in this org (notes §5: never built). */
  saveWebhook(profileKey: string, transformer: TransformerType, webHookUri: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO publish_webhooks (profile_key, transformer, web_hook_uri, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (profile_key, transformer) DO UPDATE SET web_hook_uri = excluded.web_hook_uri,
           updated_at = excluded.updated_at`
      )
      .run(profileKey, transformer, webHookUri, now)
  }
}

function toEntry(row: StateRow): PublishStateEntry {
  return {
    eventId: row.event_id,
    eventName: row.event_name,
    profileKey: row.profile_key,
    stage: row.stage,
    lastVerdict:
      row.verdict_status === null
        ? null
        : { ok: row.verdict_ok === 1, status: row.verdict_status, message: row.verdict_message ?? '' },
    updatedAt: row.updated_at
  }
}
