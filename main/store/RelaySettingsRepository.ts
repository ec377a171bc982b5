import type { RelaySettings } from '../../shared/model/relay'
import type { ProjectDatabase } from './database'

interface RelaySettingsRow {
  integration_id: string
  enabled: number
  profile_id: string | null
  webhook_uri: string | null
  from_seq: number
  updated_at: string
}

/** The relay settings of the project's integrations; an integration never set reads as off. */
export class RelaySettingsRepository {
  constructor(private readonly db: ProjectDatabase) {}

  get(integrationId: string): RelaySettings {
    const row = this.db.prepare('SELECT * FROM relay_settings WHERE integration_id = ?').get(integrationId) as
      RelaySettingsRow | undefined
    return row ? toSettings(row) : offSettings(integrationId)
  }

  /** Every integration with the relay on. */
  enabled(): RelaySettings[] {
    const rows = this.db.prepare('SELECT * FROM relay_settings WHERE enabled = 1').all() as RelaySettingsRow[]
    return rows.map(toSettings)
  }

  /**
   * Turning the relay on marks where it starts: captures committed before then are not sent (the sample's, or
   * ones captured for design work); those after are, even when no relay ran as they came in.
   */
  save(settings: Omit<RelaySettings, 'updatedAt'>, now: string): RelaySettings {
    this.db
      .prepare(
        `INSERT INTO relay_settings (integration_id, enabled, profile_id, webhook_uri, from_seq, updated_at)
         VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) FROM captures), ?)
         ON CONFLICT (integration_id) DO UPDATE SET enabled = excluded.enabled, profile_id = excluded.profile_id,
         webhook_uri = excluded.webhook_uri, updated_at = excluded.updated_at,
         from_seq = CASE WHEN relay_settings.enabled = 0 AND excluded.enabled = 1 THEN excluded.from_seq
                    ELSE relay_settings.from_seq END`
      )
      .run(settings.integrationId, settings.enabled ? 1 : 0, settings.profileId, settings.webhookUri, now)
    return { ...settings, updatedAt: now }
  }

  /** Per relaying integration, the last capture seq before its relay was turned on. */
  relayingFrom(): Map<string, number> {
    const rows = this.db.prepare('SELECT integration_id, from_seq FROM relay_settings WHERE enabled = 1').all() as {
      integration_id: string
      from_seq: number
    }[]
    return new Map(rows.map((row) => [row.integration_id, row.from_seq]))
  }
}

export const offSettings = (integrationId: string): RelaySettings => ({
  integrationId,
  enabled: false,
  profileId: null,
  webhookUri: null,
  updatedAt: null
})

function toSettings(row: RelaySettingsRow): RelaySettings {
  return {
    integrationId: row.integration_id,
    enabled: row.enabled === 1,
    profileId: row.profile_id,
    webhookUri: row.webhook_uri,
    updatedAt: row.updated_at
  }
}
