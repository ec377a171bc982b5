import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { createDispatcher } from '../../../../main/api/dispatcher'
import { createHandlers } from '../../../../main/api/handlers'
import { startWebServer, tokenCookie, type WebServer } from '../../../../main/api/http'
import { contentSecurityPolicy } from '../../../../main/app/contentSecurityPolicy'
import { silentLogger } from '../../../../main/platform/logger'
import { createStudio, type Studio } from '../../../../main/services/createStudio'
import { callApi, httpRequest } from '../../support/httpRequest'
import { createTemporaryFolder } from '../../support/temporaryFolder'

const token = 'test-token-0123456789abcdef'
const indexHtml = '<!doctype html><title>studio</title><div id="root"></div>'
const appJs = 'console.log("studio")\n'
const secret = 'SECRET-BESIDE-STATIC-DIR'

let folder: ReturnType<typeof createTemporaryFolder>
let studio: Studio
let server: WebServer
let staticDir: string

const bearer = { Authorization: `Bearer ${token}` }
const cookie = { Cookie: `${tokenCookie}=${token}` }

async function startServer(port = 0, portAttempts?: number): Promise<WebServer> {
  return startWebServer({
    dispatch: createDispatcher(createHandlers(studio), silentLogger),
    bus: studio.bus,
    staticDir,
    token,
    port,
    ...(portAttempts === undefined ? {} : { portAttempts })
  })
}

beforeEach(async () => {
  folder = createTemporaryFolder('http')
  process.env.CAPMAP_CONFIG_DIR = join(folder.path, 'config')
  staticDir = join(folder.path, 'static')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), indexHtml)
  writeFileSync(join(staticDir, 'assets', 'app.js'), appJs)
  writeFileSync(join(folder.path, 'secret.txt'), secret)
  writeFileSync(join(folder.path, 'package.json'), JSON.stringify({ name: secret }))
  studio = createStudio({ configDir: join(folder.path, 'config'), mode: 'web', version: 'test', logger: silentLogger })
  server = await startServer()
})

afterEach(async () => {
  await server.close()
  studio.session.close()
  folder.remove()
})

/** Opens `GET /api/events` and collects what arrives, until `stop`. */
function openEventStream(port: number, headers: Record<string, string>) {
  let text = ''
  let status = 0
  let contentType = ''
  let resolveEnded: (ended: boolean) => void = () => undefined
  const ended = new Promise<boolean>((resolve) => {
    resolveEnded = resolve
  })
  const outgoing = request({ host: '127.0.0.1', port, path: '/api/events', headers, agent: false })
  const opened = new Promise<void>((resolveOpen, reject) => {
    outgoing.on('response', (response) => {
      status = response.statusCode ?? 0
      contentType = String(response.headers['content-type'])
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        text += chunk
      })
      response.on('error', () => undefined)
      response.once('data', () => resolveOpen())
      response.once('end', () => resolveOpen())
      response.once('close', () => resolveEnded(true))
    })
    outgoing.on('error', reject)
  })
  outgoing.end()
  return {
    opened,
    ended,
    status: () => status,
    contentType: () => contentType,
    text: () => text,
    async until(pattern: RegExp, timeoutMs = 5000): Promise<string> {
      const started = Date.now()
      while (!pattern.test(text)) {
        if (Date.now() - started > timeoutMs) throw new Error(`no ${pattern} in: ${text}`)
        await new Promise((resolveWait) => setTimeout(resolveWait, 10))
      }
      return text
    },
    stop: () => outgoing.destroy()
  }
}

describe('startWebServer', () => {
  it('listens on 127.0.0.1 and gives a launch URL that carries the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
    expect(server.launchUrl).toBe(`http://127.0.0.1:${server.port}/?token=${token}`)
  })

  describe('the API', () => {
    it('answers 401 unauthorized to a call without the token', async () => {
      const answer = await callApi(server.port, 'getAppInfo', {})
      expect(answer.status).toBe(401)
      expect(answer.json).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    })

    it('answers 401 to a call with a wrong bearer token', async () => {
      const answer = await callApi(server.port, 'getAppInfo', {}, { Authorization: `Bearer ${token.slice(0, -1)}x` })
      expect(answer.status).toBe(401)
    })

    it('answers 401 to a call with a wrong cookie', async () => {
      const answer = await callApi(server.port, 'getAppInfo', {}, { Cookie: `${tokenCookie}=nope` })
      expect(answer.status).toBe(401)
    })

    it('answers a call with the bearer token', async () => {
      const answer = await callApi(server.port, 'getAppInfo', {}, bearer)
      expect(answer.status).toBe(200)
      expect(answer.json).toMatchObject({ ok: true, value: { mode: 'web', version: 'test' } })
    })

    it('answers a call with the session cookie among other cookies', async () => {
      const answer = await callApi(
        server.port,
        'getProjectState',
        {},
        { Cookie: `theme=dark; ${tokenCookie}=${token}` }
      )
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual({ ok: true, value: { project: null } })
    })

    it('runs a whole slice: a project made over HTTP is a real file', async () => {
      const path = join(folder.path, 'Web.capmap')
      const answer = await callApi(server.port, 'newProject', { path, sample: true }, bearer)
      expect(answer.status).toBe(200)
      const events = await callApi(server.port, 'listEvents', {}, bearer)
      expect((events.json as { value: unknown[] }).value.length).toBeGreaterThan(0)
    })

    it('answers 415 to a call that is not application/json', async () => {
      const answer = await httpRequest({
        port: server.port,
        path: '/api/getAppInfo',
        method: 'POST',
        headers: { ...bearer, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'a=1'
      })
      expect(answer.status).toBe(415)
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    })

    it('reads the JSON media type exactly, in any letter case', async () => {
      const call = (contentType: string) =>
        httpRequest({
          port: server.port,
          path: '/api/getAppInfo',
          method: 'POST',
          headers: { ...bearer, 'Content-Type': contentType },
          body: '{}'
        })
      await expect(call('Application/JSON; charset=UTF-8')).resolves.toMatchObject({ status: 200 })
      await expect(call('application/json')).resolves.toMatchObject({ status: 200 })
      await expect(call('application/jsonx')).resolves.toMatchObject({ status: 415 })
      await expect(call('application/json-patch+json')).resolves.toMatchObject({ status: 415 })
      // JSON is UTF-8: a body declared in another charset would be read wrongly.
      await expect(call('application/json; charset="utf8"')).resolves.toMatchObject({ status: 200 })
      const utf16 = await call('application/json;charset=utf-16')
      expect(utf16.status).toBe(415)
      expect(JSON.parse(utf16.body)).toMatchObject({ error: { message: 'Send API calls in UTF-8, not utf-16.' } })
    })

    it('answers 415 to a call with no content type', async () => {
      const answer = await httpRequest({
        port: server.port,
        path: '/api/getAppInfo',
        method: 'POST',
        headers: bearer,
        body: '{}'
      })
      expect(answer.status).toBe(415)
    })

    it('answers 400 invalid_input to a body that is not JSON', async () => {
      const answer = await httpRequest({
        port: server.port,
        path: '/api/getAppInfo',
        method: 'POST',
        headers: { ...bearer, 'Content-Type': 'application/json' },
        body: '{"not json'
      })
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    })

    it('answers 400 invalid_input to a body that is not UTF-8, rather than storing replacement characters', async () => {
      const answer = await httpRequest({
        port: server.port,
        path: '/api/getAppInfo',
        method: 'POST',
        headers: { ...bearer, 'Content-Type': 'application/json' },
        // {"label": "A<a lone surrogate encoded as UTF-8>B"}
        body: Buffer.concat([Buffer.from('{"label": "A'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('B"}')])
      })
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.body)).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: 'The request body is not valid UTF-8.' }
      })
    })

    it('answers 400 invalid_input to an input the contract refuses', async () => {
      const answer = await callApi(server.port, 'openProject', { path: 12 }, bearer)
      expect(answer.status).toBe(400)
      expect(answer.json).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    })

    it('answers 404 unknown_request to a name outside the contract', async () => {
      const answer = await callApi(server.port, 'dropDatabase', {}, bearer)
      expect(answer.status).toBe(404)
      expect(answer.json).toMatchObject({ ok: false, error: { code: 'unknown_request' } })
    })

    it('answers 405 to a GET of a request', async () => {
      const answer = await httpRequest({ port: server.port, path: '/api/getAppInfo', headers: bearer })
      expect(answer.status).toBe(405)
    })

    it('answers a refused call with a status that matches its code (409 for a conflict)', async () => {
      const path = join(folder.path, 'Taken.capmap')
      writeFileSync(path, '')
      const answer = await callApi(server.port, 'newProject', { path }, bearer)
      expect(answer.status).toBe(409)
      expect(answer.json).toMatchObject({ ok: false, error: { code: 'conflict' } })
    })

    it('answers 409 conflict to an integration named like another, and keeps only the first', async () => {
      await callApi(server.port, 'newProject', { path: join(folder.path, 'Names.capmap'), sample: true }, bearer)
      const draft = {
        name: ' hotel booking APP ',
        slug: 'booking-app-2',
        kind: 'custom',
        sourceAccount: 'INSTORE',
        eventNameField: 'event_name',
        eventNameMap: []
      }
      const answer = await callApi(server.port, 'createIntegration', { draft }, bearer)
      expect(answer.status).toBe(409)
      expect(answer.json).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringContaining('already named "Hotel booking app"') }
      })
      const listed = await callApi(server.port, 'listIntegrations', {}, bearer)
      expect((listed.json as { value: { slug: string }[] }).value.map((integration) => integration.slug)).toEqual([
        'booking-app',
        'webengage'
      ])
    })

    it('answers 421 to a request under a foreign Host name, even with the token', async () => {
      const answer = await httpRequest({
        port: server.port,
        path: '/api/getAppInfo',
        method: 'POST',
        headers: { ...bearer, 'Content-Type': 'application/json', Host: `evil.example:${server.port}` },
        body: '{}'
      })
      expect(answer.status).toBe(421)
    })

    it('answers a request whose Host is localhost', async () => {
      const answer = await callApi(server.port, 'getAppInfo', {}, { ...bearer, Host: `localhost:${server.port}` })
      expect(answer.status).toBe(200)
    })

    it('answers 413 to a body over the limit, and the client receives that answer', async () => {
      const outcome = await httpRequest({
        port: server.port,
        path: '/api/getAppInfo',
        method: 'POST',
        headers: { ...bearer, 'Content-Type': 'application/json' },
        body: Buffer.alloc(11 * 1024 * 1024, 0x20)
      }).then(
        (answer) => answer.status,
        (error: NodeJS.ErrnoException) => `no answer: ${error.code ?? error.message}`
      )
      expect(outcome).toBe(413)
    })
  })

  describe('the page', () => {
    it('swaps the token in the URL for an HttpOnly, SameSite=Strict cookie with a 303 to the URL without it', async () => {
      const answer = await httpRequest({ port: server.port, path: `/?token=${token}` })
      expect(answer.status).toBe(303)
      expect(answer.headers.location).toBe('/')
      const setCookie = answer.headers['set-cookie']?.join('\n') ?? ''
      expect(setCookie).toContain(`${tokenCookie}=${token}`)
      expect(setCookie).toMatch(/;\s*HttpOnly/i)
      expect(setCookie).toMatch(/;\s*SameSite=Strict/i)
    })

    it('keeps the other query parameters and the path when it drops the token', async () => {
      const answer = await httpRequest({ port: server.port, path: `/events?view=list&token=${token}` })
      expect(answer.status).toBe(303)
      expect(answer.headers.location).toBe('/events?view=list')
    })

    it('serves the page with the CSP header to the cookie', async () => {
      const answer = await httpRequest({ port: server.port, path: '/', headers: cookie })
      expect(answer.status).toBe(200)
      expect(answer.body).toBe(indexHtml)
      expect(answer.headers['content-type']).toMatch(/^text\/html/)
      expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy)
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
    })

    it('serves the page with the cookie that its own redirect set', async () => {
      const redirect = await httpRequest({ port: server.port, path: `/?token=${token}` })
      const sessionCookie = (redirect.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? ''
      const answer = await httpRequest({
        port: server.port,
        path: redirect.headers.location ?? '',
        headers: { Cookie: sessionCookie }
      })
      expect(answer.status).toBe(200)
      expect(answer.body).toBe(indexHtml)
    })

    it('answers a page request without the token with a 401 page that points to the printed URL', async () => {
      const answer = await httpRequest({ port: server.port, path: '/' })
      expect(answer.status).toBe(401)
      expect(answer.headers['content-type']).toMatch(/^text\/html/)
      expect(answer.body).toMatch(/printed/i)
      expect(answer.body).toContain('?token=')
      expect(answer.body).not.toContain(token)
    })

    it('answers a wrong token in the URL with 401 and sets no cookie', async () => {
      const answer = await httpRequest({ port: server.port, path: '/?token=wrong' })
      expect(answer.status).toBe(401)
      expect(answer.headers['set-cookie']).toBeUndefined()
    })

    it('serves a .js file as text/javascript', async () => {
      const answer = await httpRequest({ port: server.port, path: '/assets/app.js', headers: cookie })
      expect(answer.status).toBe(200)
      expect(answer.headers['content-type']).toMatch(/^text\/javascript/)
      expect(answer.body).toBe(appJs)
    })

    it('serves the app page for a client-side route', async () => {
      const answer = await httpRequest({ port: server.port, path: '/events/123', headers: cookie })
      expect(answer.status).toBe(200)
      expect(answer.body).toBe(indexHtml)
    })

    it("answers 503 when the studio's page is missing (a rebuild under way), and goes on serving", async () => {
      rmSync(join(staticDir, 'index.html'))
      const answer = await httpRequest({ port: server.port, path: '/events/123', headers: cookie })
      expect(answer.status).toBe(503)
      expect(answer.body).toBe("The studio's files are missing (being rebuilt?): reload in a moment.")
      const script = await httpRequest({ port: server.port, path: '/assets/app.js', headers: cookie })
      expect(script.body).toBe(appJs)
    })

    it.each([
      '/../secret.txt',
      '/../package.json',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..%5csecret.txt',
      '//..//secret.txt'
    ])('does not serve a file outside the static folder for %s', async (path) => {
      const answer = await httpRequest({ port: server.port, path, headers: cookie })
      expect(answer.body).not.toContain(secret)
      expect([200, 400, 403, 404]).toContain(answer.status)
    })

    it('answers a malformed percent-encoding in the path as a bad request, not a server error', async () => {
      const answer = await httpRequest({ port: server.port, path: '/assets/%E0%A4%A.js', headers: cookie })
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(answer.status).toBeLessThan(500)
    })

    it('answers 421 to a page request under a foreign Host name', async () => {
      const answer = await httpRequest({
        port: server.port,
        path: `/?token=${token}`,
        headers: { Host: 'attacker.test' }
      })
      expect(answer.status).toBe(421)
      expect(answer.headers['set-cookie']).toBeUndefined()
    })
  })

  describe('server events', () => {
    it('streams a projectChanged frame to a tab holding the cookie when the bus emits', async () => {
      const stream = openEventStream(server.port, cookie)
      await stream.opened
      expect(stream.status()).toBe(200)
      expect(stream.contentType()).toMatch(/^text\/event-stream/)
      studio.bus.emit('projectChanged', { project: null })
      const text = await stream.until(/event: projectChanged\ndata: .*\n\n/)
      stream.stop()
      expect(text).toContain(`event: projectChanged\ndata: ${JSON.stringify({ project: null })}\n\n`)
    })

    it('streams the projectChanged of a project created through the API', async () => {
      const stream = openEventStream(server.port, cookie)
      await stream.opened
      const path = join(folder.path, 'Streamed.capmap')
      await callApi(server.port, 'newProject', { path }, bearer)
      const text = await stream.until(/event: projectChanged\ndata: .*Streamed.*\n\n/)
      stream.stop()
      expect(text).toContain(JSON.stringify(path))
    })

    it('refuses the stream without the token', async () => {
      const answer = await httpRequest({ port: server.port, path: '/api/events' })
      expect(answer.status).toBe(401)
    })

    it('ends open streams when the server closes', async () => {
      const stream = openEventStream(server.port, cookie)
      await stream.opened
      await server.close()
      await expect(stream.ended).resolves.toBe(true)
      server = await startServer()
    })
  })

  describe('ports', () => {
    let blocker: Server

    beforeEach(async () => {
      blocker = createServer()
      await new Promise<void>((resolveListen) => blocker.listen(0, '127.0.0.1', () => resolveListen()))
    })

    afterEach(async () => {
      await new Promise<void>((resolveClose) => blocker.close(() => resolveClose()))
    })

    const blockedPort = () => {
      const address = blocker.address()
      if (address === null || typeof address === 'string') throw new Error('no port')
      return address.port
    }

    it('takes the next free port when the first one is taken', async () => {
      const taken = blockedPort()
      const fallback = await startServer(taken)
      try {
        expect(fallback.port).toBeGreaterThan(taken)
        expect(fallback.port).toBeLessThan(taken + 20)
        expect(fallback.url).toBe(`http://127.0.0.1:${fallback.port}/`)
        expect((await callApi(fallback.port, 'getAppInfo', {}, bearer)).status).toBe(200)
      } finally {
        await fallback.close()
      }
    })

    it('gives up with EADDRINUSE once its attempts are used', async () => {
      await expect(startServer(blockedPort(), 1)).rejects.toMatchObject({ code: 'EADDRINUSE' })
    })
  })
})
