import type { EventTestStatus, TestCase, TestCaseSource } from '../../../shared/model/testCase'
import { plural } from '../../ui/plural'

export type Verdict = 'passed' | 'failed' | 'notRun'

/** A test case's verdict as the gate sees it: a run of something since changed counts as not run. */
export function verdictOf(testCase: TestCase): Verdict {
  if (!testCase.current || !testCase.lastRun) return 'notRun'
  return testCase.lastRun.passed ? 'passed' : 'failed'
}

export const verdictLabel: Record<Verdict, string> = { passed: 'Passed', failed: 'Failed', notRun: 'Not run' }
export const verdictChip: Record<Verdict, string> = { passed: 'chip-ok', failed: 'chip-error', notRun: 'chip-draft' }

/**
 * An event's test cases in a few words, telling "not run yet" apart from failing: "2 test cases · not run yet",
 * "1 of 2 passing · 1 failing", "2 of 2 passing".
 */
export function tallyLabel(status: Pick<EventTestStatus, 'testCases' | 'passing' | 'failing' | 'notRun'>): string {
  if (status.testCases === 0) return 'No test case'
  if (status.notRun === status.testCases) return `${plural(status.testCases, 'test case')} · not run yet`
  const parts = [`${status.passing} of ${status.testCases} passing`]
  if (status.failing > 0) parts.push(`${status.failing} failing`)
  if (status.notRun > 0) parts.push(`${status.notRun} not run`)
  return parts.join(' · ')
}

export function sourceLabel(source: TestCaseSource): string {
  switch (source.kind) {
    case 'capture':
      return `Capture #${source.captureId}`
    case 'sample':
      return `Sample ${source.name}`
    case 'edgeCase':
      return `Edge case: ${source.caseName}`
    default:
      return 'Pasted payload'
  }
}

export const failureLabel = {
  outputs_differ: 'The outputs differ from the expected ones',
  invalid_output: 'The outputs are as expected, but Capillary would reject them',
  engine_error: 'The engine could not run the mapping'
} as const
