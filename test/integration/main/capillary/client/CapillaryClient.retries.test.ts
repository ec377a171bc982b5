import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CapillaryClient } from '../../../../../main/capillary/client/CapillaryClient'
import { startSandbox, type RunningSandbox } from '../../../../../main/capillary/sandbox/startSandbox'
import { systemTiming, type ClientTiming } from '../../../../../main/capillary/client/ClientTiming'
import { eventually, fakeTiming, recordingLogger } from '../capillaryTestKit'

let sandbox: RunningSandbox
let timing: ReturnType<typeof fakeTiming>
let logger: ReturnType<typeof recordingLogger>
let client: CapillaryClient

const clientWith = (options: Partial<ConstructorParameters<typeof CapillaryClient>[0]> = {}) =>
  new CapillaryClient({
    baseUrl: sandbox.baseUrl,
    credentials: { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' },
    timing,
    logger,
    ...options
  })

beforeEach(async () => {
  sandbox = await startSandbox({ processingDelayMs: 0 })
  timing = fakeTiming()
  logger = recordingLogger()
  client = clientWith()
})

afterEach(async () => {
  await client.close()
  await sandbox.close()
})

describe('the client under faults', () => {
  it('retries a 503 and a 500 with growing, jittered waits, then succeeds', async () => {
    sandbox.failNext(1, { status: 503 })
    sandbox.failNext(1, { status: 500 })
    await expect(client.listEvents()).resolves.toEqual([])
    // Equal jitter with random 0.5: half the ceiling plus a quarter (base 500 ms, doubling).
    expect(timing.waits).toEqual([375, 750])
    expect(sandbox.requests().map((request) => request.status)).toEqual([503, 500, 200])
  })

  it('honours Retry-After on a 429, waiting what Capillary asks', async () => {
    sandbox.failNext(1, { status: 429, retryAfterSeconds: 7 })
    await expect(client.listEvents()).resolves.toEqual([])
    // 7 s asked, plus jitter of at most the base delay.
    expect(timing.waits).toEqual([7250])
  })

  it('honours Retry-After on a 503 too', async () => {
    sandbox.failNext(1, { status: 503, retryAfterSeconds: 2 })
    await client.listEvents()
    expect(timing.waits).toEqual([2250])
  })

  it('ends a call cancelled while it waits for its next try (Retry-After), trying no more', async () => {
    // A wait that ends only when cancelled: Retry-After as long as it gets.
    const endless: ClientTiming = {
      ...systemTiming,
      sleep: (_ms, signal) => new Promise((resolveWait) => signal?.addEventListener('abort', () => resolveWait()))
    }
    const waiting = clientWith({ timing: endless })
    try {
      sandbox.failNext(1, { status: 429, retryAfterSeconds: 50 })
      const call = waiting.listEvents()
      await eventually(
        async () => sandbox.requests().length,
        (count) => count === 1,
        2_000
      )
      waiting.cancel()
      await expect(call).rejects.toMatchObject({ kind: 'cancelled', message: 'GET /v2/events was cancelled.' })
      expect(sandbox.requests().map((request) => request.status)).toEqual([429])
    } finally {
      await waiting.close()
    }
  })

  it('gives up at once when Retry-After is longer than a minute', async () => {
    sandbox.failNext(1, { status: 429, retryAfterSeconds: 120 })
    await expect(client.listEvents()).rejects.toMatchObject({ status: 429, details: { attempts: 1 } })
    expect(timing.waits).toEqual([])
  })

  it('waits out the sandbox’s rate limit when its window resets within a minute', async () => {
    await sandbox.close()
    // One clock for both sides: the client's waits move the sandbox's rate-limit window too.
    sandbox = await startSandbox({ processingDelayMs: 0, faults: { rateLimitPerMinute: 2 }, now: timing.now })
    const limited = clientWith()
    for (let call = 0; call < 3; call += 1) await expect(limited.listEvents()).resolves.toEqual([])
    await limited.close()
    expect(sandbox.requests().map((request) => request.status)).toEqual([200, 200, 429, 200])
    expect(timing.waits).toEqual([60_250])
  })

  it('retries a dropped connection', async () => {
    const random = [0.1, 0.9]
    await sandbox.close()
    sandbox = await startSandbox({
      processingDelayMs: 0,
      faults: { dropRate: 0.5 },
      random: () => random.shift() ?? 0.9
    })
    const dropped = clientWith()
    await expect(dropped.listEvents()).resolves.toEqual([])
    await dropped.close()
    expect(sandbox.requests().map((request) => request.status)).toEqual(['dropped', 200])
    expect(
      logger.lines.some((line) => /dropped before Capillary answered|ECONNRESET|UND_ERR_SOCKET|retrying/.test(line))
    ).toBe(true)
  })

  it('says the connection was dropped when every try is dropped', async () => {
    sandbox.setFaults({ dropRate: 1 })
    await expect(client.listEvents()).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(
        /^The connection to 127\.0\.0\.1:\d+ was dropped before Capillary answered GET \/v2\/events after 4 tries\./
      )
    })
    expect(sandbox.requests()).toHaveLength(4)
  })

  it('times out a slow answer, per try, and says what to do', async () => {
    sandbox.setFaults({ latencyMs: 400 })
    const impatient = clientWith({ timeoutMs: 100, retry: { maxAttempts: 2 } })
    await expect(impatient.listEvents()).rejects.toMatchObject({
      kind: 'timeout',
      message:
        'Capillary did not answer GET /v2/events within 0.1 s after 2 tries. Try again; if your network is slow, raise ' +
        'the timeout of the connection profile.'
    })
    await impatient.close()
  })

  it('keeps working through random 5xx faults', async () => {
    const sequence = [0.05, 0.2, 0.9, 0.9, 0.9, 0.05, 0.7, 0.9, 0.9]
    await sandbox.close()
    sandbox = await startSandbox({
      processingDelayMs: 0,
      faults: { failRate: 0.1 },
      random: () => sequence.shift() ?? 0.9
    })
    const faulty = clientWith()
    for (let call = 0; call < 4; call += 1) await expect(faulty.listEvents()).resolves.toEqual([])
    await faulty.close()
    const statuses = sandbox.requests().map((request) => request.status)
    expect(statuses.filter((status) => status !== 200)).toEqual([500, 503])
  })

  it('reuses kept-alive connections for consecutive calls', async () => {
    for (let call = 0; call < 6; call += 1) await client.listEvents()
    const connections = new Set(sandbox.requests().map((request) => request.connection))
    expect(connections.size).toBeLessThanOrEqual(2)
  })
})

describe('OAuth tokens', () => {
  const oauthClient = () => clientWith({ credentials: { scheme: 'oauth', key: 'sandbox', secret: 'sandbox' } })

  it('are asked for once and reused while they live', async () => {
    const oauth = oauthClient()
    await oauth.listEvents()
    timing.advance(200_000)
    await oauth.listWebhooks()
    await oauth.close()
    expect(sandbox.tokensIssued()).toBe(1)
  })

  it('are renewed before they expire (within a fifth of their life, at most a minute)', async () => {
    const oauth = oauthClient()
    await oauth.listEvents()
    // The sandbox's tokens live 300 s: renewed from 240 s on.
    timing.advance(239_000)
    await oauth.listEvents()
    expect(sandbox.tokensIssued()).toBe(1)
    timing.advance(2_000)
    await oauth.listEvents()
    await oauth.close()
    expect(sandbox.tokensIssued()).toBe(2)
  })

  it('are shared by concurrent calls: one token request for many calls', async () => {
    const oauth = oauthClient()
    await Promise.all([oauth.listEvents(), oauth.listWebhooks(), oauth.listAdapters()])
    await oauth.close()
    expect(sandbox.tokensIssued()).toBe(1)
  })

  it('are renewed once when Capillary refuses one that the client thought alive', async () => {
    let serverNow = Date.now()
    await sandbox.close()
    sandbox = await startSandbox({ processingDelayMs: 0, now: () => serverNow })
    const oauth = oauthClient()
    await oauth.listEvents()
    // The server's clock runs ahead: the token is expired there, not for the client.
    serverNow += 301_000
    await expect(oauth.listEvents()).resolves.toEqual([])
    await oauth.close()
    expect(sandbox.tokensIssued()).toBe(2)
    expect(sandbox.requests().map((request) => `${request.path} ${request.status}`)).toEqual([
      '/v3/oauth/token/generate 200',
      '/v2/events 200',
      '/v2/events 401',
      '/v3/oauth/token/generate 200',
      '/v2/events 200'
    ])
  })

  it('are sent as X-CAP-API-OAUTH-TOKEN, and the token request carries no credentials', async () => {
    const oauth = oauthClient()
    await oauth.listEvents()
    await oauth.close()
    expect(sandbox.requests().map((request) => [request.path, request.auth])).toEqual([
      ['/v3/oauth/token/generate', 'none'],
      ['/v2/events', 'oauth']
    ])
  })
})
