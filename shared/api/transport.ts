import type { Result } from './result'

/** The channel prefixes the preload admits; nothing else crosses the bridge. */
export const requestChannelPrefix = 'capmap:request:'
export const eventChannelPrefix = 'capmap:event:'

/** What `window.bridge` offers in the Electron app: a generic, prefix-checked transport. */
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
  on(channel: string, listener: (payload: unknown) => void): () => void
}
