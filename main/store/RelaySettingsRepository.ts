import type { RelaySettings } from '../../shared/model/relay'
import type { ProjectDatabase } from './database'

interface RelaySettingsRow {
  integration_id: string
  enabled: number
  profile_id: string | null
  webhook_uri: string | null
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

  save(settings: Omit<RelaySettings, 'updatedAt'>, now: string): RelaySettings {
    this.db
      .prepare(
        `INSERT INTO relay_settings (integration_id, enabled, profile_id, webhook_uri, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (integration_id) DO UPDATE SET enabled = excluded.enabled, profile_id = excluded.profile_id,
         webhook_uri = excluded.webhook_uri, updated_at = excluded.updated_at`
      )
      .run(settings.integrationId, settings.enabled ? 1 : 0, settings.profileId, settings.webhookUri, now)
    return { ...settings, updatedAt: now }
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
