import { onReaderGone } from './readerGone'

/**
 * Resolves on Ctrl+C or SIGTERM, or once no one reads the command's output any more, so a long-running command can
 * close its project cleanly. Called before the command says it is ready: a signal sent on reading that line would
 * otherwise end the process before it could close anything.
 */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const forget: (() => void)[] = []
    const stop = () => {
      for (const undo of forget) undo()
      resolve()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    forget.push(
      () => process.off('SIGINT', stop),
      () => process.off('SIGTERM', stop),
      onReaderGone(stop)
    )
  })
}
