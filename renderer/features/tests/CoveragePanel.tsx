import { useEffect } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { plural } from '../../ui/plural'

const percent = (share: number) => `${Math.round(share * 100)}%`

/** What the mapping's test cases and its integration's captures leave untouched. */
export function CoveragePanel({ mappingId }: { mappingId: string }) {
  const { tests } = useStudio()
  const coverage = useStudioStore(
    (s) => s.tests,
    (state) => (state.coverage?.mappingId === mappingId ? state.coverage : null)
  )
  const testCases = useStudioStore(
    (s) => s.tests,
    (state) => state.testCases
  )
  useEffect(() => {
    void tests.getState().loadCoverage(mappingId)
  }, [tests, mappingId, testCases])

  if (!coverage) return <p className="muted">Working coverage out…</p>
  return (
    <div className="coverage" aria-label="Coverage">
      <section>
        <h4>Rules no test case exercises ({coverage.rulesNotExercised.length})</h4>
        {coverage.rulesNotExercised.length === 0 ? (
          <p className="muted">Every rule's attribute is expected by at least one test case.</p>
        ) : (
          <ul>
            {coverage.rulesNotExercised.map((target) => (
              <li key={target} className="mono">
                {target}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h4>Required attributes no capture fills ({coverage.requiredUnfilled.length})</h4>
        {coverage.requiredUnfilled.length === 0 ? (
          <p className="muted">
            Every required attribute had a value in the outputs of the {plural(coverage.capturesMatched, 'capture')} of
            this event among the {coverage.capturesRead} newest.
          </p>
        ) : (
          <ul>
            {coverage.requiredUnfilled.map((entry) => (
              <li key={entry.attribute}>
                <span className="mono">{entry.attribute}</span>: {entry.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h4>Source fields no rule reads ({coverage.unusedFields.length})</h4>
        {coverage.capturesRead === 0 ? (
          <p className="muted">No captures yet: the fields senders send are learnt from captures.</p>
        ) : coverage.capturesMatched === 0 ? (
          <p className="muted">
            None of the {coverage.capturesRead} newest captures is this event: its fields are learnt from its captures.
          </p>
        ) : coverage.unusedFields.length === 0 ? (
          <p className="muted">
            Rules read every field of the {plural(coverage.capturesMatched, 'capture')} of this event among the{' '}
            {coverage.capturesRead} newest.
          </p>
        ) : (
          <table className="table" aria-label="Source fields no rule reads">
            <thead>
              <tr>
                <th>Field</th>
                <th>In captures</th>
                <th>Example</th>
              </tr>
            </thead>
            <tbody>
              {coverage.unusedFields.map((field) => (
                <tr key={field.path}>
                  <td className="mono">{field.path}</td>
                  <td>{percent(field.presence)}</td>
                  <td className="mono muted">{JSON.stringify(field.example)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {coverage.expressionRules.length > 0 && (
          <p className="muted">
            JSONata rules ({coverage.expressionRules.join(', ')}) may read more fields: those are not worked out.
          </p>
        )}
      </section>
    </div>
  )
}
