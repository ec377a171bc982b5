import { Sparkles } from 'lucide-react'
import { useMemo } from 'react'
import { maxTestCaseNameLength, type EdgeCaseResult } from '../../../shared/model/testCase'
import { sliceWhole } from '../../../shared/model/wellFormedText'
import { firstFreeName } from '../../../shared/model/withSuffixWithin'
import { useStudio, useStudioStore } from '../../app/StudioContext'

/** Past this many characters an outcome is cut short: an edge case's value may be 100,000 characters long. */
const outcomeMaxChars = 300

/** What an edge case gave: valid, not this event, or the first error (its code kept for tests and tooltips). */
function outcome(result: EdgeCaseResult): { label: string; chip: string; code?: string } {
  if (!result.matched) return { label: 'Not this event', chip: 'chip-draft' }
  if (result.valid) return { label: 'Valid', chip: 'chip-ok' }
  const error = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error')
  if (!error) return { label: 'Invalid', chip: 'chip-error' }
  const label =
    error.message.length > outcomeMaxChars ? `${sliceWhole(error.message, outcomeMaxChars)}…` : error.message
  return { label, chip: 'chip-error', code: error.code }
}

/**
 * Edge cases made from one of the mapping's test cases (or its first): each field the mapping reads nulled,
 * removed, emptied, mistyped, huge or unicode, each list resized. Any of them can be kept as a test case.
 */
export function EdgeCasesPanel({ mappingId }: { mappingId: string }) {
  const { tests } = useStudio()
  const all = useStudioStore(
    (s) => s.tests,
    (state) => state.testCases
  )
  const selectedId = useStudioStore(
    (s) => s.tests,
    (state) => state.selectedTestCaseId
  )
  const edgeCases = useStudioStore(
    (s) => s.tests,
    (state) => (state.edgeCases?.mappingId === mappingId ? state.edgeCases.results : null)
  )
  const busy = useStudioStore(
    (s) => s.tests,
    (state) => state.edgeCasesBusy
  )
  const base = useMemo(() => {
    const own = all.filter((testCase) => testCase.mappingId === mappingId && testCase.expected.length > 0)
    return own.find((testCase) => testCase.id === selectedId) ?? own[0]
  }, [all, mappingId, selectedId])

  if (!base) {
    return (
      <div className="empty-state small">
        <p>Edge cases are made from a test case that expects an event: save one first.</p>
      </div>
    )
  }
  // Kept under its own name, or a free one when the same edge case was kept before (from another base).
  const taken = new Set(
    all.filter((testCase) => testCase.mappingId === mappingId).map((testCase) => testCase.name.trim().toLowerCase())
  )
  const freeName = (name: string) =>
    taken.has(name.toLowerCase())
      ? firstFreeName(
          name,
          (n) => ` (${n})`,
          maxTestCaseNameLength,
          (candidate) => taken.has(candidate.toLowerCase())
        )
      : name
  const keep = (result: EdgeCaseResult) =>
    void tests.getState().save(undefined, {
      mappingId,
      name: freeName(result.name),
      source: { kind: 'edgeCase', caseName: result.name },
      payload: result.payload as never,
      expected: result.outputs
    })
  return (
    <div className="edge-cases">
      <p className="muted">
        From the payload of <strong>{base.name}</strong>: the ways real senders get fields wrong, run through the
        mapping. Keep any as a test case once its output is what Capillary should get.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void tests.getState().runEdgeCases(mappingId, base.payload)}
        >
          <Sparkles size={14} /> {busy ? 'Running…' : 'Run edge cases'}
        </button>
      </div>
      {edgeCases && (
        <table className="table" aria-label="Edge cases">
          <thead>
            <tr>
              <th>Edge case</th>
              <th>Outcome</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {edgeCases.map((result) => {
              const { label, chip, code } = outcome(result)
              return (
                <tr key={result.name}>
                  <td className="mono">{result.name}</td>
                  <td>
                    <span className={`chip ${chip} edge-case-outcome`} data-code={code} title={code}>
                      {label}
                    </span>
                  </td>
                  <td>
                    <button type="button" className="link-button" onClick={() => keep(result)}>
                      Keep as test case
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </div>
  )
}
