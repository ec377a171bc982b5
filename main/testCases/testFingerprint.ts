import { createHash } from 'node:crypto'
import { stringify } from 'safe-stable-stringify'
import type { TestCaseDraft } from '../../shared/model/testCase'
import { type ProjectMappingParts, resolvedSpec } from '../engine/compileProjectMapping'

/**
 * What a test case's run depends on, hashed: the event's design, the mapping as the engine runs it (the
 * integration's event-name map included) and the test case itself. A run whose fingerprint differs from today's
 * ran against something since changed, so the Tested gate does not count it.
 */
export function testFingerprint(parts: ProjectMappingParts, testCase: Pick<TestCaseDraft, 'payload' | 'expected'>) {
  // Any change to the event counts (the gate's rule), so everything the user edits is in, ids and times aside.
  const { name, label, description, kind, actions, attributes } = parts.event
  // The spec alone: not the mapping's id or times, which change with every save, even one that undoes an edit.
  const { match, fanOut, rules } = resolvedSpec(parts)
  const canonical = stringify({
    event: {
      name,
      label,
      description,
      kind,
      actions,
      attributes: attributes.map(({ id: _id, ...attribute }) => attribute)
    },
    spec: { match, fanOut, rules },
    payload: testCase.payload,
    expected: testCase.expected
  })
  return createHash('sha256')
    .update(canonical ?? '')
    .digest('hex')
}
