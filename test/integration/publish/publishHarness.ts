import { join } from 'node:path'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/capillary/sandbox/startSandbox'
import { silentLogger } from '../../../main/platform/logger'
import { EnvironmentSecretStore } from '../../../main/secrets/EnvironmentSecretStore'
import { createStudio, type Studio } from '../../../main/services/createStudio'
import type { PublishProgress } from '../../../shared/model/publish'
import type { EventDraft } from '../../../shared/model/event'
import { eventDefinitionBody } from '../../../shared/capillary/eventDefinitionBody'
import { CapillaryClient } from '../../../main/capillary/client/CapillaryClient'
import { attributeDraft, eventDraft } from '../support/eventDraft'

/**
 * A studio whose publish polls every 10 ms, with the sandbox's password as a headless studio reads it; each call is
 * tried once unless `maxAttempts` says otherwise.
 */
export function publishStudio(folder: string, options: { logsTimeoutMs?: number; maxAttempts?: number } = {}): Studio {
  return createStudio({
    configDir: join(folder, 'config'),
    mode: 'cli',
    version: 'test',
    logger: silentLogger,
    secrets: new EnvironmentSecretStore({
      CAPMAP_PASSWORD: 'sandbox',
      CAPMAP_OAUTH_KEY: 'sandbox',
      CAPMAP_OAUTH_SECRET: 'sandbox'
    }),
    publish: {
      pollIntervalMs: 10,
      logsTimeoutMs: options.logsTimeoutMs ?? 10_000,
      maxAttempts: options.maxAttempts ?? 1
    }
  })
}

/** A sandbox that processes posted events after 5 ms. */
export const quickSandbox = (options: SandboxOptions = {}): Promise<RunningSandbox> =>
  startSandbox({ processingDelayMs: 5, ...options })

/** A connection profile pointing at the sandbox (its password from CAPMAP_PASSWORD above). */
export function sandboxProfile(
  studio: Studio,
  sandbox: RunningSandbox,
  name: string,
  auth: 'basic' | 'oauth' = 'basic'
): string {
  return studio.capillary.profiles.save(undefined, {
    name,
    cluster: 'custom',
    customBaseUrl: sandbox.baseUrl,
    orgId: String(sandbox.orgId),
    auth,
    tillCode: auth === 'basic' ? 'sandbox.till' : '',
    oauthKey: '',
    proxyUrl: '',
    caCertificatesFile: '',
    timeoutSeconds: 30
  }).id
}

export function eventId(studio: Studio, name: string): string {
  const event = studio.events.list().find((candidate) => candidate.name === name)
  if (!event) throw new Error(`no event ${name}`)
  return event.id
}

/** Publishes through the service as the studio does, collecting every progress event of the run. */
export async function publishAndCollect(
  studio: Studio,
  profileId: string,
  eventIds: string[],
  options: { waitForPublishedMs?: number; onProgress?: (progress: PublishProgress) => void } = {}
) {
  const progress: PublishProgress[] = []
  const started = studio.publish.startWith(studio.publish.connectionFor(profileId), eventIds, {
    ...options,
    onProgress: (entry) => {
      progress.push(entry)
      options.onProgress?.(entry)
    }
  })
  const state = await started.finished
  return { state, progress, finals: progress.filter((entry) => entry.done && !entry.runDone) }
}

/** Capillary's calls that change something, as the sandbox saw them. */
export const changingCalls = (sandbox: RunningSandbox) =>
  sandbox
    .requests()
    .filter((request) => request.method !== 'GET' && !request.path.startsWith('/v3/'))
    .map((request) => `${request.method} ${request.path}`)

/** An org filled by someone else: custom events created straight through Capillary's API. */
export async function seedOrg(sandbox: RunningSandbox, drafts: EventDraft[]): Promise<void> {
  const client = new CapillaryClient({
    baseUrl: sandbox.baseUrl,
    credentials: { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' },
    retry: { maxAttempts: 1 }
  })
  try {
    for (const draft of drafts) await client.createEvent(eventDefinitionBody(draft))
  } finally {
    await client.close()
  }
}

/** `count` small custom events named seeded_1 … */
export const seededEvents = (count: number): EventDraft[] =>
  Array.from({ length: count }, (_, index) =>
    eventDraft({
      name: `seeded_${index + 1}`,
      attributes: [
        attributeDraft({
          name: 'customer_id',
          type: 'customer',
          isRequired: true,
          customer: { identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: false }
        }),
        attributeDraft({ name: 'note', type: 'string' })
      ]
    })
  )
