import {
  defaultListenerSettings,
  defaultRedaction,
  keepAll,
  ListenerSettings,
  Redaction,
  Retention,
  Verification
} from '../../shared/model/listenerSettings'
import type { ProjectDatabase } from './database'

/** How one integration's requests are checked and kept; an integration never set reads as the defaults. */
export interface IntegrationCaptureRules {
  verification: Verification
  redaction: Redaction
  retention: Retention
}

export const defaultCaptureRules: IntegrationCaptureRules = {
  verification: { scheme: 'none' },
  redaction: defaultRedaction,
  retention: keepAll
}

interface ListenerRow {
  enabled: number
  host: string
  port: number | null
  body_limit_bytes: number
  unmatched_retention: string
}

interface RulesRow {
  integration_id: string
  verification: string
  redaction: string
  retention: string
}

/** The project's listener settings (one row) and each integration's capture rules. */
export class ListenerSettingsRepository {
  constructor(private readonly db: ProjectDatabase) {}

  get(): ListenerSettings {
    const row = this.row()
    if (!row) return defaultListenerSettings
    return ListenerSettings.parse({
      enabled: row.enabled === 1,
      host: row.host,
      port: row.port,
      bodyLimitBytes: row.body_limit_bytes
    })
  }

  save(settings: ListenerSettings): void {
    this.db
      .prepare(
        `INSERT INTO listener_settings (id, enabled, host, port, body_limit_bytes, unmatched_retention)
         VALUES (1, @enabled, @host, @port, @bodyLimitBytes, @retention)
         ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, host = excluded.host, port = excluded.port,
         body_limit_bytes = excluded.body_limit_bytes`
      )
      .run({
        ...settings,
        enabled: settings.enabled ? 1 : 0,
        retention: JSON.stringify(this.unmatchedRetention())
      })
  }

  unmatchedRetention(): Retention {
    const row = this.row()
    return row ? Retention.parse(JSON.parse(row.unmatched_retention)) : keepAll
  }

  saveUnmatchedRetention(retention: Retention): void {
    this.save(this.get())
    this.db.prepare('UPDATE listener_settings SET unmatched_retention = ? WHERE id = 1').run(JSON.stringify(retention))
  }

  /** Every integration's rules that differ from the defaults, by integration id. */
  allRules(): Map<string, IntegrationCaptureRules> {
    const rows = this.db.prepare('SELECT * FROM integration_capture_settings').all() as RulesRow[]
    return new Map(rows.map((row) => [row.integration_id, toRules(row)]))
  }

  rules(integrationId: string): IntegrationCaptureRules {
    const row = this.db
      .prepare('SELECT * FROM integration_capture_settings WHERE integration_id = ?')
      .get(integrationId) as RulesRow | undefined
    return row ? toRules(row) : defaultCaptureRules
  }

  saveRules(integrationId: string, rules: IntegrationCaptureRules): void {
    this.db
      .prepare(
        `INSERT INTO integration_capture_settings (integration_id, verification, redaction, retention)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (integration_id) DO UPDATE SET verification = excluded.verification,
         redaction = excluded.redaction, retention = excluded.retention`
      )
      .run(
        integrationId,
        JSON.stringify(rules.verification),
        JSON.stringify(rules.redaction),
        JSON.stringify(rules.retention)
      )
  }

  private row(): ListenerRow | undefined {
    return this.db.prepare('SELECT * FROM listener_settings WHERE id = 1').get() as ListenerRow | undefined
  }
}

function toRules(row: RulesRow): IntegrationCaptureRules {
  return {
    verification: Verification.parse(JSON.parse(row.verification)),
    redaction: Redaction.parse(JSON.parse(row.redaction)),
    retention: Retention.parse(JSON.parse(row.retention))
  }
}
