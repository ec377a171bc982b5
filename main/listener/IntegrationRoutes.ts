import type { Statement } from 'better-sqlite3'
import type { Integration } from '../../shared/model/integration'
import type { ProjectDatabase } from '../store/database'
import { IntegrationRepository } from '../store/IntegrationRepository'
import {
  defaultCaptureRules,
  ListenerSettingsRepository,
  type IntegrationCaptureRules
} from '../store/ListenerSettingsRepository'

/** What the listener needs of the integration that owns a path. */
export interface IntegrationRoute extends IntegrationCaptureRules {
  integrationId: string
  slug: string
  eventNameField: string
}

export const hooksPrefix = '/hooks/'

/** `/hooks/<slug>` (a trailing slash allowed) → the slug; any other path → undefined. */
export function slugOfPath(pathname: string): string | undefined {
  if (!pathname.startsWith(hooksPrefix)) return undefined
  const rest = pathname.slice(hooksPrefix.length).replace(/\/$/, '')
  return rest === '' || rest.includes('/') ? undefined : rest
}

/** How often the cache asks SQLite whether another connection changed the file (not per request: it costs). */
const recheckMs = 250

/**
 * The integrations by listener path, read from the project and cached. The cache is dropped when this process
 * changes them (`invalidate`) and when another process committed to the file (SQLite's `data_version` moved; looked
 * at every quarter second), so a `capmap listen` follows edits made in the studio, and the studio follows its own.
 * The listener's own writer thread moves `data_version` too: under load the cache is rebuilt four times a second,
 * two small queries each time.
 */
export class IntegrationRoutes {
  private routes: Map<string, IntegrationRoute> | undefined
  private seenVersion: unknown
  private checkedAt = Number.NEGATIVE_INFINITY
  private readonly integrations: IntegrationRepository
  private readonly settings: ListenerSettingsRepository
  private readonly dataVersion: Statement

  constructor(db: ProjectDatabase) {
    this.integrations = new IntegrationRepository(db)
    this.settings = new ListenerSettingsRepository(db)
    this.dataVersion = db.prepare('PRAGMA data_version').pluck()
  }

  routeFor(pathname: string): IntegrationRoute | undefined {
    const slug = slugOfPath(pathname)
    return slug === undefined ? undefined : this.current().get(slug)
  }

  all(): IntegrationRoute[] {
    return [...this.current().values()]
  }

  invalidate(): void {
    this.routes = undefined
  }

  private current(): Map<string, IntegrationRoute> {
    const now = performance.now()
    if (this.routes && now - this.checkedAt < recheckMs) return this.routes
    this.checkedAt = now
    const version = this.dataVersion.get()
    if (this.routes && version === this.seenVersion) return this.routes
    this.seenVersion = version
    const rules = this.settings.allRules()
    this.routes = new Map(
      this.integrations.list().map((integration) => [integration.slug, toRoute(integration, rules)])
    )
    return this.routes
  }
}

function toRoute(integration: Integration, rules: Map<string, IntegrationCaptureRules>): IntegrationRoute {
  return {
    integrationId: integration.id,
    slug: integration.slug,
    eventNameField: integration.eventNameField,
    ...(rules.get(integration.id) ?? defaultCaptureRules)
  }
}
