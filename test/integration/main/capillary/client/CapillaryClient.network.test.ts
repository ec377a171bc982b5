import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CapillaryClient } from '../../../../../main/capillary/client/CapillaryClient'
import { startSandbox, type RunningSandbox } from '../../../../../main/capillary/sandbox/startSandbox'
import { createTemporaryFolder } from '../../../support/temporaryFolder'

const basic = { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' } as const

/** A forward proxy that tunnels with CONNECT, as corporate proxies do, and counts what it tunnelled. */
async function startProxy(options: { refuse?: number } = {}) {
  const tunnels: string[] = []
  const server: Server = createServer((_request, response) => {
    response.writeHead(405)
    response.end()
  })
  server.on('connect', (request, clientSocket, head) => {
    tunnels.push(request.url ?? '')
    if (options.refuse) {
      clientSocket.end(`HTTP/1.1 ${options.refuse} Forbidden\r\n\r\n`)
      return
    }
    const [host, port] = (request.url ?? '').split(':')
    const upstream = connect(Number(port), host, () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(clientSocket)
      clientSocket.pipe(upstream)
    })
    upstream.on('error', () => clientSocket.destroy())
    clientSocket.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

describe('the client through an HTTP proxy', () => {
  let sandbox: RunningSandbox
  let proxy: Awaited<ReturnType<typeof startProxy>>

  afterEach(async () => {
    await proxy.close()
    await sandbox.close()
  })

  it('tunnels its calls through the proxy', async () => {
    sandbox = await startSandbox()
    proxy = await startProxy()
    const client = new CapillaryClient({ baseUrl: sandbox.baseUrl, credentials: basic, proxyUrl: proxy.url })
    await expect(client.listEvents()).resolves.toEqual([])
    await client.close()
    expect(proxy.tunnels).toEqual([`127.0.0.1:${sandbox.port}`])
  })

  it('says plainly when the proxy refuses, naming the proxy', async () => {
    sandbox = await startSandbox()
    proxy = await startProxy({ refuse: 403 })
    const client = new CapillaryClient({ baseUrl: sandbox.baseUrl, credentials: basic, proxyUrl: proxy.url })
    const error = await client.listEvents().catch((caught: unknown) => caught)
    await client.close()
    expect(error).toMatchObject({ kind: 'proxy' })
    expect((error as Error).message).toContain(`The proxy ${new URL(proxy.url).host} did not pass GET /v2/events on`)
    expect((error as Error).message).toContain('Check the proxy address in the connection profile')
  })
})

// The certificate is made by the openssl command (installed by .ci/run where missing): the test runs everywhere.
describe('the client over TLS with extra CA certificates', () => {
  let folder: ReturnType<typeof createTemporaryFolder>
  let certificate: string
  let sandbox: RunningSandbox

  beforeAll(async () => {
    folder = createTemporaryFolder('tls')
    const key = join(folder.path, 'key.pem')
    const cert = join(folder.path, 'cert.pem')
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1'
    ])
    if (made.status !== 0) throw new Error(made.stderr.toString())
    certificate = readFileSync(cert, 'utf8')
    sandbox = await startSandbox({ tls: { key: readFileSync(key), cert: certificate } })
  })

  afterAll(async () => {
    await sandbox.close()
    folder.remove()
  })

  it('refuses a certificate it cannot trust, and says how to fix it', async () => {
    const client = new CapillaryClient({ baseUrl: sandbox.baseUrl, credentials: basic })
    const error = await client.listEvents().catch((caught: unknown) => caught)
    await client.close()
    expect(error).toMatchObject({ kind: 'certificate' })
    expect((error as Error).message).toMatch(/^The TLS certificate of 127\.0\.0\.1:\d+ is not trusted \(/)
    expect((error as Error).message).toContain('add its CA certificate file to the connection profile')
  })

  it('trusts the extra CA certificates it is given', async () => {
    const client = new CapillaryClient({ baseUrl: sandbox.baseUrl, credentials: basic, caCertificates: [certificate] })
    await expect(client.listEvents()).resolves.toEqual([])
    await client.close()
    expect(sandbox.baseUrl.startsWith('https://')).toBe(true)
  })

  it('tunnels TLS through a proxy with the extra CA certificates', async () => {
    const proxy = await startProxy()
    const client = new CapillaryClient({
      baseUrl: sandbox.baseUrl,
      credentials: basic,
      caCertificates: [certificate],
      proxyUrl: proxy.url
    })
    await expect(client.listEvents()).resolves.toEqual([])
    await client.close()
    await proxy.close()
    expect(proxy.tunnels).toEqual([`127.0.0.1:${sandbox.port}`])
  })
})

describe('the client when nothing answers', () => {
  it('says nothing answers at the base URL, and how to start a local sandbox', async () => {
    const sandbox = await startSandbox()
    const { baseUrl } = sandbox
    await sandbox.close()
    const client = new CapillaryClient({ baseUrl, credentials: basic })
    const error = await client.listEvents().catch((caught: unknown) => caught)
    await client.close()
    expect((error as Error).message).toBe(
      `Nothing answers at ${baseUrl} (connection refused). Check the base URL of the connection profile; for a local ` +
        'sandbox, start it first (capmap sandbox).'
    )
  })

  it('says the host cannot be found for a name that does not resolve', async () => {
    const client = new CapillaryClient({
      baseUrl: 'http://no-such-host.invalid',
      credentials: basic,
      retry: { maxAttempts: 1 }
    })
    const error = await client.listEvents().catch((caught: unknown) => caught)
    await client.close()
    expect((error as Error).message).toMatch(
      /^Cannot find the host no-such-host\.invalid\. Check the cluster or base URL/
    )
  })
})
