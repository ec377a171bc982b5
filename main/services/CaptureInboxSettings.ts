import type { ProjectDatabase } from '../store/database'

/**
 * The inbox's project settings: the public URL a tunnel (ngrok, cloudflared) gives the listener, and which
 * integrations only capture (Capillary's own Event Notifications: watched, never mapped).
 */
export class CaptureInboxSettings {
  constructor(private readonly db: ProjectDatabase) {}

  publicUrl(): string | null {
    const row = this.db.prepare('SELECT public_url FROM capture_inbox_settings WHERE id = 1').get() as
      { public_url: string | null } | undefined
    return row?.public_url ?? null
  }

  savePublicUrl(url: string | null): void {
    this.db
      .prepare(
        `INSERT INTO capture_inbox_settings (id, public_url) VALUES (1, ?)
         ON CONFLICT (id) DO UPDATE SET public_url = excluded.public_url`
      )
      .run(url)
  }

  captureOnlyIds(): string[] {
    return (this.db.prepare('SELECT integration_id FROM capture_only_integrations').pluck().all() as string[]).sort()
  }

  setCaptureOnly(integrationId: string, captureOnly: boolean): void {
    if (captureOnly) {
      this.db.prepare('INSERT OR IGNORE INTO capture_only_integrations (integration_id) VALUES (?)').run(integrationId)
    } else {
      this.db.prepare('DELETE FROM capture_only_integrations WHERE integration_id = ?').run(integrationId)
    }
  }
}
