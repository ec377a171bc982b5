/** Time, waiting and chance for the client, injected so tests run retries and token expiry without real waits. */
export interface ClientTiming {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`, or at once when `signal` aborts (its timer then cleared). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** A number in [0, 1), for the jitter of retry delays. */
  random(): number
}

export const systemTiming: ClientTiming = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve()
      const done = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      signal?.addEventListener('abort', done, { once: true })
    }),
  random: () => Math.random()
}
