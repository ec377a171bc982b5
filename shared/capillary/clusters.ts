import type { ClusterId } from '../model/connectionProfile'

export type CapillaryClusterInfo = { id: Exclude<ClusterId, 'custom'>; label: string; baseUrl: string }

// Notes §8, CapDocs `docs/08-API Building Blocks/01-request-information.md`: the hosts of v1.1/v2/v3 per cluster.
export const capillaryClusters: readonly CapillaryClusterInfo[] = [
  { id: 'india', label: 'India (APAC)', baseUrl: 'https://apac.api.capillarytech.com' },
  { id: 'apac2', label: 'APAC2', baseUrl: 'https://apac2.api.capillarytech.com' },
  { id: 'eu', label: 'EU', baseUrl: 'https://eu.api.capillarytech.com' },
  { id: 'us', label: 'US', baseUrl: 'https://us.api.capillarytech.com' },
  // Notes §8: China also answers at cdn-api.capillarytech.cn.com; other hosts go through a custom base URL.
  { id: 'china', label: 'China', baseUrl: 'https://api.capillarytech.cn.com' }
]

/** The base URL calls go to: the cluster's documented host, or the custom one (trailing slashes removed). */
export const clusterBaseUrl = (cluster: ClusterId, customBaseUrl: string): string =>
  cluster === 'custom'
    ? customBaseUrl.trim().replace(/\/+$/, '')
    : (capillaryClusters.find((info) => info.id === cluster)?.baseUrl ?? '')
