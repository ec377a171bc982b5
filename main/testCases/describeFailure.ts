import { isDeepStrictEqual } from 'node:util'
import type { TestCase } from '../../shared/model/testCase'

const shown = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value))

/** One line saying why a test case failed: the first output key that differs, or the first error diagnostic. */
export function describeFailure(testCase: Pick<TestCase, 'expected' | 'lastRun'>): string {
  const run = testCase.lastRun
  if (!run) return 'not run'
  if (run.failure === 'engine_error' || run.failure === 'invalid_output') {
    const error = run.diagnostics.find((diagnostic) => diagnostic.severity === 'error')
    const what = run.failure === 'engine_error' ? 'the engine failed' : 'an output is invalid for Capillary'
    return error ? `${what}: ${error.attribute ? `${error.attribute}: ` : ''}${error.message}` : what
  }
  const { expected } = testCase
  const { actual } = run
  if (expected.length !== actual.length) {
    return `expected ${expected.length} ${expected.length === 1 ? 'event' : 'events'}, got ${actual.length}`
  }
  for (let index = 0; index < expected.length; index++) {
    const want: Record<string, unknown> = expected[index] ?? {}
    const got: Record<string, unknown> = actual[index] ?? {}
    for (const key of new Set([...Object.keys(want), ...Object.keys(got)])) {
      const [a, b] = [want[key], got[key]]
      if (!isDeepStrictEqual(a, b)) {
        const where = expected.length > 1 ? `event ${index + 1}, ` : ''
        return `${where}${key}: expected ${shown(a)}, got ${shown(b)}`
      }
    }
  }
  return 'outputs differ'
}
