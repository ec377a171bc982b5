import { describe, expect, it } from 'vitest'
import { capillaryClusters, clusterBaseUrl } from '../../../../shared/capillary/clusters'
import { connectionProfileProblems, type ConnectionProfileDraft } from '../../../../shared/model/connectionProfile'

const draft = (overrides: Partial<ConnectionProfileDraft> = {}): ConnectionProfileDraft => ({
  name: 'Brand EU',
  cluster: 'eu',
  customBaseUrl: '',
  orgId: '100737',
  auth: 'basic',
  tillCode: 'store123.till',
  oauthKey: '',
  proxyUrl: '',
  caCertificatesFile: '',
  timeoutSeconds: 30,
  ...overrides
})

describe('connectionProfileProblems', () => {
  it('finds nothing wrong with a complete profile', () => {
    expect(connectionProfileProblems(draft(), [])).toEqual({})
    expect(connectionProfileProblems(draft({ auth: 'oauth', tillCode: '' }), [])).toEqual({})
  })

  it('asks for a name unique among the profiles, ignoring case', () => {
    expect(connectionProfileProblems(draft({ name: ' ' }), []).name).toMatch(/^Give the profile a name/)
    expect(connectionProfileProblems(draft(), ['brand eu']).name).toBe(
      'Another profile is already named "Brand EU". Pick another name.'
    )
  })

  it('wants a numeric org id and, for Basic auth, a till code', () => {
    expect(connectionProfileProblems(draft({ orgId: 'abc' }), []).orgId).toBeDefined()
    expect(connectionProfileProblems(draft({ tillCode: '' }), []).tillCode).toMatch(/till code/)
  })

  it('wants a usable custom base URL, without credentials or a query', () => {
    expect(connectionProfileProblems(draft({ cluster: 'custom' }), []).customBaseUrl).toMatch(/^Give the base URL/)
    expect(
      connectionProfileProblems(draft({ cluster: 'custom', customBaseUrl: 'ftp://x' }), []).customBaseUrl
    ).toBeDefined()
    expect(
      connectionProfileProblems(draft({ cluster: 'custom', customBaseUrl: 'https://u:p@x' }), []).customBaseUrl
    ).toBeDefined()
    expect(connectionProfileProblems(draft({ cluster: 'custom', customBaseUrl: 'http://127.0.0.1:4870' }), [])).toEqual(
      {}
    )
  })

  it('refuses proxy credentials, which would be a secret in the profile', () => {
    expect(connectionProfileProblems(draft({ proxyUrl: 'http://user:pw@proxy:3128' }), []).proxyUrl).toMatch(
      /credentials/
    )
    expect(connectionProfileProblems(draft({ proxyUrl: 'http://proxy:3128' }), [])).toEqual({})
  })
})

describe('clusters', () => {
  it('are the documented hosts, and a custom base URL loses its trailing slashes', () => {
    expect(capillaryClusters.map((cluster) => cluster.baseUrl)).toEqual([
      'https://apac.api.capillarytech.com',
      'https://apac2.api.capillarytech.com',
      'https://eu.api.capillarytech.com',
      'https://us.api.capillarytech.com',
      'https://api.capillarytech.cn.com'
    ])
    expect(clusterBaseUrl('eu', 'ignored')).toBe('https://eu.api.capillarytech.com')
    expect(clusterBaseUrl('custom', ' http://127.0.0.1:4870// ')).toBe('http://127.0.0.1:4870')
  })
})
