import { Worker } from 'node:worker_threads'
import { resolvePackage } from '../platform/resolvePackage'
import type { ExpressionEvaluator, ExpressionOutcome } from '../../shared/engine/expressions/expressionEvaluator'

export interface WorkerExpressionEvaluator extends ExpressionEvaluator {
  /** Stops the worker; a later evaluation starts a new one. */
  close(): Promise<void>
}

export interface WorkerExpressionEvaluatorOptions {
  /** Per evaluation; default 1000 ms. The worker is terminated (and replaced) when one runs longer. */
  timeLimitMs?: number
  /** Nested evaluation steps (deep recursion); default 500. */
  depthLimit?: number
}

interface Request {
  id: number
  expression: string
  input: unknown
  payload: unknown
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string }

// The worker's program: ours, fixed, never built from user text. It compiles each expression once, binds `$$` to the
// whole payload through jsonata 2.2's evaluate-entry hook (symbol keys only), and answers one request at a time.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const jsonata = require(workerData.jsonataPath)
const entryHook = Symbol.for('jsonata.__evaluate_entry')
const bound = Symbol('bound')
const compiled = new Map()
const onEntry = (_node, _input, environment) => {
  const base = environment.base
  if (base[bound]) return
  base[bound] = true
  base.bind('$', environment.lookup('__capmapPayload'))
}
const isFunction = (value) =>
  typeof value === 'function' ||
  (value !== null && typeof value === 'object' && (value._jsonata_function === true || value._jsonata_lambda === true))
const plain = (value) => {
  if (isFunction(value)) return undefined
  if (Array.isArray(value)) return value.map(plain).filter((element) => element !== undefined)
  if (value !== null && typeof value === 'object') {
    const object = {}
    for (const [key, child] of Object.entries(value)) {
      const converted = plain(child)
      if (converted !== undefined)
        Object.defineProperty(object, key, { value: converted, enumerable: true, writable: true, configurable: true })
    }
    return object
  }
  return value
}
const describe = (error) => {
  if (error && typeof error === 'object' && typeof error.message === 'string') {
    const code = typeof error.code === 'string' ? ' (' + error.code + ')' : ''
    const where = typeof error.position === 'number' ? ' at character ' + error.position : ''
    return error.message + code + where
  }
  return String(error)
}
parentPort.on('message', async ({ id, expression, input, payload }) => {
  try {
    let prepared = compiled.get(expression)
    if (!prepared) {
      prepared = jsonata(expression, { stack: workerData.depthLimit })
      prepared.assign(entryHook, onEntry)
      if (compiled.size >= 500) compiled.clear()
      compiled.set(expression, prepared)
    }
    const value = plain(await prepared.evaluate(input, { __capmapPayload: payload }))
    parentPort.postMessage({ id, ok: true, value })
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: describe(error) })
  }
})
`

/**
 * Runs JSONata expressions in a worker thread that is terminated when an evaluation overruns its time limit: one
 * built-in call (a pathological regex, a huge sort) cannot be interrupted from inside, so in main a runaway
 * expression costs a worker, never a hang. Evaluations run one at a time, so a timeout is always the right one's.
 */
export function createWorkerExpressionEvaluator(
  options: WorkerExpressionEvaluatorOptions = {}
): WorkerExpressionEvaluator {
  const timeLimitMs = options.timeLimitMs ?? 1000
  const depthLimit = options.depthLimit ?? 500
  let worker: Worker | undefined
  let nextId = 1
  let queue: Promise<unknown> = Promise.resolve()

  const start = (): Worker => {
    const started = new Worker(workerSource, {
      eval: true,
      workerData: { jsonataPath: resolvePackage('jsonata'), depthLimit }
    })
    // Idle, the worker must not keep the process alive; a pending evaluation's timer does.
    started.unref()
    return started
  }

  const stop = async (): Promise<void> => {
    const stopping = worker
    worker = undefined
    if (stopping) await stopping.terminate()
  }

  const run = (request: Omit<Request, 'id'>): Promise<ExpressionOutcome> =>
    new Promise<ExpressionOutcome>((resolve) => {
      const current = (worker ??= start())
      const id = nextId++
      const finish = (outcome: ExpressionOutcome) => {
        clearTimeout(timer)
        current.off('message', onMessage)
        current.off('error', onError)
        current.off('exit', onExit)
        resolve(outcome)
      }
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return
        finish(
          reply.ok ? { ok: true, value: reply.value } : { ok: false, code: 'expression_error', message: reply.message }
        )
      }
      const onError = (error: Error) => {
        void stop()
        finish({ ok: false, code: 'expression_error', message: `The expression worker failed: ${error.message}` })
      }
      const onExit = () => {
        if (worker === current) worker = undefined
        finish({ ok: false, code: 'expression_error', message: 'The expression worker stopped unexpectedly.' })
      }
      const timer = setTimeout(() => {
        finish({
          ok: false,
          code: 'expression_timeout',
          message: `The expression ran longer than ${timeLimitMs} ms and was stopped.`
        })
        void stop()
      }, timeLimitMs)
      current.on('message', onMessage)
      current.on('error', onError)
      current.on('exit', onExit)
      try {
        current.postMessage({ id, ...request } satisfies Request)
      } catch (error) {
        finish({
          ok: false,
          code: 'expression_error',
          message: `The payload cannot be sent to the worker: ${String(error)}`
        })
      }
    })

  return {
    evaluate(expression, input, payload) {
      const outcome = queue.then(() => run({ expression, input, payload }))
      queue = outcome
      return outcome
    },
    close: () => queue.then(stop, stop)
  }
}
