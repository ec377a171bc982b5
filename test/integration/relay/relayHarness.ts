import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { startSandbox, type RunningSandbox } from '../../../main/capillary/sandbox/startSandbox'
import { silentLogger } from '../../../main/platform/logger'
import { EnvironmentSecretStore } from '../../../main/secrets/EnvironmentSecretStore'
import { createStudio, type Studio } from '../../../main/services/createStudio'
import type { DeliverySchedule } from '../../../main/relay/deliverySchedule'
import { httpRequest } from '../support/httpRequest'

/** The sample's WebEngage payload, as WebEngage posts it. */
export const addedToCart = readFileSync(
  join(__dirname, '../../../resources/samples/webengage-added-to-cart-flat.json'),
  'utf8'
)

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  const { port } = server.address() as AddressInfo
  await new Promise((resolveClose) => server.close(resolveClose))
  return port
}

export const compressedSchedule: Partial<DeliverySchedule> = {
  maxAttempts: 4,
  firstRetryMs: 20,
  factor: 2,
  maxDelayMs: 200,
  slowDownMs: 10,
  maxSlowDownMs: 50
}

/** A studio (web mode: listener and relay follow the project) over the sample project, and a sandbox profile. */
export async function relayStudio(
  folder: string,
  options: { schedule?: Partial<DeliverySchedule>; sandbox?: RunningSandbox; projectName?: string } = {}
) {
  const sandbox = options.sandbox ?? (await startSandbox())
  const studio: Studio = createStudio({
    configDir: join(folder, 'config'),
    mode: 'web',
    version: 'test',
    logger: silentLogger,
    // The profile's password, as a headless studio reads it (memory does not outlive a studio).
    secrets: new EnvironmentSecretStore({ CAPMAP_PASSWORD: 'sandbox' }),
    listener: { autoStart: true, notifyEveryMs: 10 },
    relay: { schedule: options.schedule ?? compressedSchedule, notifyEveryMs: 20, pollMs: 50 }
  })
  return { studio, sandbox }
}

export function sandboxProfile(studio: Studio, sandbox: RunningSandbox): string {
  const profile = studio.capillary.profiles.save(
    undefined,
    {
      name: 'Sandbox',
      cluster: 'custom',
      customBaseUrl: sandbox.baseUrl,
      orgId: String(sandbox.orgId),
      auth: 'basic',
      tillCode: 'sandbox.till',
      oauthKey: '',
      proxyUrl: '',
      caCertificatesFile: '',
      timeoutSeconds: 30
    },
    'sandbox'
  )
  return profile.id
}

export function integrationId(studio: Studio, slug: string): string {
  const integration = studio.integrations.list().find((candidate) => candidate.slug === slug)
  if (!integration) throw new Error(`no integration ${slug}`)
  return integration.id
}

export function postToListener(port: number, path: string, body: string, headers: Record<string, string> = {}) {
  return httpRequest({
    port,
    path,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body
  })
}

/** Polls until `check` holds (the relay works behind the listener's answer); fails with what it last saw. */
export async function eventually<T>(read: () => T, check: (value: T) => boolean, what: string): Promise<T> {
  let last: T = read()
  for (let attempt = 0; attempt < 1500; attempt += 1) {
    last = read()
    if (check(last)) return last
    await new Promise((resolveWait) => setTimeout(resolveWait, 10))
  }
  throw new Error(`${what} never happened; last seen: ${JSON.stringify(last)}`)
}

/** The event-data posts the sandbox answered 200. */
export const acceptedPosts = (sandbox: RunningSandbox) =>
  sandbox.requests().filter((request) => request.path.startsWith('/webhooks/') && request.status === 200).length
