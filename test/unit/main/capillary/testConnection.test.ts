import { describe, expect, it } from 'vitest'
import { CapillaryError } from '../../../../main/capillary/client/CapillaryError'
import type { CapillaryClient } from '../../../../main/capillary/client/CapillaryClient'
import { testConnection } from '../../../../main/capillary/testConnection'
import { ConnectionProfile } from '../../../../shared/model/connectionProfile'

const profile = ConnectionProfile.parse({
  id: 'profile-1',
  name: 'Brand EU',
  cluster: 'eu',
  orgId: '100737',
  auth: 'basic',
  tillCode: 'brand.till',
  createdAt: '2026-11-29T10:00:00.000Z',
  updatedAt: '2026-11-29T10:00:00.000Z'
})

/** Capillary answering the events, then refusing the org's sources as given (the edge this module reads). */
function clientRefusingSources(error: CapillaryError): CapillaryClient {
  return {
    listEvents: () => Promise.resolve([]),
    listSources: () => Promise.reject(error)
  } as unknown as CapillaryClient
}

const refusal = (code?: number) =>
  new CapillaryError('permission', 'Capillary refused GET /v2/org/100737/sources (HTTP 403).', {
    request: 'GET /v2/org/100737/sources',
    status: 403,
    attempts: 1,
    ...(code === undefined ? {} : { code })
  })

describe('testConnection', () => {
  it('says the org does not match the credentials only for an invalid org (1064)', async () => {
    const verdict = await testConnection(clientRefusingSources(refusal(1064)), profile, '2026-11-29T10:00:00.000Z')
    expect(verdict.summary).toBe('Not connected: org 100737 does not match these credentials.')
  })

  it('calls another 403 (access denied, V2 not enabled) a matter of access, not of the org id', async () => {
    const verdict = await testConnection(clientRefusingSources(refusal()), profile, '2026-11-29T10:00:00.000Z')
    expect(verdict).toMatchObject({
      ok: false,
      summary: 'Not connected: these credentials may not read org 100737.',
      detail: 'Capillary refused GET /v2/org/100737/sources (HTTP 403).'
    })
  })
})
