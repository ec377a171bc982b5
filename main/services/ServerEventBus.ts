import type { ServerEventName, ServerEventPayload } from '../../shared/api/contract'

type Listener = (name: ServerEventName, payload: unknown) => void

/** Fans server events out to every transport (IPC windows, SSE tabs). */
export class ServerEventBus {
  private readonly listeners = new Set<Listener>()

  emit<K extends ServerEventName>(name: K, payload: ServerEventPayload<K>): void {
    for (const listener of this.listeners) listener(name, payload)
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
