import type { IpcRenderer } from 'electron'

// The preload may import nothing but 'electron' (it runs sandboxed), so the prefixes are repeated from
// shared/api/transport.ts; test/unit/main/preload proves the two agree.
const requestPrefix = 'capmap:request:'
const eventPrefix = 'capmap:event:'

/** The generic, prefix-checked transport exposed as `window.bridge`: it never changes when a call is added. */
export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  return {
    invoke(channel: string, input: unknown): Promise<unknown> {
      if (typeof channel !== 'string' || !channel.startsWith(requestPrefix)) {
        return Promise.reject(new Error(`Channel refused: ${String(channel)}`))
      }
      return ipc.invoke(channel, input)
    },
    on(channel: string, listener: (payload: unknown) => void): () => void {
      if (typeof channel !== 'string' || !channel.startsWith(eventPrefix)) {
        throw new Error(`Channel refused: ${String(channel)}`)
      }
      // The IPC event object is never handed to the page: it would expose `sender`.
      const wrapped = (_event: unknown, payload: unknown) => listener(payload)
      ipc.on(channel, wrapped)
      return () => {
        ipc.removeListener(channel, wrapped)
      }
    }
  }
}

export const bridgePrefixes = { requestPrefix, eventPrefix }
