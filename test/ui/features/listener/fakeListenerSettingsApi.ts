import { vi } from 'vitest'
import { requests, type RequestInput } from '../../../../shared/api/contract'
import { fail, ok } from '../../../../shared/api/result'
import {
  defaultRedaction,
  keepAll,
  type IntegrationCaptureSettings,
  type ListenerSettingsView,
  type ListenerStatus
} from '../../../../shared/model/listenerSettings'

export const listening = (port: number): ListenerStatus => ({
  state: 'listening',
  host: '127.0.0.1',
  port,
  url: `http://127.0.0.1:${port}/`,
  message: null,
  warning: null
})

const rulesFor = (integrationId: string, slug: string): IntegrationCaptureSettings => ({
  integrationId,
  slug,
  name: `Integration ${slug}`,
  path: `/hooks/${slug}`,
  verification: { scheme: 'none' },
  redaction: defaultRedaction,
  retention: keepAll,
  secret: { source: null, environmentVariable: `CAPMAP_SIGNING_SECRET_${slug.toUpperCase().replace(/-/g, '_')}` }
})

/**
 * An in-memory stand-in for the listener-settings part of the api (our own interface): inputs are parsed with the
 * contract's own schemas, as main parses them, and it refuses what ListenerService refuses. `captures` stands for
 * how many captures each scope holds, so a retention deletes what main would; `busyPorts` are held by other programs.
 */
export function fakeListenerSettingsApi(options: { slugs?: string[]; captures?: number; busyPorts?: number[] } = {}) {
  const busyPorts = options.busyPorts ?? []
  const view: ListenerSettingsView = {
    listener: { enabled: true, host: '127.0.0.1', port: 4890, bodyLimitBytes: 5 * 1024 * 1024 },
    unmatchedRetention: keepAll,
    integrations: (options.slugs ?? []).map((slug, index) => rulesFor(`i${index}`, slug)),
    secretBackend: 'environment'
  }
  const secrets = new Map<string, string>()
  let status = listening(4890)
  let captures = options.captures ?? 0
  const copy = (): ListenerSettingsView => structuredClone(view)
  const rules = (integrationId: string) => view.integrations.find((entry) => entry.integrationId === integrationId)
  return {
    secrets,
    getListenerStatus: vi.fn(async () => ok(status)),
    getListenerSettings: vi.fn(async () => ok(copy())),
    setListenerSettings: vi.fn(async (input: RequestInput<'setListenerSettings'>) => {
      const patch = requests.setListenerSettings.input.parse(input)
      if (patch.host === '10.0.0')
        return fail('invalid_input', '10.0.0 is not an IP address: give one such as 127.0.0.1.')
      if (patch.port !== undefined && patch.port !== null && busyPorts.includes(patch.port)) {
        return fail(
          'conflict',
          `Port ${patch.port} is in use by another program: choose another one. The listener stays on 127.0.0.1:${status.port}.`
        )
      }
      view.listener = { ...view.listener, ...patch }
      status = listening(view.listener.port ?? 4890)
      return ok(copy())
    }),
    setIntegrationCaptureSettings: vi.fn(async (input: RequestInput<'setIntegrationCaptureSettings'>) => {
      const { integrationId, ...patch } = requests.setIntegrationCaptureSettings.input.parse(input)
      const own = rules(integrationId)
      if (!own) return fail('not_found', 'There is no such integration.')
      Object.assign(own, patch)
      return ok(copy())
    }),
    setSigningSecret: vi.fn(async (input: RequestInput<'setSigningSecret'>) => {
      const { integrationId, secret } = requests.setSigningSecret.input.parse(input)
      const own = rules(integrationId)
      if (!own) return fail('not_found', 'There is no such integration.')
      if (secret === null) secrets.delete(integrationId)
      else secrets.set(integrationId, secret)
      own.secret = { ...own.secret, source: secret === null ? null : 'memory' }
      return ok(copy())
    }),
    setRetention: vi.fn(async (input: RequestInput<'setRetention'>) => {
      const { integrationId, retention } = requests.setRetention.input.parse(input)
      if (integrationId === null) view.unmatchedRetention = retention
      else {
        const own = rules(integrationId)
        if (!own) return fail('not_found', 'There is no such integration.')
        own.retention = retention
      }
      const kept = retention.kind === 'count' ? Math.min(captures, retention.count) : captures
      const deleted = captures - kept
      captures = kept
      return ok({ settings: copy(), deleted })
    })
  }
}
