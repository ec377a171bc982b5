import { join } from 'node:path'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/capillary/sandbox/startSandbox'
import { silentLogger } from '../../../main/platform/logger'
import { EnvironmentSecretStore } from '../../../main/secrets/EnvironmentSecretStore'
import { createStudio, type Studio } from '../../../main/services/createStudio'
import type { PublishProgress } from '../../../shared/model/publish'

/** A studio whose publish polls every 10 ms, with the sandbox's password as a headless studio reads it. */
export function publishStudio(folder: string, options: { logsTimeoutMs?: number } = {}): Studio {
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
    publish: { pollIntervalMs: 10, logsTimeoutMs: options.logsTimeoutMs ?? 10_000, maxAttempts: 1 }
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
