import { TransformerType, WebhookSettings } from '../../shared/model/webhookSettings'
import type { ProjectDatabase } from './database'

interface WebhookSettingsRow {
  transformer: string
  till_code: string
  auth: string
  uniqueness: number
}

/** The project's Capillary webhook settings, one row per transformer; a transformer never set reads as defaults. */
export class WebhookSettingsRepository {
  constructor(private readonly db: ProjectDatabase) {}

  list(): WebhookSettings[] {
    const rows = this.db.prepare('SELECT * FROM webhook_settings').all() as WebhookSettingsRow[]
    return TransformerType.options.map((transformer) => {
      const row = rows.find((candidate) => candidate.transformer === transformer)
      return row
        ? WebhookSettings.parse({
            transformer,
            tillCode: row.till_code,
            auth: row.auth,
            uniquenessCheckEnabled: row.uniqueness === 1
          })
        : { transformer, tillCode: '', auth: 'none', uniquenessCheckEnabled: false }
    })
  }

  save(settings: WebhookSettings): void {
    this.db
      .prepare(
        `INSERT INTO webhook_settings (transformer, till_code, auth, uniqueness) VALUES (?, ?, ?, ?)
         ON CONFLICT (transformer) DO UPDATE SET till_code = excluded.till_code, auth = excluded.auth,
         uniqueness = excluded.uniqueness`
      )
      .run(settings.transformer, settings.tillCode, settings.auth, settings.uniquenessCheckEnabled ? 1 : 0)
  }
}
