import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../../main/api/dispatcher'
import { createHandlers } from '../../../../main/api/handlers'
import { silentLogger } from '../../../../main/platform/logger'
import { EnvironmentSecretStore } from '../../../../main/secrets/EnvironmentSecretStore'
import { createStudio, type Studio } from '../../../../main/services/createStudio'
import type { ServerEventName } from '../../../../shared/api/contract'
import type { CaptureSummary } from '../../../../shared/model/capture'
import { defaultListenerPort, type ListenerStatus } from '../../../../shared/model/listenerSettings'
import { httpRequest } from '../../support/httpRequest'
import { customIntegrationDraft } from '../../support/integrationDraft'
import { createTemporaryFolder } from '../../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>
const studios: Studio[] = []
const servers: Server[] = []

beforeEach(() => {
  folder = createTemporaryFolder('listener-service')
})

afterEach(async () => {
  for (const studio of studios.splice(0)) {
    studio.session.close()
    await studio.listener.stop().catch(() => undefined)
  }
  for (const server of servers.splice(0)) await new Promise((resolveClose) => server.close(resolveClose))
  folder.remove()
})

interface Recorded {
  name: ServerEventName
  payload: unknown
}

/** A studio as the app and web mode build it (the listener follows the project), recording its server events. */
function newStudio(options: { autoStart?: boolean; environment?: Record<string, string> } = {}) {
  const studio = createStudio({
    configDir: join(folder.path, 'config'),
    mode: 'web',
    version: 'test',
    logger: silentLogger,
    secrets: new EnvironmentSecretStore(options.environment ?? {}),
    listener: { autoStart: options.autoStart ?? true, notifyEveryMs: 50 }
  })
  studios.push(studio)
  const events: Recorded[] = []
  studio.bus.subscribe((name, payload) => events.push({ name, payload }))
  return { studio, events }
}

/** Waits until the listener reports a settled state (not starting). */
async function settled(studio: Studio): Promise<ListenerStatus> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const status = studio.listener.status()
    if (status.state !== 'starting') return status
    await new Promise((resolveWait) => setTimeout(resolveWait, 10))
  }
  throw new Error('the listener never settled')
}

/** A port some other program holds. */
async function busyPort(): Promise<number> {
  const server = createServer()
  servers.push(server)
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  return (server.address() as AddressInfo).port
}

/**
 * Moves the project's listener to a free port, closes the project, has another program take that port, and opens the
 * project again (its listener fails to start); answers the port.
 */
async function storedPortTakenAtReopen(studio: Studio, path: string): Promise<number> {
  await settled(studio)
  const port = await freePort()
  await studio.listener.updateSettings({ port })
  await settled(studio)
  studio.session.close()
  const server = createServer()
  servers.push(server)
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolveListen)
  })
  studio.session.open(path)
  return port
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  const { port } = server.address() as AddressInfo
  await new Promise((resolveClose) => server.close(resolveClose))
  return port
}

const postJson = (port: number, path: string, body: string) =>
  httpRequest({ port, path, method: 'POST', headers: { 'Content-Type': 'application/json' }, body })

describe('ListenerService', () => {
  it('starts with a project that has listening on, at 4890 or the next free port, and keeps the port in the project', async () => {
    const { studio } = newStudio()
    studio.newProject(join(folder.path, 'Shop.capmap'), true)
    const status = await settled(studio)
    expect(status).toMatchObject({ state: 'listening', host: '127.0.0.1', warning: null })
    expect(status.port).toBeGreaterThanOrEqual(defaultListenerPort)
    expect(status.port).toBeLessThan(defaultListenerPort + 20)
    expect(status.url).toBe(`http://127.0.0.1:${status.port}/`)
    expect(studio.listener.settings().listener).toMatchObject({ enabled: true, port: status.port })
    const answer = await postJson(status.port ?? 0, '/hooks/webengage', '{"event_name":"Added To Cart"}')
    expect(answer.status).toBe(200)
  })

  it('reports each state as a listenerStatusChanged event', async () => {
    const { studio, events } = newStudio()
    studio.newProject(join(folder.path, 'Shop.capmap'), false)
    await settled(studio)
    studio.session.close()
    const states = events
      .filter((event) => event.name === 'listenerStatusChanged')
      .map((event) => (event.payload as ListenerStatus).state)
    expect(states).toEqual(['starting', 'listening', 'off'])
  })

  it('reports a stored port another program took before the project opened, and the studio goes on working', async () => {
    const { studio } = newStudio()
    const path = join(folder.path, 'Shop.capmap')
    studio.newProject(path, false)
    const port = await storedPortTakenAtReopen(studio, path)
    const status = await settled(studio)
    expect(status).toMatchObject({ state: 'error', port })
    expect(status.message).toContain(`Port ${port} is in use`)
    expect(studio.events.list()).toEqual([])
  })

  it('stops before the project closes, leaving the port free', async () => {
    const { studio } = newStudio()
    studio.newProject(join(folder.path, 'Shop.capmap'), false)
    const { port } = await settled(studio)
    studio.session.close()
    expect(studio.listener.status()).toMatchObject({ state: 'off', message: 'No project is open.' })
    await studio.listener.stop().catch(() => undefined)
    const server = createServer()
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject)
      server.listen(port ?? 0, '127.0.0.1', resolveListen)
    })
    await new Promise((resolveClose) => server.close(resolveClose))
  })

  it('closing a project while its listener is still starting leaves nothing holding the file', async () => {
    const { studio } = newStudio()
    const path = join(folder.path, 'Shop.capmap')
    studio.newProject(path, false)
    expect(studio.listener.status().state).toBe('starting')
    studio.session.close()
    // SQLite's -wal and -shm exist while any connection holds the file. The start under way ends by itself; until
    // then, and after, nothing may open the file again (the capture writer's thread comes up after ~50 ms).
    const seen = new Set<string>()
    for (let look = 0; look < 60; look += 1) {
      for (const name of readdirSync(folder.path)) if (name.startsWith('Shop.capmap-')) seen.add(name)
      await new Promise((resolveWait) => setTimeout(resolveWait, 5))
    }
    expect([...seen]).toEqual([])
    expect(studio.listener.status()).toMatchObject({ state: 'off', message: 'No project is open.' })
  })

  it('stays off for a project whose listening was turned off, and says so', async () => {
    const { studio } = newStudio()
    const path = join(folder.path, 'Shop.capmap')
    studio.newProject(path, false)
    await settled(studio)
    expect(await studio.listener.stop()).toMatchObject({ state: 'off', message: 'Listening is off for this project.' })
    studio.session.close()
    studio.session.open(path)
    expect(await settled(studio)).toMatchObject({ state: 'off', message: 'Listening is off for this project.' })
    expect(await studio.listener.start()).toMatchObject({ state: 'listening' })
  })

  it('stays off for a project open read-only', async () => {
    const { studio } = newStudio()
    const path = join(folder.path, 'Shop.capmap')
    studio.newProject(path, false)
    await settled(studio)
    const other = newStudio().studio
    other.session.open(path, { readOnly: true })
    expect(await settled(other)).toMatchObject({ state: 'off' })
    expect(other.listener.status().message).toContain('read-only')
  })

  it('stays off in one-shot commands (autoStart off)', () => {
    const { studio } = newStudio({ autoStart: false })
    studio.newProject(join(folder.path, 'Shop.capmap'), false)
    expect(studio.listener.status().state).toBe('off')
  })

  it('moves a running listener to a new port', async () => {
    const { studio } = newStudio()
    studio.newProject(join(folder.path, 'Shop.capmap'), false)
    await settled(studio)
    const port = await freePort()
    await studio.listener.updateSettings({ port })
    expect(await settled(studio)).toMatchObject({ state: 'listening', port })
    expect((await postJson(port, '/x', '{}')).status).toBe(200)
  })

  describe('applying settings that cannot take effect', () => {
    it('refuses a port another program holds, keeping the stored settings and the listener that works', async () => {
      const { studio } = newStudio()
      studio.newProject(join(folder.path, 'Shop.capmap'), false)
      const { port: working } = await settled(studio)
      const dispatch = createDispatcher(createHandlers(studio), silentLogger)
      const taken = await busyPort()
      expect(await dispatch('setListenerSettings', { port: taken })).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message: `Port ${taken} is in use by another program: choose another one. The listener stays on 127.0.0.1:${working}.`
        }
      })
      expect(studio.listener.settings().listener.port).toBe(working)
      expect(studio.listener.status()).toMatchObject({ state: 'listening', port: working })
      expect((await postJson(working ?? 0, '/hooks/webengage', '{}')).status).toBe(200)
    })

    it('then moves the listener to a free port, and the old one stops answering', async () => {
      const { studio } = newStudio()
      studio.newProject(join(folder.path, 'Shop.capmap'), false)
      const { port: working } = await settled(studio)
      await expect(studio.listener.updateSettings({ port: await busyPort() })).rejects.toThrow(/is in use/)
      const free = await freePort()
      expect((await studio.listener.updateSettings({ port: free })).listener.port).toBe(free)
      expect(await settled(studio)).toMatchObject({ state: 'listening', port: free })
      expect((await postJson(free, '/hooks/webengage', '{}')).status).toBe(200)
      await expect(postJson(working ?? 0, '/hooks/webengage', '{}')).rejects.toThrow(/ECONNREFUSED/)
    })

    it('puts the previous address and listener back when the new address cannot be listened on', async () => {
      const { studio } = newStudio()
      studio.newProject(join(folder.path, 'Shop.capmap'), false)
      const { port: working } = await settled(studio)
      // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it, so the bind fails after the stop.
      await expect(studio.listener.updateSettings({ host: '192.0.2.1' })).rejects.toThrow(
        `This machine has no address 192.0.2.1: choose 127.0.0.1 or one of its own addresses. The listener stays on 127.0.0.1:${working}.`
      )
      expect(studio.listener.settings().listener).toMatchObject({ host: '127.0.0.1', port: working })
      expect(await settled(studio)).toMatchObject({ state: 'listening', host: '127.0.0.1', port: working })
      expect((await postJson(working ?? 0, '/hooks/webengage', '{}')).status).toBe(200)
    })

    it('refuses a busy port for a listener that failed at startup, then starts on a free one', async () => {
      const { studio } = newStudio()
      const path = join(folder.path, 'Shop.capmap')
      studio.newProject(path, false)
      const stored = await storedPortTakenAtReopen(studio, path)
      expect(await settled(studio)).toMatchObject({ state: 'error', port: stored })
      const taken = await busyPort()
      await expect(studio.listener.updateSettings({ port: taken })).rejects.toThrow(
        `Port ${taken} is in use by another program: choose another one.`
      )
      expect(studio.listener.settings().listener.port).toBe(stored)
      const free = await freePort()
      await studio.listener.updateSettings({ port: free })
      expect(await settled(studio)).toMatchObject({ state: 'listening', port: free })
      expect(studio.listener.settings().listener.port).toBe(free)
      expect((await postJson(free, '/hooks/webengage', '{}')).status).toBe(200)
    })
  })

  it('refuses a host that is not an IP address', async () => {
    const { studio } = newStudio({ autoStart: false })
    studio.newProject(join(folder.path, 'Shop.capmap'), false)
    await expect(studio.listener.updateSettings({ host: '300.1.1.1' })).rejects.toThrow(/not an IP address/)
  })

  it('warns when listening beyond this machine', async () => {
    const { studio } = newStudio({ autoStart: false })
    studio.newProject(join(folder.path, 'Shop.capmap'), false)
    await studio.listener.updateSettings({ host: '0.0.0.0', port: await freePort() })
    expect((await settled(studio)).warning).toContain('other machines')
  })

  it('tells the renderer of captures in batches, not one event per request', async () => {
    const { studio, events } = newStudio()
    studio.newProject(join(folder.path, 'Shop.capmap'), true)
    const { port } = await settled(studio)
    await Promise.all(Array.from({ length: 60 }, (_, n) => postJson(port ?? 0, '/hooks/webengage', `{"n":${n}}`)))
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const received = events.filter((event) => event.name === 'capturesReceived')
      const total = received.reduce((sum, event) => sum + (event.payload as { count: number }).count, 0)
      if (total === 60) {
        expect(received.length).toBeLessThan(60)
        for (const event of received) {
          const ids = (event.payload as { captures: CaptureSummary[] }).captures.map((capture) => Number(capture.id))
          expect(ids).toEqual([...ids].sort((a, b) => b - a))
        }
        return
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 10))
    }
    throw new Error('not every capture was announced')
  })

  it('keeps a signing secret in the secret store, never in the project, and verifies with it', async () => {
    const { studio } = newStudio()
    const path = join(folder.path, 'Shop.capmap')
    studio.newProject(path, true)
    const { port } = await settled(studio)
    const webengage = studio.integrations.list().find((integration) => integration.slug === 'webengage')
    studio.listener.setIntegrationRules(webengage?.id ?? '', {
      verification: { scheme: 'hmac-sha256', header: 'X-Sig', encoding: 'hex', prefix: '' }
    })
    expect((await postJson(port ?? 0, '/hooks/webengage', '{}')).status).toBe(401)
    const settings = studio.listener.setSigningSecret(webengage?.id ?? '', 'very-secret-key')
    expect(settings.integrations.find((entry) => entry.slug === 'webengage')?.secret).toEqual({
      source: 'memory',
      environmentVariable: 'CAPMAP_SIGNING_SECRET_WEBENGAGE'
    })
    const { createHmac } = await import('node:crypto')
    const signed = await httpRequest({
      port: port ?? 0,
      path: '/hooks/webengage',
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Sig': createHmac('sha256', 'very-secret-key').update('{}').digest('hex')
      },
      body: '{}'
    })
    expect(signed.status).toBe(200)
    studio.session.close()
    expect(readFileSync(path).includes('very-secret-key')).toBe(false)
  })

  it('applies a retention at once and says how many captures it deleted', async () => {
    const { studio, events } = newStudio({ autoStart: false })
    studio.newProject(join(folder.path, 'Shop.capmap'), true)
    const bookingApp = studio.integrations.list().find((integration) => integration.slug === 'booking-app')
    const { deleted, settings } = studio.listener.setRetention(bookingApp?.id ?? '', { kind: 'count', count: 1 })
    expect(deleted).toBe(1)
    expect(settings.integrations.find((entry) => entry.slug === 'booking-app')?.retention).toEqual({
      kind: 'count',
      count: 1
    })
    expect(events).toContainEqual({ name: 'capturesDeleted', payload: { count: 1 } })
  })

  it('searches captures and edits the project while captures pour in, never refused as busy', async () => {
    const { studio } = newStudio()
    studio.newProject(join(folder.path, 'Busy.capmap'), true)
    const { port } = await settled(studio)
    const webengage = studio.integrations.list().find((integration) => integration.slug === 'webengage')!
    let pouring = true
    const senders = Array.from({ length: 20 }, async (_, sender) => {
      for (let n = 0; pouring; n += 1) await postJson(port ?? 0, '/hooks/webengage', `{"note":"pour ${sender} ${n}"}`)
    })
    const failures: string[] = []
    try {
      for (let round = 0; round < 150; round += 1) {
        await new Promise((resolveWait) => setTimeout(resolveWait, 5))
        try {
          studio.captures.list({ limit: 5, search: 'pour' })
          studio.integrations.update(webengage.id, { ...webengage, name: `WebEngage ${round}` })
        } catch (error) {
          failures.push((error as Error).message)
        }
      }
    } finally {
      pouring = false
      await Promise.all(senders)
    }
    expect(failures).toEqual([])
    expect(studio.captures.list({ limit: 1, search: 'pour' }).items).toHaveLength(1)
  })

  it("counts in the status bar's rate the captures that retention deleted since they arrived", async () => {
    const { studio } = newStudio()
    studio.newProject(join(folder.path, 'Flood.capmap'), false)
    const { port } = await settled(studio)
    const shop = studio.integrations.create(customIntegrationDraft('Shop', 'shop'))
    studio.listener.setRetention(shop.id, { kind: 'count', count: 2 })
    for (let n = 0; n < 5; n += 1) expect((await postJson(port ?? 0, '/hooks/shop', `{"n":${n}}`)).status).toBe(200)
    for (let attempt = 0; attempt < 200 && studio.captures.list({ limit: 10 }).items.length > 2; attempt += 1) {
      await new Promise((resolveWait) => setTimeout(resolveWait, 10))
    }
    expect(studio.captures.list({ limit: 10 }).items).toHaveLength(2)
    const perMinute = studio.captures.rate(3).perMinute
    // The five may straddle a minute's turn.
    expect(perMinute.reduce((sum, count) => sum + count, 0)).toBe(5)
  })

  it('gives the sample project captured payloads for both its integrations', () => {
    const { studio } = newStudio({ autoStart: false })
    studio.newProject(join(folder.path, 'Sample.capmap'), true)
    const items = studio.captures.list({ limit: 10 }).items
    expect(items.map((capture) => [capture.integration, capture.sourceEvent, capture.status])).toEqual([
      ['booking-app', null, 'ok'],
      ['booking-app', 'be_reserved', 'ok'],
      ['webengage', 'Promotion Viewed', 'ok'],
      ['webengage', 'Added To Cart', 'ok']
    ])
    const first = studio.captures.get(items.at(-1)?.id ?? '')
    expect(first.parsed).toMatchObject({ event_name: 'Added To Cart', skuCode: '14572567' })
    expect(first.query).toContainEqual(['secret', '[masked]'])
  })

  describe('over the contract', () => {
    it('lists, reads and deletes captures, and refuses bad input before any handler runs', async () => {
      const { studio } = newStudio({ autoStart: false })
      studio.newProject(join(folder.path, 'Sample.capmap'), true)
      const dispatch = createDispatcher(createHandlers(studio), silentLogger)
      const page = await dispatch('listCaptures', { limit: 2 })
      expect(page).toMatchObject({ ok: true, value: { nextCursor: '3' } })
      const found = await dispatch('listCaptures', { search: 'Diwali' })
      expect(found).toMatchObject({ ok: true, value: { items: [{ id: '2' }], nextCursor: null } })
      expect(await dispatch('getCapture', { id: '2' })).toMatchObject({
        ok: true,
        value: { id: '2', bodyKind: 'json' }
      })
      expect(await dispatch('getCapture', { id: '99' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
      expect(await dispatch('deleteCaptures', { ids: ['1', '2'] })).toEqual({ ok: true, value: { deleted: 2 } })
      expect(await dispatch('deleteCaptures', { all: true })).toEqual({ ok: true, value: { deleted: 2 } })
      expect(await dispatch('listCaptures', { limit: 0 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
      expect(await dispatch('listCaptures', { cursor: 'abc' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
      expect(await dispatch('getListenerStatus', {})).toMatchObject({ ok: true, value: { state: 'off' } })
      expect(await dispatch('getListenerSettings', {})).toMatchObject({
        ok: true,
        value: {
          listener: { enabled: true, host: '127.0.0.1', bodyLimitBytes: 5 * 1024 * 1024 },
          secretBackend: 'environment'
        }
      })
      expect(
        await dispatch('setRetention', { integrationId: null, retention: { kind: 'days', days: 0 } })
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
    })
  })
})
