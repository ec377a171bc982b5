/**
 * What an uncaught error or rejection was, in a line: an Error by its name and message; a bare DOM event (a web
 * worker or a script that failed to load rejects with one) by its type and what raised it, rather than
 * "[object Event]".
 */
export function describeUnexpected(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  if (typeof Event !== 'undefined' && error instanceof Event) {
    const source = sourceOf(error.target)
    const detail = error instanceof ErrorEvent && error.message ? `: ${error.message}` : ''
    return `An "${error.type}" event${source ? ` from ${source}` : ''} that nothing handled${detail}`
  }
  return String(error)
}

function sourceOf(target: EventTarget | null): string | undefined {
  if (typeof Worker !== 'undefined' && target instanceof Worker) return 'a web worker (it may have failed to load)'
  if (target instanceof HTMLScriptElement) return `the script ${target.src || 'in the page'}`
  if (target instanceof Element) return `a <${target.tagName.toLowerCase()}> element`
  return undefined
}
