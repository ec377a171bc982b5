/** Long-running commands that stop cleanly (closing their project) when no one reads their output any more. */
const stops = new Set<() => void>()
let gone = false

/** Registers a clean stop for when the reader goes away; answers how to take it back. */
export function onReaderGone(stop: () => void): () => void {
  stops.add(stop)
  return () => void stops.delete(stop)
}

/** Whether the reader of the output has gone: a command it stopped exits with `exitCodes.readerGone`. */
export const readerIsGone = (): boolean => gone

/**
 * The reader of stdout or stderr went away (`capmap captures list | head -1`): a command that can stop cleanly does
 * (`capmap listen` closes its listener and its project); any other ends here, quietly, with the status git and grep
 * end with (141, SIGPIPE's), so `set -o pipefail` still sees that the command did not finish. Later write errors of
 * the same kind change nothing.
 */
export function readerWentAway(exitQuietly: () => never): void {
  if (gone) return
  gone = true
  if (stops.size === 0) exitQuietly()
  for (const stop of [...stops]) stop()
}
