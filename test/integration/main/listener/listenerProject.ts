import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { startProjectListener, type ProjectListener } from '../../../../main/listener/ProjectListener'
import { silentLogger } from '../../../../main/platform/logger'
import { EnvironmentSecretStore } from '../../../../main/secrets/EnvironmentSecretStore'
import type { Clock } from '../../../../main/services/Clock'
import { CaptureRepository } from '../../../../main/store/CaptureRepository'
import { openProjectDatabase, type ProjectDatabase } from '../../../../main/store/database'
import { IntegrationRepository } from '../../../../main/store/IntegrationRepository'
import {
  defaultCaptureRules,
  ListenerSettingsRepository,
  type IntegrationCaptureRules
} from '../../../../main/store/ListenerSettingsRepository'
import type { CaptureSummary } from '../../../../shared/model/capture'
import type { IntegrationKind } from '../../../../shared/model/integration'
import { httpRequest, type HttpAnswer } from '../../support/httpRequest'
import { createTemporaryFolder } from '../../support/temporaryFolder'

export interface ListenerProjectOptions {
  /** Integrations by slug, with their capture rules (defaults: no verification, no redaction, keep all). */
  integrations?: Record<string, Partial<IntegrationCaptureRules> & { kind?: IntegrationKind }>
  /** Environment the secret store reads (CAPMAP_SIGNING_SECRET_<SLUG>). */
  environment?: Record<string, string>
  bodyLimitBytes?: number
  clock?: Clock
  /** An in-memory database rather than a file (no writer thread: captures go through the project's connection). */
  inMemory?: boolean
}

/** A real project file in a temporary folder with a real listener on 127.0.0.1, port 0. */
export async function startListenerProject(options: ListenerProjectOptions = {}) {
  const folder = createTemporaryFolder('listener')
  const path = join(folder.path, 'Listener.capmap')
  const db: ProjectDatabase = openProjectDatabase(options.inMemory ? ':memory:' : path, { create: true })
  const integrationIds = new Map<string, string>()
  const now = new Date().toISOString()
  for (const [slug, rules] of Object.entries(options.integrations ?? {})) {
    const id = randomUUID()
    new IntegrationRepository(db).insert(
      id,
      {
        name: slug,
        slug,
        kind: rules.kind ?? 'custom',
        sourceAccount: 'INSTORE',
        eventNameField: 'event_name',
        eventNameMap: []
      },
      now
    )
    new ListenerSettingsRepository(db).saveRules(id, { ...defaultCaptureRules, ...rules })
    integrationIds.set(slug, id)
  }
  const received: CaptureSummary[] = []
  const listener: ProjectListener = await startProjectListener({
    db,
    secrets: new EnvironmentSecretStore(options.environment ?? {}),
    clock: options.clock ?? { now: () => new Date(), newId: randomUUID },
    logger: silentLogger,
    host: '127.0.0.1',
    port: 0,
    scanPorts: 1,
    bodyLimitBytes: options.bodyLimitBytes ?? 5 * 1024 * 1024,
    onCaptures: (captures) => received.push(...captures)
  })
  const captures = new CaptureRepository(db)
  let closed = false
  return {
    path,
    db,
    listener,
    captures,
    received,
    integrationId: (slug: string) => integrationIds.get(slug) ?? '',
    /** One request, sent exactly as given. */
    send(
      target: string,
      request: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}
    ): Promise<HttpAnswer & { json: Record<string, unknown> }> {
      return httpRequest({
        port: listener.port,
        path: target,
        method: request.method ?? 'POST',
        headers: request.headers ?? {},
        ...(request.body === undefined ? {} : { body: request.body })
      }).then((answer) => ({ ...answer, json: parseJson(answer.body) }))
    },
    /** The stored capture an answer names. */
    stored(answer: { json: Record<string, unknown> }) {
      const capture = captures.get(String(answer.json.id))
      if (!capture) throw new Error(`no capture ${String(answer.json.id)}`)
      return capture
    },
    async close() {
      if (closed) return
      closed = true
      await listener.close()
      db.close()
      folder.remove()
    }
  }
}

export type ListenerProject = Awaited<ReturnType<typeof startListenerProject>>

function parseJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch {
    return {}
  }
}

/** Opens listener projects for the tests of a file: each test's project is closed and removed after it. */
export function listenerProjectPerTest(): (options?: ListenerProjectOptions) => Promise<ListenerProject> {
  let project: ListenerProject | undefined
  afterEach(async () => {
    await project?.close()
    project = undefined
  })
  return async (options = {}) => {
    project = await startListenerProject(options)
    return project
  }
}
