import type { Bundle } from '../../shared/bundle/bundleFormat'
import { compileMapping } from '../../shared/engine/compileMapping'
import type { ExpressionEvaluator } from '../../shared/engine/expressions/expressionEvaluator'
import { describeFailure } from '../testCases/describeFailure'
import { runTestCase } from '../testCases/runTestCase'
import { bundleMapping } from './bundleMapping'
import { mainEngineOptions } from '../engine/compileProjectMapping'

export interface BundleTestOutcome {
  passed: number
  /** One line per failure: where, which test case, why. */
  failures: string[]
}

/** Every test case of a bundle through the engine, in memory, judged as the studio judges a project's. */
export async function testBundle(bundle: Bundle, evaluator: ExpressionEvaluator): Promise<BundleTestOutcome> {
  const outcome: BundleTestOutcome = { passed: 0, failures: [] }
  for (const mapping of bundle.mappings) {
    const chosen = bundleMapping(bundle, { event: mapping.event, integration: mapping.integration })
    if (!chosen.ok) continue // readBundle refuses bundles whose mappings name nothing
    const compiled = compileMapping(chosen.spec, chosen.event, mainEngineOptions(evaluator))
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
