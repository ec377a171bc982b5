import { vi } from 'vitest'
import type { RequestInput } from '../../../../shared/api/contract'
import { fail, ok } from '../../../../shared/api/result'
import {
  ConnectionProfileDraft,
  connectionProfileProblems,
  type ConnectionProfileView,
  type ConnectionVerdict,
  type LocalSandboxState
} from '../../../../shared/model/connectionProfile'

const now = '2026-11-28T00:00:00.000Z'

export const profile = (id: string, overrides: Partial<ConnectionProfileView> = {}): ConnectionProfileView => ({
  id,
  name: `Profile ${id}`,
  cluster: 'eu',
  customBaseUrl: '',
  orgId: '100737',
  auth: 'basic',
  tillCode: 'store123.till',
  oauthKey: '',
  proxyUrl: '',
  caCertificatesFile: '',
  timeoutSeconds: 30,
  createdAt: now,
  updatedAt: now,
  secret: 'session',
  ...overrides
})

/**
 * An in-memory stand-in for the connection-profile part of the api (our own interface): inputs are parsed as main
 * parses them and refused as main refuses them. `secrets` records what main was sent, to prove the form sends it once.
 */
export function fakeProfilesApi(options: { profiles?: ConnectionProfileView[]; offer?: boolean } = {}) {
  let profiles = [...(options.profiles ?? [])]
  let sandbox: LocalSandboxState = { running: false, baseUrl: null, profileId: null, offer: options.offer ?? false }
  const secrets = new Map<string, string>()
  let counter = 0
  const verdicts = new Map<string, ConnectionVerdict>()
  return {
    secrets,
    verdicts,
    listConnectionProfiles: vi.fn(async () => ok([...profiles])),
    saveConnectionProfile: vi.fn(async ({ id, draft, secret }: RequestInput<'saveConnectionProfile'>) => {
      const parsed = ConnectionProfileDraft.parse(draft)
      const others = profiles.filter((candidate) => candidate.id !== id).map((candidate) => candidate.name)
      const problem = Object.values(connectionProfileProblems(parsed, others))[0]
      if (problem) return fail('invalid_input', problem)
      const saved = profile(id ?? `p${++counter}`, { ...parsed, secret: secret ? 'session' : 'missing' })
      if (secret) secrets.set(saved.id, secret)
      profiles = [...profiles.filter((candidate) => candidate.id !== saved.id), saved]
      sandbox = { ...sandbox, offer: false }
      return ok(saved)
    }),
    deleteConnectionProfile: vi.fn(async ({ id }: RequestInput<'deleteConnectionProfile'>) => {
      profiles = profiles.filter((candidate) => candidate.id !== id)
      return ok({ id })
    }),
    testConnectionProfile: vi.fn(async ({ id }: RequestInput<'testConnectionProfile'>) => {
      const verdict = verdicts.get(id) ?? {
        ok: true,
        summary: 'Connected to org 100737 on EU as till store123.till: 3 events, 1 published.',
        detail: '',
        steps: [],
        checkedAt: now
      }
      return ok(verdict)
    }),
    getLocalSandbox: vi.fn(async () => ok(sandbox)),
    startLocalSandbox: vi.fn(async () => {
      const created = profile('local', {
        name: 'Local sandbox',
        cluster: 'custom',
        customBaseUrl: 'http://127.0.0.1:4870'
      })
      profiles = [...profiles, created]
      sandbox = { running: true, baseUrl: 'http://127.0.0.1:4870', profileId: 'local', offer: false }
      return ok(sandbox)
    }),
    stopLocalSandbox: vi.fn(async () => {
      sandbox = { ...sandbox, running: false, baseUrl: null }
      return ok(sandbox)
    }),
    dismissSandboxOffer: vi.fn(async () => {
      sandbox = { ...sandbox, offer: false }
      return ok(sandbox)
    })
  }
}
