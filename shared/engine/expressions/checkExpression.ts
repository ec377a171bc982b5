import jsonata from 'jsonata'

/** The syntax error of a JSONata expression, with its position, or undefined when it parses. Parsing never hangs. */
export function checkExpression(expression: string): string | undefined {
  try {
    jsonata(expression)
    return undefined
  } catch (error) {
    return describeJsonataError(error)
  }
}

/** A JSONata error as one sentence: its message, code and character position. */
export function describeJsonataError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { message, code, position } = error as { message?: unknown; code?: unknown; position?: unknown }
    const where = typeof position === 'number' ? ` at character ${position}` : ''
    const what = typeof code === 'string' ? ` (${code})` : ''
    if (typeof message === 'string') return `${message}${what}${where}`
  }
  return String(error)
}
