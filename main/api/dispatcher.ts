import type { z } from 'zod'
import { isRequestName, requests, type RequestName } from '../../shared/api/contract'
import { fail, ok, type Result } from '../../shared/api/result'
import { issuePath } from '../../shared/model/spelledPath'
import { StudioError } from '../errors/StudioError'
import { projectBusyError } from '../store/projectBusy'
import { brokenTextPath } from './brokenTextPath'
import type { Logger } from '../platform/logger'
import type { Handlers } from './handlers'

export type Dispatch = (name: string, rawInput: unknown) => Promise<Result<unknown>>

/**
 * The one dispatcher both transports use: unknown names and invalid inputs are refused before any handler runs,
 * a StudioError becomes its code and message, as does a project file another program keeps busy; anything else
 * `internal` (logged, never leaked as a stack).
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (name, rawInput) => {
    if (!isRequestName(name)) return fail('unknown_request', `There is no request named ${name}.`)
    const parsed = parseInput(name, rawInput)
    if (!parsed.success) return fail('invalid_input', parsed.message)
    try {
      const handler = handlers[name] as (input: unknown) => unknown
      return ok(await handler(parsed.data))
    } catch (error) {
      if (error instanceof StudioError) return fail(error.code, error.message)
      const busy = projectBusyError(error)
      if (busy) return fail(busy.code, busy.message)
      logger.error(`${name} failed: ${(error as Error).stack ?? String(error)}`)
      return fail('internal', `Something went wrong in ${name}: ${(error as Error).message}. Details are in the log.`)
    }
  }
}

/**
 * Checks an input against its schema, after refusing text no file can keep (brokenTextPath). A schema's own checks
 * may throw on hostile input (JSON.stringify of a payload nested thousands deep overflows the stack): that is an
 * invalid input too, not a failure of the studio.
 */
function parseInput(
  name: RequestName,
  rawInput: unknown
): { success: true; data: unknown } | { success: false; message: string } {
  try {
    const broken = brokenTextPath(rawInput)
    if (broken !== undefined) {
      return {
        success: false,
        message: `The text ${broken === '' ? 'sent' : `at ${broken}`} holds a broken character (half of a pair): type it again.`
      }
    }
    const parsed = requests[name].input.safeParse(rawInput ?? {})
    return parsed.success ? parsed : { success: false, message: describeIssues(parsed.error) }
  } catch (error) {
    const tooDeep = error instanceof RangeError
    return {
      success: false,
      message: tooDeep
        ? 'The input is nested too deeply to read.'
        : `The input could not be read: ${(error as Error).message}`
    }
  }
}

/**
 * What is wrong with an input, in sentences a user reads in the studio, each after where it is
 * (`draft.attributes[2].name: …`, as bundle problems are named), rather than zod's console layout of crosses and
 * arrows.
 */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issuePath(issue.path)
      const message = /[.!?)]$/.test(issue.message) ? issue.message : `${issue.message}.`
      return where === '' ? message : `${where}: ${message}`
    })
    .join(' ')
}
