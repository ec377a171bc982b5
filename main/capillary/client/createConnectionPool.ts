import { rootCertificates } from 'node:tls'
import { Agent, ProxyAgent, type Dispatcher } from 'undici'

export interface ConnectionPoolOptions {
  /** An HTTP proxy (`http://host:port`); HTTPS calls are tunnelled through it with CONNECT. */
  proxyUrl?: string
  /** Extra trusted CA certificates (PEM), added to Node's own roots, for networks that inspect TLS. */
  caCertificates?: readonly string[]
}

// Idle sockets are kept a while so consecutive calls (publishing several events, polling logs) reuse them.
const keepAlive = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000, connections: 8 } as const

/** The keep-alive pool every call of one client goes through: direct, or through the profile's proxy. */
export function createConnectionPool(options: ConnectionPoolOptions = {}): Dispatcher {
  const extra = options.caCertificates ?? []
  // Passing `ca` replaces Node's roots, so the public roots are kept alongside the extra certificates.
  const tls = extra.length > 0 ? { ca: [...rootCertificates, ...extra] } : undefined
  if (options.proxyUrl) {
    return new ProxyAgent({ uri: options.proxyUrl, ...keepAlive, ...(tls ? { requestTls: tls, proxyTls: tls } : {}) })
  }
  return new Agent({ ...keepAlive, ...(tls ? { connect: tls } : {}) })
}
