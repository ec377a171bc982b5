import type { TestCase } from '../../shared/model/testCase'

/** What a test post sends, and the passing test case it comes from. */
export interface TestPayload {
  testCaseName: string
  payload: Record<string, unknown>
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The payload of a test post (issue 10, step 4), from a test case that passed in a run that still counts:
 * - `output`: a relayed integration's mapped output for this event (Capillary's flat shape, notes §6.3), which goes
 *   to the Custom (defaultTransformer) webhook as the relay would post it;
 * - `source`: the payload as the source sends it, which goes to the integration's own transformer webhook so
 *   Capillary's adapter mapping is tested too.
 */
export function testPayloadFor(
  testCases: readonly TestCase[],
  kind: 'output' | 'source',
  eventName: string
): TestPayload | undefined {
  for (const testCase of testCases) {
    if (!testCase.current || testCase.lastRun?.passed !== true) continue
    if (kind === 'source') {
      if (isObject(testCase.payload)) return { testCaseName: testCase.name, payload: testCase.payload }
      continue
    }
    const output = testCase.lastRun.actual.find((candidate) => candidate.event_name === eventName)
    if (output) return { testCaseName: testCase.name, payload: { ...output } }
  }
  return undefined
}
