import type { IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { requestNames } from '../../../../shared/api/contract'
import type { Result } from '../../../../shared/api/result'
import { createDispatcher, type Dispatch } from '../../../../main/api/dispatcher'
import { createHandlers } from '../../../../main/api/handlers'
import { forwardServerEvents, registerIpcTransport } from '../../../../main/api/ipc'
import { silentLogger } from '../../../../main/platform/logger'
import { createStudio, type Studio } from '../../../../main/services/createStudio'
import { ServerEventBus } from '../../../../main/services/ServerEventBus'
import { createTemporaryFolder } from '../../support/temporaryFolder'

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

/** A stand-in for Electron's ipcMain: records each handler registered, by channel. */
function fakeIpcMain() {
  const registered: [string, InvokeHandler][] = []
  return {
    registered,
    ipcMain: { handle: (channel: string, handler: InvokeHandler) => void registered.push([channel, handler]) },
    invoke(channel: string, event: Partial<IpcMainInvokeEvent>, input: unknown): Promise<Result<unknown>> {
      const found = registered.find(([name]) => name === channel)
      if (!found) throw new Error(`nothing handles ${channel}`)
      return Promise.resolve(found[1](event as IpcMainInvokeEvent, input) as Result<unknown>)
    }
  }
}

function recordingDispatch() {
  const calls: [string, unknown][] = []
  const dispatch: Dispatch = async (name, input) => {
    calls.push([name, input])
    return { ok: true, value: `dispatched ${name}` }
  }
  return { calls, dispatch }
}

const appFrame = { senderFrame: { url: 'file:///opt/capmap/out/renderer/index.html' } } as unknown as IpcMainInvokeEvent
const foreignFrame = { senderFrame: { url: 'https://evil.example/' } } as unknown as IpcMainInvokeEvent
const trustFileFrames = (event: IpcMainInvokeEvent) => (event.senderFrame?.url ?? '').startsWith('file://')

describe('registerIpcTransport', () => {
  it('registers exactly one capmap:request:<name> handler per request of the contract', () => {
    const fake = fakeIpcMain()
    registerIpcTransport(fake.ipcMain, recordingDispatch().dispatch, trustFileFrames)
    expect(fake.registered.map(([channel]) => channel).sort()).toEqual(
      requestNames.map((name) => `capmap:request:${name}`).sort()
    )
  })

  it('hands a trusted call to the dispatcher under its request name and answers its result', async () => {
    const fake = fakeIpcMain()
    const { calls, dispatch } = recordingDispatch()
    registerIpcTransport(fake.ipcMain, dispatch, trustFileFrames)
    const result = await fake.invoke('capmap:request:openProject', appFrame, { path: '/a.capmap' })
    expect(result).toEqual({ ok: true, value: 'dispatched openProject' })
    expect(calls).toEqual([['openProject', { path: '/a.capmap' }]])
  })

  it('answers unauthorized to an untrusted sender without calling the dispatcher', async () => {
    const fake = fakeIpcMain()
    const { calls, dispatch } = recordingDispatch()
    registerIpcTransport(fake.ipcMain, dispatch, trustFileFrames)
    const result = await fake.invoke('capmap:request:listEvents', foreignFrame, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(calls).toEqual([])
  })

  it('checks the sender of every call, not once', async () => {
    const fake = fakeIpcMain()
    const { calls, dispatch } = recordingDispatch()
    registerIpcTransport(fake.ipcMain, dispatch, trustFileFrames)
    await fake.invoke('capmap:request:listEvents', appFrame, {})
    const second = await fake.invoke('capmap:request:listEvents', foreignFrame, {})
    expect(second).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(calls).toHaveLength(1)
  })

  describe('with the real dispatcher', () => {
    let folder: ReturnType<typeof createTemporaryFolder>
    let studio: Studio

    beforeEach(() => {
      folder = createTemporaryFolder('ipc')
      process.env.CAPMAP_CONFIG_DIR = join(folder.path, 'config')
      studio = createStudio({
        configDir: join(folder.path, 'config'),
        mode: 'electron',
        version: 'test',
        logger: silentLogger
      })
    })

    afterEach(() => {
      studio.session.close()
      folder.remove()
    })

    it("answers a call with the studio's result", async () => {
      const fake = fakeIpcMain()
      registerIpcTransport(fake.ipcMain, createDispatcher(createHandlers(studio), silentLogger), trustFileFrames)
      expect(await fake.invoke('capmap:request:getAppInfo', appFrame, {})).toMatchObject({
        ok: true,
        value: { mode: 'electron', version: 'test' }
      })
    })

    it('answers invalid input with invalid_input, as a value rather than a throw', async () => {
      const fake = fakeIpcMain()
      registerIpcTransport(fake.ipcMain, createDispatcher(createHandlers(studio), silentLogger), trustFileFrames)
      expect(await fake.invoke('capmap:request:openProject', appFrame, { path: 7 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
    })
  })
})

describe('forwardServerEvents', () => {
  function fakeWindow() {
    const sent: [string, unknown][] = []
    return { sent, contents: { send: (channel: string, ...args: unknown[]) => void sent.push([channel, args[0]]) } }
  }

  it('sends capmap:event:<name> with the payload to every window', () => {
    const bus = new ServerEventBus()
    const windows = [fakeWindow(), fakeWindow()]
    forwardServerEvents(bus, () => windows.map((window) => window.contents))
    bus.emit('eventsChanged', { reason: 'created', id: 'e1' })
    for (const window of windows)
      expect(window.sent).toEqual([['capmap:event:eventsChanged', { reason: 'created', id: 'e1' }]])
  })

  it('asks for the windows at each event, so a window opened later receives the next ones', () => {
    const bus = new ServerEventBus()
    const windows = [fakeWindow()]
    forwardServerEvents(bus, () => windows.map((window) => window.contents))
    bus.emit('commandRequested', { commandId: 'project.new' })
    const late = fakeWindow()
    windows.push(late)
    bus.emit('projectChanged', { project: null })
    expect(late.sent).toEqual([['capmap:event:projectChanged', { project: null }]])
    expect(windows[0]?.sent).toHaveLength(2)
  })

  it('stops sending once unsubscribed', () => {
    const bus = new ServerEventBus()
    const window = fakeWindow()
    const unsubscribe = forwardServerEvents(bus, () => [window.contents])
    unsubscribe()
    bus.emit('projectChanged', { project: null })
    expect(window.sent).toEqual([])
  })
})
