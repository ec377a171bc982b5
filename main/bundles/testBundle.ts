import { performance } from 'node:perf_hooks'
import type { Bundle } from '../../shared/bundle/bundleFormat'
import { compileMapping } from '../../shared/engine/compileMapping'
import type { ExpressionEvaluator } from '../../shared/engine/expressions/expressionEvaluator'
import { resolveMatch } from '../../shared/engine/resolveMatch'
import { describeFailure } from '../testCases/describeFailure'
import { runTestCase } from '../testCases/runTestCase'

export interface BundleTestOutcome {
  passed: number
  /** One line per failure: where, which test case, why. */
  failures: string[]
}

/** Every test case of a bundle through the engine, in memory, judged as the studio judges a project's. */
export async function testBundle(bundle: Bundle, evaluator: ExpressionEvaluator): Promise<BundleTestOutcome> {
  const events = new Map(bundle.events.map((event) => [event.name, event]))
  const integrations = new Map(bundle.integrations.map((integration) => [integration.slug, integration]))
  const outcome: BundleTestOutcome = { passed: 0, failures: [] }
  for (const mapping of bundle.mappings) {
    const event = events.get(mapping.event)
    const integration = integrations.get(mapping.integration)
    if (!event || !integration) continue // readBundle refuses such bundles
    const spec = resolveMatch(mapping.spec, {
      eventNameField: integration.eventNameField,
      sourceNames: integration.eventNameMap
        .filter((entry) => entry.eventName === event.name)
        .map((entry) => entry.sourceName)
    })
    const compiled = compileMapping(spec, event, { clock: () => performance.now(), expressionEvaluator: evaluator })
    const testCases = bundle.testCases.filter(
      (testCase) => testCase.integration === mapping.integration && testCase.event === mapping.event
    )
    for (const testCase of testCases) {
      const run = await runTestCase(compiled, testCase, { now: '', fingerprint: '' })
      if (run.passed) outcome.passed += 1
      else {
        const line = describeFailure({ expected: testCase.expected, lastRun: run })
        outcome.failures.push(`FAIL ${mapping.event} from ${mapping.integration}: ${testCase.name}: ${line}`)
      }
    }
  }
  return outcome
}
