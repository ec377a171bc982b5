import jsonata from 'jsonata'
import { setOwn } from '../decode/setOwn'
import { describeJsonataError } from './checkExpression'
import type { ExpressionEvaluator, ExpressionOutcome } from './expressionEvaluator'

export interface JsonataEvaluatorOptions {
  /** Milliseconds from a monotonic clock; without it there is no time limit (shared code reads no clock itself). */
  clock?: () => number
  /** Per evaluation; default 1000 ms. */
  timeLimitMs?: number
  /** Nested evaluation steps (deep recursion); default 500. */
  depthLimit?: number
}

interface Run {
  payload: unknown
  deadline: number | undefined
  startedAt: number | undefined
}

interface Frame {
  base: Frame & { depth: number; [runKey]?: Run }
  bind(name: string | symbol, value: unknown): void
  lookup(name: string | symbol): unknown
}

// jsonata 2.2 honours its evaluate hooks only under these symbol keys; string keys are silently ignored.
const entryHook = Symbol.for('jsonata.__evaluate_entry')
const runKey = Symbol('capmap.run')
const runBinding = '__capmapRun'
const timeoutCode = 'CAPMAP_TIMEOUT'
const depthCode = 'CAPMAP_DEPTH'
const cacheLimit = 500

/**
 * Runs JSONata 2.x in this thread: each expression compiled once and cached, `$$` bound to the whole payload, and
 * every evaluation step checking a depth limit and a deadline read from the injected clock (so `$now()` and
 * `$millis()` read that clock too). Cooperative: one long built-in call (a regex, a huge sort) is not interrupted.
 */
export function createJsonataEvaluator(options: JsonataEvaluatorOptions = {}): ExpressionEvaluator {
  const { clock } = options
  const timeLimitMs = options.timeLimitMs ?? 1000
  const depthLimit = options.depthLimit ?? 500
  const compiled = new Map<string, jsonata.Expression | string>()

  const onEntry = (_node: unknown, _input: unknown, environment: Frame): void => {
    const base = environment.base
    let run = base[runKey]
    if (run === undefined) {
      run = environment.lookup(runBinding) as Run
      base[runKey] = run
      base.bind('$', run.payload)
    }
    if (base.depth > depthLimit) throw { code: depthCode }
    if (run.deadline !== undefined && clock !== undefined && clock() > run.deadline) throw { code: timeoutCode }
  }

  function compile(expression: string): jsonata.Expression | string {
    const cached = compiled.get(expression)
    if (cached !== undefined) return cached
    let made: jsonata.Expression | string
    try {
      made = jsonata(expression)
      ;(made.assign as (name: string | symbol, value: unknown) => void)(entryHook, onEntry)
      if (clock !== undefined) {
        const startedAt = (focus: jsonata.Focus): number =>
          (focus.environment as unknown as Frame).base[runKey]?.startedAt ?? 0
        made.registerFunction(
          'millis',
          function (this: jsonata.Focus) {
            return startedAt(this)
          },
          '<:n>'
        )
        made.registerFunction(
          'now',
          function (this: jsonata.Focus, picture?: string, timezone?: string) {
            const fromMillis = this.environment.lookup('fromMillis') as {
              implementation: (millis: number, picture?: string, timezone?: string) => string
            }
            return fromMillis.implementation.call(this, startedAt(this), picture, timezone)
          },
          '<s?s?:s>'
        )
      }
    } catch (error) {
      made = describeJsonataError(error)
    }
    if (compiled.size >= cacheLimit) compiled.clear()
    compiled.set(expression, made)
    return made
  }

  return {
    async evaluate(expression, input, payload): Promise<ExpressionOutcome> {
      const prepared = compile(expression)
      if (typeof prepared === 'string') return { ok: false, code: 'expression_error', message: prepared }
      const startedAt = clock?.()
      const run: Run = {
        payload,
        startedAt,
        deadline: startedAt === undefined ? undefined : startedAt + timeLimitMs
      }
      try {
        return { ok: true, value: plain(await prepared.evaluate(input, { [runBinding]: run })) }
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code
        if (code === timeoutCode) {
          return {
            ok: false,
            code: 'expression_timeout',
            message: `The expression ran longer than ${timeLimitMs} ms and was stopped.`
          }
        }
        if (code === depthCode) {
          return {
            ok: false,
            code: 'expression_error',
            message: `The expression nests deeper than ${depthLimit} steps (endless recursion?) and was stopped.`
          }
        }
        return { ok: false, code: 'expression_error', message: describeJsonataError(error) }
      }
    }
  }
}

/**
 * JSONata's results as plain JSON values: sequences become arrays, functions give nothing, at any depth (an object
 * built around a half-typed `$lowercase` holds a function, and no function may reach a payload).
 */
function plain(value: unknown): unknown {
  if (isFunction(value)) return undefined
  if (Array.isArray(value)) {
    const elements: unknown[] = []
    for (const element of value) {
      const converted = plain(element)
      if (converted !== undefined) elements.push(converted)
    }
    return elements
  }
  if (value !== null && typeof value === 'object') {
    const object: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) {
      const converted = plain(child)
      if (converted !== undefined) setOwn(object, key, converted)
    }
    return object
  }
  return value
}

/** A JavaScript function, or JSONata's own kinds: built-ins and lambdas are objects that say so. */
function isFunction(value: unknown): boolean {
  if (typeof value === 'function') return true
  if (value === null || typeof value !== 'object') return false
  const marked = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown }
  return marked._jsonata_function === true || marked._jsonata_lambda === true
}
