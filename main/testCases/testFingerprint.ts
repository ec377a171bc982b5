import { createHash } from 'node:crypto'
import { stringify } from 'safe-stable-stringify'
import { MappingSpec } from '../../shared/model/mapping'
import type { TestCaseDraft } from '../../shared/model/testCase'
import { type ProjectMappingParts, resolvedSpec } from '../engine/compileProjectMapping'

type FingerprintedTestCase = Pick<TestCaseDraft, 'payload' | 'expected'>

/** A mapping spec's own fields: a stored mapping also carries its id and times, which change with every save. */
const specFields = Object.keys(MappingSpec.shape) as (keyof MappingSpec)[]

/**
 * What a test case's run depends on, hashed: the event's design, the mapping as the engine runs it (the
 * integration's event-name map included) and the test case itself. A run whose fingerprint differs from today's
 * ran against something since changed, so the Tested gate does not count it.
 */
export function testFingerprint(parts: ProjectMappingParts, testCase: FingerprintedTestCase): string {
  const spec = resolvedSpec(parts)
  // The spec alone, so an edit undone brings back the runs of what is again the same mapping.
  return fingerprintOf(parts, Object.fromEntries(specFields.map((field) => [field, spec[field]])), testCase)
}

/**
 * Whether a run was of the event, mapping and test case as they are now. Runs recorded by earlier studios hashed the
 * stored mapping whole (its id and times included): they count while that mapping is unchanged, so an upgrade does
 * not turn every Tested event's tests into "not run".
 */
export function isCurrentRun(fingerprint: string, parts: ProjectMappingParts, testCase: FingerprintedTestCase) {
  return (
    fingerprint === testFingerprint(parts, testCase) ||
    fingerprint === fingerprintOf(parts, resolvedSpec(parts), testCase)
  )
}

function fingerprintOf(parts: ProjectMappingParts, spec: unknown, testCase: FingerprintedTestCase): string {
  // Any change to the event counts (the gate's rule), so everything the user edits is in, ids and times aside.
  const { name, label, description, kind, actions, attributes } = parts.event
  const canonical = stringify({
    event: {
      name,
      label,
      description,
      kind,
      actions,
      attributes: attributes.map(({ id: _id, ...attribute }) => attribute)
    },
    spec,
    payload: testCase.payload,
    expected: testCase.expected
  })
  return createHash('sha256')
    .update(canonical ?? '')
    .digest('hex')
}
