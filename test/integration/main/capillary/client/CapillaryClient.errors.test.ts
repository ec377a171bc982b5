import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CapillaryClient } from '../../../../../main/capillary/client/CapillaryClient'
import { CapillaryError } from '../../../../../main/capillary/client/CapillaryError'
import { startSandbox, type RunningSandbox } from '../../../../../main/capillary/sandbox/startSandbox'
import { attribute, bodyOf, fakeTiming, promotionViewed } from '../capillaryTestKit'

let sandbox: RunningSandbox
let client: CapillaryClient

const failureOf = async (call: Promise<unknown>): Promise<CapillaryError> => {
  try {
    await call
  } catch (error) {
    if (error instanceof CapillaryError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

beforeEach(async () => {
  sandbox = await startSandbox({ processingDelayMs: 0 })
  client = new CapillaryClient({
    baseUrl: sandbox.baseUrl,
    credentials: { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' },
    timing: fakeTiming()
  })
})

afterEach(async () => {
  await client.close()
  await sandbox.close()
})

describe("the client's errors for Capillary's documented codes", () => {
  it('1806: an event that already exists, with what to do', async () => {
    await client.createEvent(bodyOf(promotionViewed()))
    const error = await failureOf(client.createEvent(bodyOf(promotionViewed())))
    expect(error).toMatchObject({ kind: 'invalid_request', code: 1806, status: 400 })
    expect(error.message).toBe(
      'Capillary refused POST /v2/events: an event with this name already exists in the org (error 1806, HTTP 400): ' +
        '“promotionViewed event already exists”. Send it as a replacement of the existing definition, or give the ' +
        'event another name.'
    )
  })

  it('1810: invalid actions', async () => {
    const error = await failureOf(client.createEvent(bodyOf(promotionViewed({ actions: [] }))))
    expect(error.code).toBe(1810)
    expect(error.message).toContain('Choose at least one destination: EIConsumer')
  })

  it('1811: an invalid event name', async () => {
    const error = await failureOf(client.createEvent(bodyOf(promotionViewed({ name: 'promotion viewed' }))))
    expect(error.code).toBe(1811)
    expect(error.message).toContain('Use letters, digits and single underscores only')
  })

  it('1823: an attribute type Capillary does not take', async () => {
    const body = bodyOf(promotionViewed())
    const error = await failureOf(
      client.createEvent({ ...body, fields: [...body.fields, { name: 'amount', type: 'money', attributes: {} }] })
    )
    expect(error.code).toBe(1823)
    expect(error.message).toContain('Use a type Capillary documents for its API')
  })

  it('1802: a customer identifier that is not required', async () => {
    const draft = promotionViewed()
    const [customer, ...rest] = draft.attributes
    const error = await failureOf(
      client.createEvent(bodyOf({ ...draft, attributes: [{ ...customer!, isRequired: false }, ...rest] }))
    )
    expect(error.code).toBe(1802)
    expect(error.message).toContain('Make the customer identifier and every unique-key attribute required')
  })

  it('1839: a webhook with authentication on but an empty mechanism', async () => {
    const error = await failureOf(
      client.createWebhook({
        transformerType: 'defaultTransformer',
        tillCode: 'sandbox.till',
        authEnabled: true,
        authMechanism: '' as 'BASIC'
      })
    )
    expect(error.code).toBe(1839)
    expect(error.message).toContain('Choose BASIC or OAUTH')
  })

  it('1808: a transformer type Capillary does not know', async () => {
    const error = await failureOf(
      client.createWebhook({ transformerType: 'kumulosTransformer', tillCode: 'sandbox.till' })
    )
    expect(error.code).toBe(1808)
    expect(error.message).toContain('Use defaultTransformer (a Custom integration) or webEngageTransformer')
  })

  it('1064 under 403: an org id the credentials do not belong to', async () => {
    const error = await failureOf(client.listSources('42'))
    expect(error).toMatchObject({ kind: 'permission', status: 403, code: 1064 })
    expect(error.message).toContain('Check the org id in the connection profile')
  })
})

describe("the client's errors for Capillary's documented statuses", () => {
  it('400: invalid input, naming what Capillary said', async () => {
    const error = await failureOf(client.createWebhook({ transformerType: 'defaultTransformer', tillCode: '' }))
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400 })
    expect(error.message).toContain('“tillCode is required”')
  })

  it('401 with Basic auth: the till code and password were refused', async () => {
    const wrong = new CapillaryClient({
      baseUrl: sandbox.baseUrl,
      credentials: { scheme: 'basic', tillCode: 'sandbox.till', password: 'not-it' }
    })
    const error = await failureOf(wrong.listEvents())
    await wrong.close()
    expect(error).toMatchObject({ kind: 'authentication', status: 401 })
    expect(error.message).toBe(
      'Capillary refused GET /v2/events: the till code and password were refused (HTTP 401): “Please check your ' +
        'username/password or authentication token”. Check the till code and its password in the connection profile ' +
        "(Capillary checks the password's MD5), and that Basic auth is enabled for the org."
    )
  })

  it('401 with OAuth: no token for a wrong key or secret, with the documented reasons', async () => {
    const wrong = new CapillaryClient({
      baseUrl: sandbox.baseUrl,
      credentials: { scheme: 'oauth', key: 'sandbox', secret: 'not-it' }
    })
    const error = await failureOf(wrong.listEvents())
    await wrong.close()
    expect(error).toMatchObject({ kind: 'authentication', status: 401 })
    expect(error.message).toContain(
      'Capillary could not generate an OAuth token (HTTP 401): “Failed to generate OAuth token”'
    )
    expect(error.message).toContain("check both in the connection profile, and the client's access group in InTouch")
  })

  it('404: no such resource', async () => {
    const error = await failureOf(client.getEventMeta('nothingHere'))
    expect(error).toMatchObject({ kind: 'not_found', status: 404 })
    expect(error.message).toContain('Check the cluster or base URL of the profile')
  })

  it('429: the rate limit, failing at once when Retry-After is longer than worth waiting', async () => {
    sandbox.setFaults({ rateLimitPerMinute: 1 })
    await client.listEvents()
    const error = await failureOf(client.listEvents())
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429 })
    expect(error.details.retryAfterMs).toBeGreaterThan(0)
    expect(error.message).toMatch(/Capillary asks to wait \d+ s before trying again\. Wait a minute and try again/)
  })

  it('5xx: Capillary failing every try, after all the tries', async () => {
    sandbox.failNext(4, { status: 500 })
    const error = await failureOf(client.listEvents())
    expect(error).toMatchObject({ kind: 'server', status: 500 })
    expect(error.message).toBe(
      'Capillary could not complete GET /v2/events after 4 tries: Capillary failed to handle the request (HTTP 500): ' +
        '“All requests have failed due to errors”. Capillary is having trouble: try again in a few minutes; if it ' +
        'persists, contact Capillary support.'
    )
  })

  it('503: the authorisation service unavailable', async () => {
    sandbox.failNext(4, { status: 503 })
    const error = await failureOf(client.listEvents())
    expect(error.message).toContain('the authorisation service is unavailable (HTTP 503)')
  })
})

describe('a 415 from something between the studio and Capillary', () => {
  let server: Server

  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('says the Content-Type was refused and what may cause it', async () => {
    server = createServer((_request, response) => {
      response.writeHead(415, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ errors: [{ status: false, code: 415, message: 'Unsupported Media Type' }] }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    const port = (server.address() as AddressInfo).port
    const refused = new CapillaryClient({
      baseUrl: `http://127.0.0.1:${port}`,
      credentials: { scheme: 'basic', tillCode: 't', password: 'p' }
    })
    const error = await failureOf(refused.listEvents())
    await refused.close()
    expect(error.status).toBe(415)
    expect(error.message).toContain('The studio sends application/json: a proxy may be rewriting requests')
  })
})

describe('warnings on success', () => {
  it('come back from the sandbox as Capillary would send them', async () => {
    const draft = promotionViewed()
    const ack = await client.createEvent(
      bodyOf({ ...draft, attributes: [...draft.attributes, attribute({ name: 'Tier', type: 'string' })] })
    )
    expect(ack.warnings.join(' ')).toContain('differs only in letter case')
  })
})
