import {
  requestNames,
  type RequestInput,
  type RequestName,
  type RequestOutput,
  type ServerEventName,
  type ServerEventPayload
} from '../../shared/api/contract'
import type { Result } from '../../shared/api/result'

/** How calls travel: over the preload's bridge (Electron) or fetch + SSE (web mode). */
export interface Transport {
  call(name: RequestName, input: unknown): Promise<Result<unknown>>
  subscribe(name: ServerEventName, listener: (payload: unknown) => void): () => void
}

/** A request whose input fields are all optional may be called without an argument. */
type InputArguments<K extends RequestName> =
  Record<never, never> extends RequestInput<K> ? [RequestInput<K>?] : [RequestInput<K>]

type RequestMethods = {
  [K in RequestName]: (...input: InputArguments<K>) => Promise<Result<RequestOutput<K>>>
}

/** The studio's API as the renderer sees it: one method per request of the contract, plus server events. */
export type StudioApi = RequestMethods & {
  on<K extends ServerEventName>(name: K, listener: (payload: ServerEventPayload<K>) => void): () => void
}

/** Generated from the contract: components never know which transport they run on. */
export function createStudioApi(transport: Transport): StudioApi {
  const methods = Object.fromEntries(
    requestNames.map((name) => [name, (input?: unknown) => transport.call(name, input ?? {})])
  ) as RequestMethods
  return {
    ...methods,
    on: (name, listener) => transport.subscribe(name, listener as (payload: unknown) => void)
  }
}
