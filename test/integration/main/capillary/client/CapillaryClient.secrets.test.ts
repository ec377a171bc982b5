import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { basicAuthorization, md5Hex } from '../../../../../main/capillary/client/basicAuthorization'
import { CapillaryClient } from '../../../../../main/capillary/client/CapillaryClient'
import { startSandbox, type RunningSandbox } from '../../../../../main/capillary/sandbox/startSandbox'
import { bodyOf, fakeTiming, promotionViewed, recordingLogger } from '../capillaryTestKit'

const password = 'Till-Pa55word-7781'
const secret = 'OAuth-Secret-Q9x2'

describe('secrets in the client and the sandbox', () => {
  let sandbox: RunningSandbox
  const clientLogger = recordingLogger()
  const sandboxLogger = recordingLogger()
  const messages: string[] = []
  const tokens: string[] = []

  beforeAll(async () => {
    sandbox = await startSandbox({
      processingDelayMs: 0,
      credentials: { basic: [{ tillCode: 'brand.till', password }], oauth: [{ key: 'brand-key', secret }] },
      logger: sandboxLogger
    })
    const timing = fakeTiming()
    const run = async (client: CapillaryClient, work: (client: CapillaryClient) => Promise<unknown>) => {
      try {
        await work(client)
      } catch (error) {
        messages.push((error as Error).message, JSON.stringify(error))
      } finally {
        await client.close()
      }
    }
    const make = (credentials: ConstructorParameters<typeof CapillaryClient>[0]['credentials']) =>
      new CapillaryClient({ baseUrl: sandbox.baseUrl, credentials, timing, logger: clientLogger })
    await run(make({ scheme: 'basic', tillCode: 'brand.till', password }), async (client) => {
      await client.createEvent(bodyOf(promotionViewed()))
      await client.createEvent(bodyOf(promotionViewed()))
    })
    await run(make({ scheme: 'basic', tillCode: 'brand.till', password: `${password}-wrong` }), (client) =>
      client.listEvents()
    )
    await run(make({ scheme: 'oauth', key: 'brand-key', secret }), async (client) => {
      const webhook = await client.createWebhook({
        transformerType: 'defaultTransformer',
        tillCode: 'brand.till',
        authEnabled: true,
        authMechanism: 'OAUTH'
      })
      await client.postEvent(webhook.webHookUri, { event_name: 'promotionViewed', customerId: '919845012345' })
      sandbox.failNext(4, { status: 500 })
      await client.listEvents()
    })
    await run(make({ scheme: 'oauth', key: 'brand-key', secret: `${secret}-wrong` }), (client) => client.listEvents())
    // The tokens the sandbox issued, read back from what a token request answers.
    const answer = await fetch(`${sandbox.baseUrl}/v3/oauth/token/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: 'brand-key', secret })
    })
    tokens.push(((await answer.json()) as { data: { accessToken: string } }).data.accessToken.split('.')[2] ?? '')
  })

  afterAll(async () => {
    await sandbox.close()
  })

  const forbidden = () => [
    password,
    md5Hex(password),
    basicAuthorization('brand.till', password),
    basicAuthorization('brand.till', password).slice('Basic '.length),
    secret,
    ...tokens
  ]

  it('logged something for every call, so the check below means something', () => {
    expect(clientLogger.lines.length).toBeGreaterThan(8)
    expect(sandboxLogger.lines.length).toBeGreaterThan(8)
    expect(messages.length).toBeGreaterThan(3)
  })

  it("never writes a password, its hash, the Basic header, an OAuth secret or a token to the client's log", () => {
    const log = clientLogger.lines.join('\n')
    for (const value of forbidden()) expect(log).not.toContain(value)
  })

  it("never writes them to the sandbox's log", () => {
    const log = sandboxLogger.lines.join('\n')
    for (const value of forbidden()) expect(log).not.toContain(value)
  })

  it('never puts them in an error message, nor in an error’s details', () => {
    const text = messages.join('\n')
    for (const value of forbidden()) expect(text).not.toContain(value)
  })

  it("keeps no secret in the sandbox's record of requests", () => {
    const record = JSON.stringify(sandbox.requests())
    for (const value of forbidden()) expect(record).not.toContain(value)
  })
})
