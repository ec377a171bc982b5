import { describe, it, expect } from 'vitest'
import { bridgePrefixes, createBridge } from '../../../../main/preload/bridge'
import { eventChannelPrefix, requestChannelPrefix } from '../../../../shared/api/transport'

type Listener = (...args: unknown[]) => void

/** A stand-in for Electron's ipcRenderer that records what the bridge asks of it. */
function fakeIpcRenderer() {
  const invoked: { channel: string; input: unknown }[] = []
  const listeners = new Map<string, Set<Listener>>()
  return {
    invoked,
    listeners,
    deliver(channel: string, event: unknown, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener(event, payload)
    },
    ipc: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, input: args[0] })
        return { ok: true, value: `answer to ${channel}` }
      },
      on(channel: string, listener: Listener) {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
        return this
      },
      removeListener(channel: string, listener: Listener) {
        listeners.get(channel)?.delete(listener)
        return this
      }
    }
  }
}

function bridgeOver(fake: ReturnType<typeof fakeIpcRenderer>) {
  return createBridge(fake.ipc as unknown as Parameters<typeof createBridge>[0])
}

describe('createBridge', () => {
  it('forwards an invoke on a request channel with its input and returns the answer', async () => {
    const fake = fakeIpcRenderer()
    const answer = await bridgeOver(fake).invoke('capmap:request:listEvents', { a: 1 })
    expect(fake.invoked).toEqual([{ channel: 'capmap:request:listEvents', input: { a: 1 } }])
    expect(answer).toEqual({ ok: true, value: 'answer to capmap:request:listEvents' })
  })

  it.each([
    ['a channel of another prefix', 'some:other:channel'],
    ['an event channel', 'capmap:event:projectChanged'],
    ['a channel that only contains the prefix later', 'x-capmap:request:listEvents'],
    ['the prefix without its colon', 'capmap:request'],
    ['an empty channel', '']
  ])('refuses to invoke %s and sends nothing', async (_label, channel) => {
    const fake = fakeIpcRenderer()
    await expect(bridgeOver(fake).invoke(channel, {})).rejects.toThrow(/Channel refused/)
    expect(fake.invoked).toEqual([])
  })

  it.each([
    ['a number', 42],
    ['an object', { startsWith: () => true }],
    ['undefined', undefined]
  ])('refuses to invoke a channel that is %s', async (_label, channel) => {
    const fake = fakeIpcRenderer()
    await expect(bridgeOver(fake).invoke(channel as unknown as string, {})).rejects.toThrow(/Channel refused/)
    expect(fake.invoked).toEqual([])
  })

  it.each([
    ['a channel of another prefix', 'some:other:channel'],
    ['a request channel', 'capmap:request:listEvents'],
    ['an empty channel', '']
  ])('refuses to listen on %s and subscribes nothing', (_label, channel) => {
    const fake = fakeIpcRenderer()
    expect(() => bridgeOver(fake).on(channel, () => undefined)).toThrow(/Channel refused/)
    expect(fake.listeners.size).toBe(0)
  })

  it('refuses to listen on a channel that is not a string', () => {
    const fake = fakeIpcRenderer()
    const channel = { startsWith: () => true } as unknown as string
    expect(() => bridgeOver(fake).on(channel, () => undefined)).toThrow(/Channel refused/)
    expect(fake.listeners.size).toBe(0)
  })

  it('hands a listener only the payload, never the IPC event object', () => {
    const fake = fakeIpcRenderer()
    const received: unknown[][] = []
    bridgeOver(fake).on('capmap:event:projectChanged', (...args: unknown[]) => received.push(args))
    const ipcEvent = { sender: { send: () => undefined }, senderId: 1 }
    fake.deliver('capmap:event:projectChanged', ipcEvent, { project: null })
    expect(received).toEqual([[{ project: null }]])
  })

  it('stops calling a listener once it is unsubscribed', () => {
    const fake = fakeIpcRenderer()
    const received: unknown[] = []
    const unsubscribe = bridgeOver(fake).on('capmap:event:eventsChanged', (payload) => received.push(payload))
    fake.deliver('capmap:event:eventsChanged', {}, 'first')
    unsubscribe()
    fake.deliver('capmap:event:eventsChanged', {}, 'second')
    expect(received).toEqual(['first'])
    expect(fake.listeners.get('capmap:event:eventsChanged')?.size).toBe(0)
  })

  it('unsubscribes only the listener it was returned for', () => {
    const fake = fakeIpcRenderer()
    const bridge = bridgeOver(fake)
    const first: unknown[] = []
    const second: unknown[] = []
    const unsubscribeFirst = bridge.on('capmap:event:eventsChanged', (payload) => first.push(payload))
    bridge.on('capmap:event:eventsChanged', (payload) => second.push(payload))
    unsubscribeFirst()
    fake.deliver('capmap:event:eventsChanged', {}, 'after')
    expect(first).toEqual([])
    expect(second).toEqual(['after'])
  })

  it('repeats exactly the channel prefixes of shared/api/transport.ts', () => {
    expect(bridgePrefixes).toEqual({ requestPrefix: requestChannelPrefix, eventPrefix: eventChannelPrefix })
  })
})
