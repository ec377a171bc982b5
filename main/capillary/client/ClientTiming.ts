/** Time, waiting and chance for the client, injected so tests run retries and token expiry without real waits. */
export interface ClientTiming {
  /** Milliseconds since the epoch. */
  now(): number
  sleep(ms: number): Promise<void>
  /** A number in [0, 1), for the jitter of retry delays. */
  random(): number
}

export const systemTiming: ClientTiming = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
}
