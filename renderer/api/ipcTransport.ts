import { eventChannelPrefix, requestChannelPrefix, type Bridge } from '../../shared/api/transport'
import type { Transport } from './client'

/** The Electron transport: the preload's generic bridge, on our channel prefixes. */
export function createIpcTransport(bridge: Bridge): Transport {
  return {
    call: (name, input) => bridge.invoke(`${requestChannelPrefix}${name}`, input),
    subscribe: (name, listener) => bridge.on(`${eventChannelPrefix}${name}`, listener)
  }
}
