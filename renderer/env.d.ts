/// <reference types="vite/client" />
import type { Bridge } from '../shared/api/transport'

declare global {
  interface Window {
    /** Present in the Electron app only (the preload's generic transport). */
    bridge?: Bridge
  }
}
