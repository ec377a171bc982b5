import type { ProjectDatabase } from './database'

/** Small key-value facts about the project itself (its sample origin, last save). */
export class ProjectMetaRepository {
  constructor(private readonly db: ProjectDatabase) {}

  get(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM project_meta WHERE key = ?').get(key) as
      { value: string } | undefined
    return row?.value
  }

  set(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
      )
      .run(key, value)
  }
}
