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

/** The part of a JSONata syntax tree read here: `$$` is the variable named `$`. */
interface JsonataNode {
  type?: string
  value?: unknown
  steps?: JsonataNode[]
}

/**
 * The expression made to read the whole payload where, under fan-out, it would read the item: evaluated with the
 * payload as its context (`$$.( … )`), unless it is already one path from the payload root (`$$.user.id`). An
 * expression that does not parse comes back as it is. (A payload whose root is an array is the one case where the two
 * differ: JSONata then evaluates the expression once per element.)
 */
export function expressionReadingPayload(expression: string): string {
  let ast: JsonataNode
  try {
    ast = jsonata(expression).ast() as JsonataNode
  } catch {
    return expression
  }
  const first = ast.type === 'path' ? ast.steps?.[0] : ast
  if (first?.type === 'variable' && first.value === '$') return expression
  return `$$.(${expression})`
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
