import { isDeepStrictEqual } from 'node:util'
import type { CompiledMapping } from '../../shared/engine/compileMapping'
import type { CapillaryPayload, MappingResult } from '../../shared/engine/mappingResult'
import type { TestCaseDraft, TestFailure, TestRun } from '../../shared/model/testCase'

/** Codes that mean the engine could not do its work, rather than a payload that maps badly. */
const engineFailures = new Set(['engine_error', 'expression_error', 'expression_timeout'])

/**
 * Runs one test case: the mapping's outputs must equal the expected ones (as JSON: key order aside), and, when
 * outputs are expected, be valid for Capillary. Expecting none means the payload must not give an event.
 */
export async function runTestCase(
  compiled: CompiledMapping,
  testCase: Pick<TestCaseDraft, 'payload' | 'expected'>,
  context: { now: string; fingerprint: string }
): Promise<TestRun> {
  return judgeResult(await compiled(testCase.payload), testCase, context)
}

/** The verdict on what a mapping gave for a test case's payload. */
export function judgeResult(
  result: MappingResult,
  testCase: Pick<TestCaseDraft, 'expected'>,
  context: { now: string; fingerprint: string }
): TestRun {
  // Through JSON, as Capillary would receive them: keys left undefined vanish, as they do on the wire.
  const actual = JSON.parse(JSON.stringify(result.outputs.map((output) => output.payload))) as CapillaryPayload[]
  const diagnostics = result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
  const failure = verdict(
    actual,
    testCase.expected,
    result.outputs.every((output) => output.valid),
    diagnostics.map((entry) => entry.code)
  )
  return {
    ranAt: context.now,
    passed: failure === null,
    failure,
    actual,
    diagnostics,
    fingerprint: context.fingerprint
  }
}

function verdict(
  actual: CapillaryPayload[],
  expected: readonly CapillaryPayload[],
  outputsValid: boolean,
  codes: readonly string[]
): TestFailure | null {
  if (codes.some((code) => engineFailures.has(code))) return 'engine_error'
  if (!isDeepStrictEqual(actual, JSON.parse(JSON.stringify(expected)))) return 'outputs_differ'
  if (expected.length > 0 && !outputsValid) return 'invalid_output'
  return null
}
