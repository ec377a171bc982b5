import type { Transport } from './client'
import { createHttpTransport } from './httpTransport'
import { createIpcTransport } from './ipcTransport'

/** Chosen once at start: the preload's bridge when it exists (Electron), HTTP otherwise (web mode). */
export function chooseTransport(): Transport {
  return window.bridge ? createIpcTransport(window.bridge) : createHttpTransport()
}
