import type { EventDefinition } from '../../shared/model/event'
import type { EventTestStatus, TestCase } from '../../shared/model/testCase'

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/**
 * The Tested gate: an event is Tested when it has at least one test case and every test case of every mapping
 * that targets it passed, in a run of the event, mapping and test case as they are now. Anything else is Draft,
 * with what is missing said plainly.
 */
export function eventTestStatus(event: EventDefinition, testCases: readonly TestCase[]): EventTestStatus {
  const notRun = testCases.filter((testCase) => !testCase.current).length
  const passing = testCases.filter((testCase) => testCase.current && testCase.lastRun?.passed === true).length
  const failing = testCases.length - notRun - passing
  const missing: string[] = []
  if (testCases.length === 0) {
    missing.push(`${event.name} has no test case: save a captured payload with its expected output as one.`)
  }
  if (notRun > 0) {
    missing.push(
      `${plural(notRun, 'test case has', 'test cases have')} not run since the last change to the event, its mapping or the test: run ${notRun === 1 ? 'it' : 'them'}.`
    )
  }
  if (failing > 0) {
    missing.push(
      `${plural(failing, 'test case fails', 'test cases fail')}: open ${failing === 1 ? 'it' : 'each'} to see expected against actual.`
    )
  }
  return {
    eventId: event.id,
    eventName: event.name,
    status: missing.length === 0 ? 'tested' : 'draft',
    testCases: testCases.length,
    passing,
    failing,
    notRun,
    missing
  }
}
